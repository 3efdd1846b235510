package org.gtt.widget;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gtt.content.BlockException;
import org.gtt.train.ModelKind;
import org.gtt.train.TrainingParameters;

/**
 * The train widget's state and the race it stands for. The state holds one checkbox per runner (keyed by
 * the model's API name), {@code steps}, {@code hidden}, {@code learningRate}, {@code clipping} (on/off) with
 * its threshold {@code clip}, the budget {@code iterations} and the {@code seed}; every other field of the
 * request keeps its default. static/js/widgets/train.js sends the same body to POST /api/v1/train, and the
 * recording baked for a state is parsed from it by the API's own parser, so it is the race the server would run.
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

    /** The body of POST /api/v1/train for a state, field for field as train.js writes it; a state with no runner is refused. */
    static String body(Map<String, String> state) throws BlockException {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ArrayNode models = body.putArray("models");
        for (ModelKind kind : ModelKind.values()) {
            if ("true".equals(state.get(kind.jsonName()))) models.add(kind.jsonName());
        }
        if (models.isEmpty()) throw new BlockException("the train widget needs at least one runner: set one of rnn, lstm, gru, irnn to true");
        body.put("steps", Integer.parseInt(state.get("steps")));
        body.put("hidden", Integer.parseInt(state.get("hidden")));
        body.put("learningRate", Double.parseDouble(state.get("learningRate")));
        if ("true".equals(state.get(CLIPPING))) body.put("clip", Double.parseDouble(state.get("clip"))); else body.putNull("clip");
        body.put("iterations", Integer.parseInt(state.get("iterations")));
        body.put("seed", Long.parseLong(state.get("seed")));
        return body.toString();
    }
}
