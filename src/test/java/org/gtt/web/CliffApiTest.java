package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.gtt.engine.cliff.CliffDefaults;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Clipping;
import org.gtt.engine.cliff.Descent;
import org.gtt.engine.cliff.Trajectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** GET /api/v1/cliff and /api/v1/cliff/descent over a real port: the numbers, the caching headers, and bad input. */
class CliffApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.start("/", List.of(new CliffApi()));
    }

    @AfterAll
    static void stop() throws Exception {
        assertEquals(200, send("GET", "api/v1/cliff?n=3").statusCode(), "the server keeps answering");
        site.close();
    }

    private static HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The default grid is the engine's, number for number (JSON doubles are written to read back exactly). */
    @Test
    void defaultGridIsTheEnginesGrid() throws Exception {
        HttpResponse<String> response = send("GET", "api/v1/cliff");
        assertEquals(200, response.statusCode());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JSON.readTree(response.body());
        CliffGrid grid = CliffGrid.compute(CliffModel.pascanu(50), CliffGrid.Spec.standard());
        assertEquals(101, body.get("w").size());
        assertEquals(101, body.get("loss").size());
        for (int i = 0; i < 101; i++) {
            assertEquals(grid.b()[i], body.get("b").get(i).doubleValue(), 0.0);
            assertEquals(grid.w()[i], body.get("w").get(i).doubleValue(), 0.0);
            for (int j = 0; j < 101; j++) {
                assertEquals(grid.loss()[i][j], body.get("loss").get(i).get(j).doubleValue(), 0.0);
                assertEquals(grid.dLossDw()[i][j], body.get("dLossDw").get(i).get(j).doubleValue(), 0.0);
                assertEquals(grid.dLossDb()[i][j], body.get("dLossDb").get(i).get(j).doubleValue(), 0.0);
            }
        }
        assertEquals(50, body.get("parameters").get("steps").intValue());
        assertEquals(101, body.get("parameters").get("n").intValue());
        assertEquals(-3.0, body.get("parameters").get("bMin").doubleValue());
        assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"));
    }

    /** rows by b, columns by w: a 3 × 3 grid, checked cell by cell; the wall is null where it does not exist (w ≤ 4.2553). */
    @Test
    void smallGridRowsAreB() throws Exception {
        JsonNode body = JSON.readTree(send("GET", "api/v1/cliff?wMin=4&wMax=6&bMin=-3&bMax=-2&n=3&steps=20").body());
        CliffModel model = CliffModel.pascanu(20);
        assertEquals(-2.5, body.get("b").get(1).doubleValue(), 0.0);
        assertEquals(model.gradient(6.0, -2.5).dLossDw(), body.get("dLossDw").get(1).get(2).doubleValue(), 0.0);
        assertEquals(model.gradient(4.0, -2.0).loss(), body.get("loss").get(2).get(0).doubleValue(), 0.0);
        assertTrue(body.get("wallBias").get(0).isNull(), "no wall at w = 4");
        assertEquals(model.wallBias(5.0), body.get("wallBias").get(1).doubleValue(), 0.0);
    }

    /** gradients=false: the same loss and wall, without the two gradient matrices (what the widget bakes). */
    @Test
    void lossOnlyGridLeavesOutTheGradients() throws Exception {
        JsonNode full = JSON.readTree(send("GET", "api/v1/cliff?n=5").body());
        JsonNode lossOnly = JSON.readTree(send("GET", "api/v1/cliff?n=5&gradients=false").body());
        assertEquals(full.get("loss"), lossOnly.get("loss"));
        assertEquals(full.get("wallBias"), lossOnly.get("wallBias"));
        assertFalse(lossOnly.has("dLossDw") || lossOnly.has("dLossDb"));
        assertTrue(full.has("dLossDw") && full.has("dLossDb"));
        assertFalse(lossOnly.get("parameters").get("gradients").booleanValue());
    }

    @Test
    void plainAndClippedDescentsAreTheEngines() throws Exception {
        CliffModel model = CliffModel.pascanu(50);
        Descent.Settings plain = new Descent.Settings(CliffDefaults.W0, CliffDefaults.B0, CliffDefaults.LEARNING_RATE,
                CliffDefaults.ITERATIONS, Clipping.NONE);
        for (String query : new String[] {"", "?clip=1", "?clip=0.3&clipMode=value"}) {
            JsonNode body = JSON.readTree(send("GET", "api/v1/cliff/descent" + query).body());
            Clipping clipping = query.isEmpty() ? Clipping.NONE : query.contains("value") ? Clipping.value(0.3) : Clipping.norm(1);
            Trajectory expected = Descent.run(model, plain.withClipping(clipping));
            JsonNode points = body.get("points");
            assertEquals(expected.points().size(), points.size(), query);
            for (int k = 0; k < points.size(); k++) {
                assertEquals(expected.points().get(k).w(), points.get(k).get(0).doubleValue(), 0.0);
                assertEquals(expected.points().get(k).b(), points.get(k).get(1).doubleValue(), 0.0);
                assertEquals(expected.points().get(k).loss(), points.get(k).get(2).doubleValue(), 0.0);
                assertEquals(expected.points().get(k).gradientNorm(), points.get(k).get(3).doubleValue(), 0.0);
                assertEquals(expected.points().get(k).clipped(), points.get(k).get(4).booleanValue());
            }
            assertEquals(expected.largestStepIteration(), body.get("largestStep").get("iteration").intValue());
            assertEquals(expected.largestStep(), body.get("largestStep").get("length").doubleValue(), 0.0);
            assertTrue(body.get("note").isNull());
            assertEquals(query.isEmpty(), !body.get("parameters").has("clip"), query);
        }
    }

    /** A step thrown out of |w|, |b| ≤ 20 ends the trajectory with a note: a 200, never an error page or a NaN. */
    @Test
    void leavingTheBoxIsANoteNotAnError() throws Exception {
        HttpResponse<String> response = send("GET", "api/v1/cliff/descent?w0=5&b0=-2.61234&learningRate=5&iterations=50");
        assertEquals(200, response.statusCode());
        JsonNode body = JSON.readTree(response.body());
        assertTrue(body.get("note").textValue().contains("parameter box"), body.get("note").toString());
        assertTrue(body.get("points").size() < 51);
        assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"));
    }

    /** Same conventions as GET /api/v1/gradients: strong ETag, 304 on If-None-Match, a day of caching, HEAD = GET without the body. */
    @Test
    void cacheableWithEtagAndHead() throws Exception {
        for (String path : new String[] {"api/v1/cliff?n=11", "api/v1/cliff/descent?iterations=5"}) {
            HttpResponse<String> first = send("GET", path);
            String etag = first.headers().firstValue("ETag").orElseThrow();
            assertEquals(GradientApi.CACHE_CONTROL, first.headers().firstValue("Cache-Control").orElseThrow());
            assertNotNull(first.headers().firstValue("Server-Timing").orElse(null));
            assertEquals(304, send("GET", path, "If-None-Match", etag).statusCode());
            HttpResponse<String> head = send("HEAD", path);
            assertEquals(200, head.statusCode());
            assertEquals(etag, head.headers().firstValue("ETag").orElseThrow());
            assertEquals("", head.body());
            assertEquals(first.body(), send("GET", path).body(), "same request, same bytes");
        }
        assertEquals(405, send("POST", "api/v1/cliff").statusCode());
        assertEquals(405, send("DELETE", "api/v1/cliff/descent").statusCode());
    }

    /**
     * Admission by cost, as for the gradient endpoints: the gate hears each computation's estimate (the default grid
     * and the longest descent cheap, the largest grid the dearest), and its refusal is a 503 with Retry-After; a cached
     * answer asks no gate.
     */
    @Test
    void computationsAskTheGateWithTheirEstimate() throws Exception {
        List<Double> estimates = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.gtt.api.ComputeGate refusesExpensive = new org.gtt.api.ComputeGate() {
            @Override
            public <T> T run(double estimatedMillis, java.util.function.Supplier<T> work) {
                estimates.add(estimatedMillis);
                if (estimatedMillis >= org.gtt.api.WorkEstimate.cliffGridMillis(201, 200)) {
                    throw new org.gtt.api.BusyException(503, "busy with large computations", 7);
                }
                return work.get();
            }
        };
        try (RunningSite gated = RunningSite.start("/", List.of(new CliffApi(1 << 20, refusesExpensive)))) {
            HttpResponse<String> big = CLIENT.send(HttpRequest.newBuilder(URI.create(gated.url("api/v1/cliff?n=201&steps=200"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, big.statusCode(), big.body());
            assertEquals("7", big.headers().firstValue("Retry-After").orElseThrow());
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create(gated.url("api/v1/cliff"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create(gated.url("api/v1/cliff/descent?iterations=1000&steps=200"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(200, CLIENT.send(HttpRequest.newBuilder(URI.create(gated.url("api/v1/cliff"))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        assertEquals(3, estimates.size(), "the repeated default grid came from the cache: " + estimates);
        assertEquals(org.gtt.api.WorkEstimate.cliffGridMillis(201, 200), estimates.get(0), 0.0);
        assertTrue(estimates.get(1) < 20, "the default grid is cheap: " + estimates);
        assertTrue(estimates.get(2) < 20, "the largest descent is cheap: " + estimates);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of("api/v1/cliff?n=202", "n"),
                Arguments.of("api/v1/cliff?n=1", "n"),
                Arguments.of("api/v1/cliff?n=2.5", "n"),
                Arguments.of("api/v1/cliff?n=ten", "n"),
                Arguments.of("api/v1/cliff?n=3&n=4", "n"),
                Arguments.of("api/v1/cliff?steps=0", "steps"),
                Arguments.of("api/v1/cliff?steps=201", "steps"),
                Arguments.of("api/v1/cliff?wMin=-21", "wMin"),
                Arguments.of("api/v1/cliff?wMax=NaN", "wMax"),
                Arguments.of("api/v1/cliff?bMin=1e999", "bMin"),
                Arguments.of("api/v1/cliff?bMax=Infinity", "bMax"),
                Arguments.of("api/v1/cliff?wMin=5.4&wMax=4.5", "wMax"),
                Arguments.of("api/v1/cliff?wMin=5&wMax=5", "wMax"),
                Arguments.of("api/v1/cliff?bMin=-1&bMax=-3", "bMax"),
                Arguments.of("api/v1/cliff?foo=1", "foo"),
                Arguments.of("api/v1/cliff?w0=5", "w0"),
                Arguments.of("api/v1/cliff?gradients=no", "gradients"),
                Arguments.of("api/v1/cliff/descent?learningRate=0", "learningRate"),
                Arguments.of("api/v1/cliff/descent?learningRate=11", "learningRate"),
                Arguments.of("api/v1/cliff/descent?learningRate=-0.1", "learningRate"),
                Arguments.of("api/v1/cliff/descent?iterations=1001", "iterations"),
                Arguments.of("api/v1/cliff/descent?iterations=0", "iterations"),
                Arguments.of("api/v1/cliff/descent?clip=0", "clip"),
                Arguments.of("api/v1/cliff/descent?clip=-1", "clip"),
                Arguments.of("api/v1/cliff/descent?clip=", "clip"),
                Arguments.of("api/v1/cliff/descent?clipMode=value", "clipMode"),
                Arguments.of("api/v1/cliff/descent?clip=1&clipMode=sign", "clipMode"),
                Arguments.of("api/v1/cliff/descent?w0=21", "w0"),
                Arguments.of("api/v1/cliff/descent?b0=-Infinity", "b0"),
                Arguments.of("api/v1/cliff/descent?w0=0x10", "w0"),
                Arguments.of("api/v1/cliff/descent?steps=500", "steps"),
                Arguments.of("api/v1/cliff/descent?n=5", "n"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void badInputIsA400NamingTheField(String path, String field) throws Exception {
        HttpResponse<String> response = send("GET", path);
        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(field, body.get("field").textValue(), response.body());
        assertFalse(body.get("error").textValue().isBlank());
        assertFalse(response.body().contains("Exception") || response.body().contains("at org."), response.body());
    }
}
