package org.gtt.api;

import static org.gtt.api.ApiField.Kind.BOOLEAN;
import static org.gtt.api.ApiField.Kind.INTEGER;
import static org.gtt.api.ApiField.Kind.NUMBER;
import static org.gtt.api.ApiField.Kind.STRING;

import org.gtt.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.engine.cliff.CliffDefaults;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Clipping;
import org.gtt.engine.cliff.Descent;

/**
 * The cliff endpoints' query fields, with defaults and bounds, and their parsing into engine requests:
 * GET /api/v1/cliff (the grid) and GET /api/v1/cliff/descent (one trajectory).
 */
final class CliffRequests {
    private CliffRequests() {}

    static final double MAX_LEARNING_RATE = 10.0;
    static final double MIN_LEARNING_RATE = 1e-6;
    static final double MAX_CLIP = 1e6;
    static final double MIN_CLIP = 1e-6;

    /** {@code gradients} false leaves ∂E/∂w and ∂E/∂b out of the answer (the widget's heat map needs only E). */
    record Grid(CliffModel model, CliffGrid.Spec spec, boolean gradients) {}

    record Trajectory(CliffModel model, Descent.Settings settings) {}

    static final Map<String, ApiField> GRID_FIELDS = fields(
            parameter("wMin", 4.5, "left edge of the grid in w"),
            parameter("wMax", 5.4, "right edge of the grid in w (more than wMin)"),
            parameter("bMin", -3.0, "bottom edge of the grid in b"),
            parameter("bMax", -1.0, "top edge of the grid in b (more than bMin)"),
            new ApiField("n", INTEGER, 101, 2.0, (double) CliffGrid.Spec.MAX_N, null, "grid points per side"),
            steps(),
            new ApiField("gradients", BOOLEAN, true, null, null, null, "false: only the loss, without dLossDw and dLossDb"));

    static final Map<String, ApiField> DESCENT_FIELDS = fields(
            parameter("w0", CliffDefaults.W0, "start w"),
            parameter("b0", CliffDefaults.B0, "start b"),
            new ApiField("learningRate", NUMBER, CliffDefaults.LEARNING_RATE, MIN_LEARNING_RATE, MAX_LEARNING_RATE, null,
                    "step size η"),
            new ApiField("iterations", INTEGER, CliffDefaults.ITERATIONS, 1.0, (double) Descent.MAX_ITERATIONS, null,
                    "number of steps"),
            new ApiField("clip", NUMBER, null, MIN_CLIP, MAX_CLIP, null, "clipping threshold θ; absent = plain descent"),
            new ApiField("clipMode", STRING, "norm", null, null, List.of("norm", "value"),
                    "norm (Pascanu et al.'s Algorithm 1) or value (each component to [−θ, θ]); needs clip"),
            steps());

    static Grid grid(JsonValue query) {
        FieldReader reader = reader(query, GRID_FIELDS);
        double wMin = reader.number("wMin");
        double wMax = reader.number("wMax");
        double bMin = reader.number("bMin");
        double bMax = reader.number("bMax");
        if (!(wMin < wMax)) {
            throw ApiException.badField("wMax", "wMax must be greater than wMin, got wMin = " + wMin + ", wMax = " + wMax,
                    "a number greater than wMin");
        }
        if (!(bMin < bMax)) {
            throw ApiException.badField("bMax", "bMax must be greater than bMin, got bMin = " + bMin + ", bMax = " + bMax,
                    "a number greater than bMin");
        }
        CliffModel model = CliffModel.pascanu((int) reader.integer("steps"));
        return new Grid(model, new CliffGrid.Spec(wMin, wMax, bMin, bMax, (int) reader.integer("n")), reader.bool("gradients"));
    }

    static Trajectory descent(JsonValue query) {
        FieldReader reader = reader(query, DESCENT_FIELDS);
        if (reader.has("clipMode") && !reader.has("clip")) {
            throw ApiException.badField("clipMode", "clipMode needs clip (without clip the descent is plain)",
                    "give clip too, or leave out clipMode");
        }
        Clipping clipping = Clipping.NONE;
        if (reader.has("clip")) {
            double threshold = reader.number("clip");
            clipping = reader.choice("clipMode").equals("value") ? Clipping.value(threshold) : Clipping.norm(threshold);
        }
        CliffModel model = CliffModel.pascanu((int) reader.integer("steps"));
        Descent.Settings settings = new Descent.Settings(reader.number("w0"), reader.number("b0"),
                reader.number("learningRate"), (int) reader.integer("iterations"), clipping);
        return new Trajectory(model, settings);
    }

    private static FieldReader reader(JsonValue query, Map<String, ApiField> fields) {
        FieldReader reader = new FieldReader(query, fields);
        reader.refuseUnknown("");
        return reader;
    }

    /** w and b share the parameter box of the descents, |w|, |b| ≤ 20. */
    private static ApiField parameter(String name, double defaultValue, String description) {
        return new ApiField(name, NUMBER, defaultValue, -Descent.BOX, Descent.BOX, null, description);
    }

    private static ApiField steps() {
        return new ApiField("steps", INTEGER, CliffModel.DEFAULT_STEPS, 1.0, (double) CliffModel.MAX_STEPS, null,
                "time steps T of the unit");
    }

    private static Map<String, ApiField> fields(ApiField... list) {
        Map<String, ApiField> fields = new LinkedHashMap<>();
        for (ApiField field : list) fields.put(field.name(), field);
        return Collections.unmodifiableMap(fields);
    }
}
