package org.gtt.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Descent;
import org.gtt.engine.cliff.Trajectory;
import org.gtt.engine.cliff.TrajectoryPoint;

/**
 * The cliff API without HTTP: query fields in, the JSON answer with its ETag out, or an {@link ApiException}
 * naming the field. GET /api/v1/cliff is the error surface on a grid, GET /api/v1/cliff/descent one descent
 * on it. Both are fully described by their parameters, so every answer is cached. The cliff widget's
 * build-time data comes from here too.
 */
public final class CliffService {
    public static final String GRID = "/api/v1/cliff";
    public static final String DESCENT = "/api/v1/cliff/descent";

    private final ResponseCache cache;
    private final ComputeGate gate;

    /** Computes every request directly (build time: the widget's default data). */
    public CliffService(long cacheBytes) {
        this(cacheBytes, ComputeGate.DIRECT);
    }

    /** Asks {@code gate} before each computation, with its {@link WorkEstimate}, as the gradient endpoints do. */
    public CliffService(long cacheBytes, ComputeGate gate) {
        this.cache = new ResponseCache(cacheBytes);
        this.gate = gate;
    }

    public GradientService.Answer grid(Map<String, List<String>> query) {
        CliffRequests.Grid request = CliffRequests.grid(QueryRequest.toJson(query, List.of(), org.gtt.json.JsonParser.JAVA));
        ObjectNode parameters = parameters(CliffRequests.GRID_FIELDS, request.model(), Map.of(
                "wMin", request.spec().wMin(), "wMax", request.spec().wMax(),
                "bMin", request.spec().bMin(), "bMax", request.spec().bMax(), "n", request.spec().n()));
        parameters.put("gradients", request.gradients());
        return cached(parameters, WorkEstimate.cliffGridMillis(request.spec().n(), request.model().steps()),
                () -> gridJson(parameters, request.model(), CliffGrid.compute(request.model(), request.spec()), request.gradients()));
    }

    public GradientService.Answer descent(Map<String, List<String>> query) {
        CliffRequests.Trajectory request = CliffRequests.descent(QueryRequest.toJson(query, List.of(), org.gtt.json.JsonParser.JAVA));
        Descent.Settings s = request.settings();
        ObjectNode parameters = parameters(CliffRequests.DESCENT_FIELDS, request.model(), Map.of(
                "w0", s.w0(), "b0", s.b0(), "learningRate", s.learningRate(), "iterations", s.iterations()));
        if (s.clipping().mode() != org.gtt.engine.cliff.Clipping.Mode.NONE) {
            parameters.put("clip", s.clipping().threshold());
            parameters.put("clipMode", s.clipping().mode().jsonName());
        }
        return cached(parameters, WorkEstimate.cliffDescentMillis(s.iterations(), request.model().steps()),
                () -> descentJson(parameters, Descent.run(request.model(), s)));
    }

    /** Every field as used, in the order the endpoint publishes them, defaults filled in. */
    private static ObjectNode parameters(Map<String, ApiField> fields, CliffModel model, Map<String, Number> values) {
        ObjectNode node = GradientService.WRITER.createObjectNode();
        for (String name : fields.keySet()) {
            Number value = name.equals("steps") ? model.steps() : values.get(name);
            if (value instanceof Integer i) node.put(name, i);
            else if (value != null) node.put(name, value.doubleValue());
        }
        return node;
    }

    private GradientService.Answer cached(ObjectNode parameters, double estimatedMillis, java.util.function.Supplier<byte[]> body) {
        String key = parameters.toString();
        GradientService.Answer answer = cache.get(key);
        if (answer == null) {
            answer = gate.run(estimatedMillis, () -> GradientService.answerOf(body.get()));
            cache.put(key, answer);
        }
        return answer;
    }

    /** Streams the grid (3·n² numbers) straight to bytes: building a tree of them first would take longer than computing them. */
    static byte[] gridJson(ObjectNode parameters, CliffModel model, CliffGrid grid, boolean gradients) {
        return write(json -> {
            json.writeStartObject();
            json.writePOJOField("parameters", parameters);
            writeVector(json, "w", grid.w());
            writeVector(json, "b", grid.b());
            writeMatrix(json, "loss", grid.loss());
            if (gradients) {
                writeMatrix(json, "dLossDw", grid.dLossDw());
                writeMatrix(json, "dLossDb", grid.dLossDb());
            }
            json.writeArrayFieldStart("wallBias");
            for (double w : grid.w()) {
                if (model.slopeAtFixedPoint(w) > 1) json.writeNumber(model.wallBias(w)); else json.writeNull();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    static byte[] descentJson(ObjectNode parameters, Trajectory trajectory) {
        return write(json -> {
            json.writeStartObject();
            json.writePOJOField("parameters", parameters);
            json.writeArrayFieldStart("points");
            for (TrajectoryPoint p : trajectory.points()) {
                json.writeStartArray();
                finite(json, p.w());
                finite(json, p.b());
                finite(json, p.loss());
                finite(json, p.gradientNorm());
                json.writeBoolean(p.clipped());
                json.writeEndArray();
            }
            json.writeEndArray();
            json.writeObjectFieldStart("largestStep");
            json.writeNumberField("iteration", trajectory.largestStepIteration());
            json.writeFieldName("length");
            finite(json, trajectory.largestStep());
            json.writeEndObject();
            json.writeStringField("note", trajectory.note());
            json.writeEndObject();
        });
    }

    private interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        try (JsonGenerator json = GradientService.WRITER.getFactory().createGenerator(bytes)) {
            json.setCodec(GradientService.WRITER);
            body.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return bytes.toByteArray();
    }

    private static void writeVector(JsonGenerator json, String name, double[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double v : values) finite(json, v);
        json.writeEndArray();
    }

    private static void writeMatrix(JsonGenerator json, String name, double[][] rows) throws IOException {
        json.writeArrayFieldStart(name);
        for (double[] row : rows) {
            json.writeStartArray();
            for (double v : row) finite(json, v);
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /**
     * Inside the parameter box every value is finite (|∂E/∂b| ≤ T·(w/4)^T ≤ 10¹⁴³); were one ever not, the
     * answer is a 422 naming the grid, never a NaN in the JSON.
     */
    private static void finite(JsonGenerator json, double value) throws IOException {
        if (!Double.isFinite(value)) {
            throw new ApiException(422, "the engine produced a non-finite value for these parameters", "steps",
                    "parameters inside the box");
        }
        json.writeNumber(value + 0.0);
    }
}
