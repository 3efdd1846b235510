package org.gtt.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.gtt.train.ModelKind;
import org.gtt.train.ModelReport;
import org.gtt.train.Race;
import org.gtt.train.RecordedRace;
import org.gtt.train.TrainingParameters;

/**
 * The training API's JSON (see CONTRACTS.md): the events {@code started}, {@code progress} and {@code done}
 * of the stream, and a whole recorded race for a page to replay. A number that is not finite (no
 * evaluation yet, or a diverged run) is written as null.
 */
public final class TrainingJson {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    private TrainingJson() {}

    public static ObjectNode parameters(TrainingParameters p) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode models = node.putArray("models");
        for (ModelKind kind : p.models()) models.add(kind.jsonName());
        node.put("steps", p.steps());
        node.put("hidden", p.hidden());
        node.put("batch", p.batch());
        node.put("learningRate", p.learningRate());
        node.put("optimizer", p.optimizer().jsonName());
        if (p.clip() == null) node.putNull("clip"); else node.put("clip", p.clip());
        node.put("clipMode", p.clipMode().jsonName());
        node.put("forgetBias", p.forgetBias());
        node.put("iterations", p.iterations());
        node.put("seed", p.seed());
        node.put("reportEvery", p.reportEvery());
        return node;
    }

    public static ObjectNode started(String id, TrainingParameters p) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.set("parameters", parameters(p));
        return node;
    }

    /** The job waits for a thread: {@code position} jobs are ahead of it, counting itself (1: next). */
    public static ObjectNode queued(String id, int position) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", id);
        node.put("position", position);
        return node;
    }

    public static ObjectNode progress(Race.Progress progress) {
        ObjectNode node = JSON.createObjectNode();
        node.put("iteration", progress.iteration());
        ArrayNode models = node.putArray("models");
        for (ModelReport report : progress.models()) models.add(model(report));
        return node;
    }

    private static ObjectNode model(ModelReport r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("model", r.model().jsonName());
        node.put("iteration", r.iteration());
        number(node, "trainLoss", r.trainLoss());
        number(node, "evalLoss", r.evalLoss());
        number(node, "evalAccuracy", r.evalAccuracy());
        number(node, "gradNormBeforeClip", r.gradNormBeforeClip());
        number(node, "gradNormAfterClip", r.gradNormAfterClip());
        numbers(node.putArray("stepGradientNorms"), r.stepGradientNorms());
        if (r.cellGradientNorms() != null) numbers(node.putArray("cellGradientNorms"), r.cellGradientNorms());
        number(node, "iterationsPerSecond", r.iterationsPerSecond());
        if (r.solvedAt() == null) node.putNull("solvedAt"); else node.put("solvedAt", r.solvedAt());
        return node;
    }

    public static ObjectNode done(Race.Finish finish) {
        ObjectNode node = JSON.createObjectNode();
        ObjectNode solved = node.putObject("solvedAt");
        for (Map.Entry<ModelKind, Integer> entry : finish.solvedAt().entrySet()) {
            if (entry.getValue() == null) solved.putNull(entry.getKey().jsonName());
            else solved.put(entry.getKey().jsonName(), entry.getValue());
        }
        number(node, "seconds", finish.seconds());
        node.put("stoppedBy", finish.stoppedBy().jsonName());
        return node;
    }

    /** A recorded race: {"parameters", "progress": [every progress event], "done"}, for a page to replay. */
    public static ObjectNode recorded(RecordedRace race) {
        ObjectNode node = JSON.createObjectNode();
        node.set("parameters", parameters(race.parameters()));
        ArrayNode reports = node.putArray("progress");
        for (Race.Progress progress : race.reports()) reports.add(progress(progress));
        node.set("done", done(race.finish()));
        return node;
    }

    public static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    private static void number(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value); else node.putNull(name);
    }

    private static void numbers(ArrayNode array, double[] values) {
        for (double value : values) {
            if (Double.isFinite(value)) array.add(value); else array.addNull();
        }
    }
}
