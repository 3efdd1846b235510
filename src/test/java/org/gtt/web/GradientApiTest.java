package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.gtt.api.ModelCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's answers over a real HTTP port: contents, caching, and the round trip of echoed weights. */
class GradientApiTest {
    private static Client api;

    @BeforeAll
    static void start() throws Exception {
        api = new Client();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru", "mlp"})
    void everyModelAnswersWithItsQuantitiesAndParameters(String model) throws Exception {
        HttpResponse<String> response = api.post("{\"model\": \"" + model + "\", \"steps\": 12, \"hidden\": 6}");
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = Client.json(response);
        assertEquals(13, body.get("jacobianLog10Norms").size());
        assertEquals(0.0, body.get("jacobianLog10Norms").get(12).doubleValue());
        assertEquals(12, body.get("stepLog10Norms").size());
        JsonNode parameters = body.get("parameters");
        assertEquals(model, parameters.get("model").textValue());
        assertEquals(6, parameters.get("hidden").intValue());
        assertEquals(4, parameters.get("inputSize").intValue(), "default filled in");
        for (String quantity : ModelCatalog.quantities(org.gtt.engine.ModelType.valueOf(model.toUpperCase()))) {
            assertTrue(body.has(quantity), quantity);
        }
        assertFalse(body.has("weights"), "weights are echoed only on request");
    }

    @Test
    void getAnswersLikePostWithAStrongEtagAndServesRepeatsFromTheCache() throws Exception {
        String query = "api/v1/gradients?model=lstm&steps=30&hidden=8&forgetBias=1.5&seed=7";
        HttpResponse<String> first = api.get(query);
        assertEquals(200, first.statusCode(), first.body());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(etag.startsWith("\"") && etag.endsWith("\""), "strong ETag: " + etag);
        assertEquals(GradientApi.CACHE_CONTROL, first.headers().firstValue("Cache-Control").orElseThrow());
        HttpResponse<String> post = api.post("{\"model\":\"lstm\",\"steps\":30,\"hidden\":8,\"forgetBias\":1.5,\"seed\":7}");
        assertEquals(Client.json(first), Client.json(post));

        HttpResponse<String> second = api.get(query);
        assertEquals(etag, second.headers().firstValue("ETag").orElseThrow());
        assertEquals(first.body(), second.body());
        HttpResponse<String> revalidated = api.get(query, "If-None-Match", etag);
        assertEquals(304, revalidated.statusCode());
        assertEquals("", revalidated.body());
    }

    /**
     * Javalin gzips a body of at least 1500 bytes for a client that accepts gzip. The gzip bytes are a
     * different representation: their own strong ETag ("<tag>-gzip") and Vary: Accept-Encoding, and a
     * small answer, sent plain whatever the client accepts, keeps the plain tag.
     */
    @Test
    void compressedAnswersHaveTheirOwnEtagAndVary() throws Exception {
        String query = "api/v1/gradients?model=rnn&steps=200&hidden=4&seed=11";
        HttpResponse<byte[]> plain = api.getBytes(query);
        HttpResponse<byte[]> gzip = api.getBytes(query, "Accept-Encoding", "gzip");
        assertTrue(plain.body().length >= 1500, "large enough to be compressed: " + plain.body().length);
        assertEquals("", plain.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("gzip", gzip.headers().firstValue("Content-Encoding").orElse(""));
        String plainTag = plain.headers().firstValue("ETag").orElseThrow();
        String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
        assertEquals(plainTag.substring(0, plainTag.length() - 1) + "-gzip\"", gzipTag);
        for (HttpResponse<byte[]> response : List.of(plain, gzip)) {
            assertEquals("Accept-Encoding", response.headers().firstValue("Vary").orElseThrow());
        }
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes();
        assertArrayEquals(plain.body(), unzipped);

        assertEquals(304, api.getBytes(query, "Accept-Encoding", "gzip", "If-None-Match", gzipTag).statusCode());
        HttpResponse<byte[]> notModified = api.getBytes(query, "If-None-Match", plainTag);
        assertEquals(304, notModified.statusCode());
        assertEquals("Accept-Encoding", notModified.headers().firstValue("Vary").orElseThrow());
        assertEquals(plainTag, notModified.headers().firstValue("ETag").orElseThrow());
        assertEquals(200, api.getBytes(query, "Accept-Encoding", "gzip", "If-None-Match", plainTag).statusCode(),
                "the plain tag does not validate the gzip representation");
        assertEquals(200, api.getBytes(query, "If-None-Match", gzipTag).statusCode());

        HttpResponse<byte[]> small = api.getBytes("api/v1/gradients?model=rnn&steps=1&hidden=1&inputSize=1",
                "Accept-Encoding", "gzip");
        assertTrue(small.body().length < 1500, "below Javalin's minimum: " + small.body().length);
        assertEquals("", small.headers().firstValue("Content-Encoding").orElse(""));
        assertFalse(small.headers().firstValue("ETag").orElseThrow().contains("gzip"));
    }

    /** −0.0 is the number 0: echoed as 0.0 in every double field, and the same answer (and ETag) as 0. */
    @Test
    void negativeZeroIsNormalisedToZero() throws Exception {
        for (String[] model : new String[][] {{"rnn", "scale"}, {"lstm", "forgetBias"}, {"gru", "updateBias"}}) {
            String request = "{\"model\": \"" + model[0] + "\", \"steps\": 3, \"hidden\": 2, \"" + model[1] + "\": ";
            HttpResponse<String> negative = api.post(request + "-0.0}");
            assertEquals(200, negative.statusCode(), negative.body());
            JsonNode value = Client.json(negative).get("parameters").get(model[1]);
            assertEquals("0.0", value.toString(), model[1]);
            assertEquals(Client.json(api.post(request + "0}")), Client.json(negative));
        }
        HttpResponse<String> get = api.get("api/v1/gradients?model=lstm&steps=3&forgetBias=-0.0");
        HttpResponse<String> zero = api.get("api/v1/gradients?model=lstm&steps=3&forgetBias=0");
        assertEquals(zero.headers().firstValue("ETag"), get.headers().firstValue("ETag"));
    }

    /** HEAD answers what GET would, without the body: status, content type and validator. */
    @Test
    void headAnswersLikeGetWithoutABody() throws Exception {
        for (String path : new String[] {"api/v1/gradients?model=rnn&steps=4&hidden=3", "api/v1/models"}) {
            HttpResponse<String> get = api.get(path);
            HttpResponse<String> head = api.send("HEAD", path);
            assertEquals(200, head.statusCode(), path);
            assertEquals("", head.body());
            for (String header : new String[] {"Content-Type", "ETag", "Cache-Control", "Vary"}) {
                assertEquals(get.headers().firstValue(header), head.headers().firstValue(header), header + " of " + path);
            }
        }
    }

    /** If-None-Match compares weakly (RFC 9110 §13.1.2): W/ is ignored, a list matches any member, * anything. */
    @Test
    void ifNoneMatchUsesWeakComparison() throws Exception {
        String query = "api/v1/gradients?model=gru&steps=5&hidden=3";
        String etag = api.get(query).headers().firstValue("ETag").orElseThrow();
        assertEquals(304, api.get(query, "If-None-Match", "W/" + etag).statusCode());
        assertEquals(304, api.get(query, "If-None-Match", "\"other\", W/" + etag).statusCode());
        assertEquals(304, api.get(query, "If-None-Match", "*").statusCode());
        assertEquals(200, api.get(query, "If-None-Match", "W/\"other\"").statusCode());
    }

    /** The echoed weights and inputs, sent back, reproduce the numbers bit for bit (JSON doubles round-trip). */
    @ParameterizedTest
    @ValueSource(strings = {"rnn", "lstm", "gru", "mlp"})
    void echoedWeightsReproduceTheNumbers(String model) throws Exception {
        JsonNode generated = Client.json(api.post(
                "{\"model\": \"" + model + "\", \"steps\": 9, \"hidden\": 5, \"inputSize\": 3, \"returnWeights\": true}"));
        ObjectNode request = Client.JSON.createObjectNode();
        request.put("model", model);
        request.set("weights", generated.get("weights"));
        request.set("inputs", generated.get("inputs"));
        HttpResponse<String> replay = api.post(request.toString());
        assertEquals(200, replay.statusCode(), replay.body());
        JsonNode body = Client.json(replay);
        assertEquals(generated.get("jacobianLog10Norms"), body.get("jacobianLog10Norms"));
        assertEquals(generated.get("stepLog10Norms"), body.get("stepLog10Norms"));
        assertEquals(9, body.get("parameters").get("steps").intValue(), "steps implied by the arrays");
        assertEquals(0, body.get("generated").size());
    }

    @Test
    void zeroNormsAreNullWithANote() throws Exception {
        JsonNode body = Client.json(api.get("api/v1/gradients?model=rnn&steps=5&scale=0"));
        assertTrue(body.get("jacobianLog10Norms").get(0).isNull());
        assertTrue(body.get("boundLog10").get(0).isNull());
        assertTrue(body.get("notes").get(0).textValue().startsWith("jacobianLog10Norms is null"), body.toString());
    }

    @Test
    void hugeAndTinyProductsComeBackAsExactLogs() throws Exception {
        JsonNode body = Client.json(api.post("{\"model\": \"rnn\", \"steps\": 500, \"activation\": \"linear\","
                + " \"init\": \"orthogonal\", \"scale\": 0.158489319246111}"));
        // ρ = 10^−0.8: ‖(ρQ)^500‖ = 10^−400.
        assertEquals(-400.0, body.get("jacobianLog10Norms").get(0).doubleValue(), 1e-9);
    }

    @Test
    void modelsDescribesFieldsDefaultsAndBounds() throws Exception {
        HttpResponse<String> response = api.get("api/v1/models");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("ETag").isPresent());
        JsonNode models = Client.json(response).get("models");
        assertEquals(4, models.size());
        JsonNode steps = field(models.get("rnn"), "steps");
        assertEquals(500, steps.get("max").intValue());
        assertEquals(100, steps.get("default").intValue());
        assertEquals(100, field(models.get("mlp"), "steps").get("max").intValue());
        assertEquals(256, field(models.get("mlp"), "hidden").get("max").intValue());
        assertEquals("gaussian", field(models.get("lstm"), "init").get("default").textValue());
    }

    private static JsonNode field(JsonNode model, String name) {
        for (JsonNode field : model.get("fields")) {
            if (field.get("name").textValue().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }

    /** The real server with the gradient API on a free loopback port, and a plain HTTP client for it. */
    static final class Client implements AutoCloseable {
        static final ObjectMapper JSON = new ObjectMapper();
        private static final HttpClient CLIENT = HttpClient.newHttpClient();

        private final RunningSite site;

        Client() throws Exception {
            this.site = RunningSite.start("/", List.of(new GradientApi()));
        }

        HttpResponse<String> post(String body) throws Exception {
            return post(body, "application/json");
        }

        HttpResponse<String> post(String body, String contentType) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url("api/v1/gradients")))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(pathAndQuery)));
            for (int i = 0; i < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers) throws Exception {
            return site.getBytes(pathAndQuery, headers);
        }

        HttpResponse<String> send(String method, String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(site.url(path)))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }

        static JsonNode json(HttpResponse<String> response) throws Exception {
            return JSON.readTree(response.body());
        }

        @Override
        public void close() {
            site.close();
        }
    }
}
