package org.gtt.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.content.BlockException;
import org.gtt.train.ModelKind;
import org.gtt.train.TrainingParameters;

/**
 * The train widget's state and the race it stands for. The state holds one checkbox per runner (keyed by
 * the model's API name), {@code steps}, {@code hidden}, {@code learningRate}, {@code clipping} (on/off) with
 * its threshold {@code clip}, the budget {@code iterations} and the {@code seed}; every other field of the
 * request keeps {@link TrainingParameters#defaults()}. static/js/widgets/train.js sends the same fields as
 * the body of POST /api/v1/train, so the recording baked for a state is the race the server would run.
 */
final class TrainingPreset {
    static final String CLIPPING = "clipping";

    private TrainingPreset() {}

    /** The default race as widget state, read from the trainer's own defaults. */
    static Map<String, String> defaults() {
        TrainingParameters p = TrainingParameters.defaults();
        Map<String, String> state = new LinkedHashMap<>();
        for (ModelKind kind : ModelKind.values()) state.put(kind.jsonName(), Boolean.toString(p.models().contains(kind)));
        state.put("steps", Integer.toString(p.steps()));
        state.put("hidden", Integer.toString(p.hidden()));
        state.put("learningRate", Control.format(p.learningRate()));
        state.put(CLIPPING, Boolean.toString(p.clip() != null));
        state.put("clip", Control.format(p.clip() == null ? 1.0 : p.clip()));
        state.put("iterations", Integer.toString(p.iterations()));
        state.put("seed", Long.toString(p.seed()));
        return state;
    }

    /** The race a state asks for; a block that unticks every runner is refused. */
    static TrainingParameters parameters(Map<String, String> state) throws BlockException {
        List<ModelKind> models = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            if ("true".equals(state.get(kind.jsonName()))) models.add(kind);
        }
        if (models.isEmpty()) throw new BlockException("the train widget needs at least one runner: set one of rnn, lstm, gru, irnn to true");
        TrainingParameters d = TrainingParameters.defaults();
        Double clip = "true".equals(state.get(CLIPPING)) ? Double.valueOf(state.get("clip")) : null;
        return new TrainingParameters(models, Integer.parseInt(state.get("steps")), Integer.parseInt(state.get("hidden")), d.batch(),
                Double.parseDouble(state.get("learningRate")), d.optimizer(), clip, d.clipMode(), d.forgetBias(),
                Integer.parseInt(state.get("iterations")), Long.parseLong(state.get("seed")), d.reportEvery());
    }
}
