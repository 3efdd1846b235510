package org.gtt.api;

import java.util.List;
import java.util.Map;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Descent;
import org.gtt.engine.cliff.Trajectory;
import org.gtt.engine.cliff.TrajectoryPoint;
import org.gtt.json.JsonParser;
import org.gtt.json.JsonValue;
import org.gtt.json.JsonWriter;

/**
 * What GET /api/v1/cliff and /api/v1/cliff/descent answer, without HTTP, caching or Jackson: the request's
 * rules ({@link CliffRequests}), the engine (org.gtt.engine.cliff), the answer's JSON text, or an
 * {@link ApiException} naming the field. {@link CliffService} (the server) and the in-browser engine
 * (org.gtt.wasm, compiled to WebAssembly) both answer through here, so their answers are the same text.
 */
public final class Cliff {
    private Cliff() {}

    /** GET /api/v1/cliff: the error surface on a grid. {@code decimals} reads the i-th parameter's number. */
    public static String grid(Map<String, List<String>> query, JsonParser.Decimals decimals, JsonWriter.DoubleFormat doubles) {
        return gridAnswer(CliffRequests.grid(read(query, decimals)), doubles);
    }

    /** GET /api/v1/cliff/descent: one plain or clipped descent. */
    public static String descent(Map<String, List<String>> query, JsonParser.Decimals decimals, JsonWriter.DoubleFormat doubles) {
        return descentAnswer(CliffRequests.descent(read(query, decimals)), doubles);
    }

    /** The cliff endpoints have no array fields: every parameter is a scalar. */
    static JsonValue read(Map<String, List<String>> query, JsonParser.Decimals decimals) {
        return QueryRequest.toJson(query, List.of(), decimals);
    }

    /** Every field as used, in the order the answer has always echoed them, defaults filled in. */
    static String gridParameters(CliffRequests.Grid request, JsonWriter.DoubleFormat doubles) {
        JsonWriter json = new JsonWriter(doubles);
        gridParameters(json, request);
        return json.toString();
    }

    static String descentParameters(CliffRequests.Trajectory request, JsonWriter.DoubleFormat doubles) {
        JsonWriter json = new JsonWriter(doubles);
        descentParameters(json, request);
        return json.toString();
    }

    /**
     * The grid: parameters, w, b, loss (rows by b), ∂E/∂w and ∂E/∂b when asked, and the wall b*(w) (null where
     * the unit has no second fixed point). Written straight to text: 3·n² numbers need no tree first.
     */
    static String gridAnswer(CliffRequests.Grid request, JsonWriter.DoubleFormat doubles) {
        CliffModel model = request.model();
        CliffGrid grid = CliffGrid.compute(model, request.spec());
        int n = request.spec().n();
        JsonWriter json = new JsonWriter(new StringBuilder(24 * (n * n * (request.gradients() ? 3 : 1) + 3 * n)), doubles);
        json.beginObject().name("parameters");
        gridParameters(json, request);
        finiteArray(json.name("w"), grid.w());
        finiteArray(json.name("b"), grid.b());
        finiteMatrix(json.name("loss"), grid.loss());
        if (request.gradients()) {
            finiteMatrix(json.name("dLossDw"), grid.dLossDw());
            finiteMatrix(json.name("dLossDb"), grid.dLossDb());
        }
        json.name("wallBias").beginArray();
        for (double w : grid.w()) {
            if (model.slopeAtFixedPoint(w) > 1) json.value(model.wallBias(w)); else json.nullValue();
        }
        return json.endArray().endObject().toString();
    }

    /** The descent: parameters, its points [w, b, E, ‖∇E‖, clipped], its largest step, and why it ended early (or null). */
    static String descentAnswer(CliffRequests.Trajectory request, JsonWriter.DoubleFormat doubles) {
        Trajectory trajectory = Descent.run(request.model(), request.settings());
        JsonWriter json = new JsonWriter(new StringBuilder(128 * (trajectory.points().size() + 2)), doubles);
        json.beginObject().name("parameters");
        descentParameters(json, request);
        json.name("points").beginArray();
        for (TrajectoryPoint p : trajectory.points()) {
            json.beginArray();
            finite(json, p.w());
            finite(json, p.b());
            finite(json, p.loss());
            finite(json, p.gradientNorm());
            json.value(p.clipped()).endArray();
        }
        json.endArray();
        json.name("largestStep").beginObject().name("iteration").value(trajectory.largestStepIteration()).name("length");
        finite(json, trajectory.largestStep());
        json.endObject();
        json.name("note").value(trajectory.note());
        return json.endObject().toString();
    }

    private static void gridParameters(JsonWriter json, CliffRequests.Grid request) {
        CliffGrid.Spec spec = request.spec();
        json.beginObject()
                .name("wMin").value(spec.wMin())
                .name("wMax").value(spec.wMax())
                .name("bMin").value(spec.bMin())
                .name("bMax").value(spec.bMax())
                .name("n").value(spec.n())
                .name("steps").value(request.model().steps())
                .name("gradients").value(request.gradients())
                .endObject();
    }

    /** The clipping fields come last, after steps: the order the answer has always had. */
    private static void descentParameters(JsonWriter json, CliffRequests.Trajectory request) {
        Descent.Settings s = request.settings();
        json.beginObject()
                .name("w0").value(s.w0())
                .name("b0").value(s.b0())
                .name("learningRate").value(s.learningRate())
                .name("iterations").value(s.iterations())
                .name("steps").value(request.model().steps());
        if (s.clipping().mode() != org.gtt.engine.cliff.Clipping.Mode.NONE) {
            json.name("clip").value(s.clipping().threshold());
            json.name("clipMode").value(s.clipping().mode().jsonName());
        }
        json.endObject();
    }

    private static void finiteArray(JsonWriter json, double[] values) {
        json.beginArray();
        for (double v : values) finite(json, v);
        json.endArray();
    }

    private static void finiteMatrix(JsonWriter json, double[][] rows) {
        json.beginArray();
        for (double[] row : rows) finiteArray(json, row);
        json.endArray();
    }

    /**
     * Inside the parameter box every value is finite (|∂E/∂b| ≤ T·(w/4)^T ≤ 10¹⁴³); were one ever not, the
     * answer is a 422 naming the grid, never a NaN in the JSON.
     */
    private static void finite(JsonWriter json, double value) {
        if (!Double.isFinite(value)) {
            throw new ApiException(422, "the engine produced a non-finite value for these parameters", "steps",
                    "parameters inside the box");
        }
        json.value(value + 0.0);
    }
}
