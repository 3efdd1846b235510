package org.gtt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Clipping;
import org.gtt.engine.cliff.Descent;
import org.gtt.engine.cliff.Trajectory;
import org.gtt.engine.cliff.TrajectoryPoint;
import org.gtt.json.JsonParser;
import org.junit.jupiter.api.Test;

/**
 * The cliff endpoints' Jackson-free path ({@link Cliff}, which the server and the in-browser engine share) against
 * the Jackson writer the server used before it (kept here, as it was, as the reference): the same bytes for every
 * request of a set that covers the defaults, the bounds, n = 201, steps 1 and 200, every clip mode, plain descent
 * and a descent that leaves the box with its note; straight and through {@link CliffService}.
 */
class CliffParityTest {
    @Test
    void theGridIsWhatJacksonWroteForIt() {
        for (Map<String, String> query : CliffQueries.grids()) {
            CliffRequests.Grid request = CliffRequests.grid(Cliff.read(CliffQueries.lists(query), JsonParser.JAVA));
            String expected = JacksonCliffJson.grid(request);
            assertEquals(expected, Cliff.gridAnswer(request, GradientService.JACKSON_DOUBLES), query.toString());
            assertEquals(expected, Cliff.grid(CliffQueries.lists(query), JsonParser.JAVA, GradientService.JACKSON_DOUBLES), query.toString());
            assertEquals(expected, new String(new CliffService(1 << 20).grid(CliffQueries.lists(query)).body(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDescentIsWhatJacksonWroteForIt() {
        int leftTheBox = 0;
        for (Map<String, String> query : CliffQueries.descents()) {
            CliffRequests.Trajectory request = CliffRequests.descent(Cliff.read(CliffQueries.lists(query), JsonParser.JAVA));
            String expected = JacksonCliffJson.descent(request);
            if (!expected.endsWith("\"note\":null}")) leftTheBox++;
            assertEquals(expected, Cliff.descent(CliffQueries.lists(query), JsonParser.JAVA, GradientService.JACKSON_DOUBLES), query.toString());
            assertEquals(expected, new String(new CliffService(1 << 20).descent(CliffQueries.lists(query)).body(), StandardCharsets.UTF_8));
        }
        assertEquals(true, leftTheBox > 0, "the set has a descent that leaves the box, with its note");
    }

    /** The cache key is the parameters as echoed, in the published order (clipping last), the text the answer starts with. */
    @Test
    void theParametersAreTheAnswersEcho() {
        CliffRequests.Trajectory request = CliffRequests.descent(Cliff.read(CliffQueries.lists(Map.of("clip", "2", "clipMode", "value")), JsonParser.JAVA));
        assertEquals("{\"w0\":5.0,\"b0\":-2.81,\"learningRate\":0.1,\"iterations\":200,\"steps\":50,\"clip\":2.0,\"clipMode\":\"value\"}",
                Cliff.descentParameters(request, GradientService.JACKSON_DOUBLES));
        assertEquals(true, Cliff.descentAnswer(request, GradientService.JACKSON_DOUBLES)
                .startsWith("{\"parameters\":" + Cliff.descentParameters(request, GradientService.JACKSON_DOUBLES) + ",\"points\":"));
    }

    /** The server's cliff writer before {@link Cliff}: a Jackson ObjectNode for the parameters, a streaming generator for the rest. */
    static final class JacksonCliffJson {
        private JacksonCliffJson() {}

        static String grid(CliffRequests.Grid request) {
            CliffGrid.Spec spec = request.spec();
            ObjectNode parameters = parameters(CliffRequests.GRID_FIELDS, request.model(), Map.of(
                    "wMin", spec.wMin(), "wMax", spec.wMax(), "bMin", spec.bMin(), "bMax", spec.bMax(), "n", spec.n()));
            parameters.put("gradients", request.gradients());
            CliffModel model = request.model();
            CliffGrid grid = CliffGrid.compute(model, spec);
            return write(json -> {
                json.writeStartObject();
                json.writePOJOField("parameters", parameters);
                writeVector(json, "w", grid.w());
                writeVector(json, "b", grid.b());
                writeMatrix(json, "loss", grid.loss());
                if (request.gradients()) {
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

        static String descent(CliffRequests.Trajectory request) {
            Descent.Settings s = request.settings();
            ObjectNode parameters = parameters(CliffRequests.DESCENT_FIELDS, request.model(), Map.of(
                    "w0", s.w0(), "b0", s.b0(), "learningRate", s.learningRate(), "iterations", s.iterations()));
            if (s.clipping().mode() != Clipping.Mode.NONE) {
                parameters.put("clip", s.clipping().threshold());
                parameters.put("clipMode", s.clipping().mode().jsonName());
            }
            Trajectory trajectory = Descent.run(request.model(), s);
            return write(json -> {
                json.writeStartObject();
                json.writePOJOField("parameters", parameters);
                json.writeArrayFieldStart("points");
                for (TrajectoryPoint p : trajectory.points()) {
                    json.writeStartArray();
                    json.writeNumber(p.w() + 0.0);
                    json.writeNumber(p.b() + 0.0);
                    json.writeNumber(p.loss() + 0.0);
                    json.writeNumber(p.gradientNorm() + 0.0);
                    json.writeBoolean(p.clipped());
                    json.writeEndArray();
                }
                json.writeEndArray();
                json.writeObjectFieldStart("largestStep");
                json.writeNumberField("iteration", trajectory.largestStepIteration());
                json.writeFieldName("length");
                json.writeNumber(trajectory.largestStep() + 0.0);
                json.writeEndObject();
                json.writeStringField("note", trajectory.note());
                json.writeEndObject();
            });
        }

        private static ObjectNode parameters(Map<String, ApiField> fields, CliffModel model, Map<String, Number> values) {
            ObjectNode node = GradientService.WRITER.createObjectNode();
            for (String name : fields.keySet()) {
                Number value = name.equals("steps") ? model.steps() : values.get(name);
                if (value instanceof Integer i) node.put(name, i);
                else if (value != null) node.put(name, value.doubleValue());
            }
            return node;
        }

        private interface Body {
            void write(JsonGenerator json) throws IOException;
        }

        private static String write(Body body) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
            try (JsonGenerator json = GradientService.WRITER.getFactory().createGenerator(bytes)) {
                json.setCodec(GradientService.WRITER);
                body.write(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }

        private static void writeVector(JsonGenerator json, String name, double[] values) throws IOException {
            json.writeArrayFieldStart(name);
            for (double v : values) json.writeNumber(v + 0.0);
            json.writeEndArray();
        }

        private static void writeMatrix(JsonGenerator json, String name, double[][] rows) throws IOException {
            json.writeArrayFieldStart(name);
            for (double[] row : rows) {
                json.writeStartArray();
                for (double v : row) json.writeNumber(v + 0.0);
                json.writeEndArray();
            }
            json.writeEndArray();
        }
    }
}
