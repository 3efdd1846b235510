package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every class of bad input through HTTP on a real port: the answer is 4xx JSON naming the field,
 * never a 500 or a stack trace, and the server keeps answering.
 */
class GradientApiBadInputTest {
    private static GradientApiTest.Client api;

    @BeforeAll
    static void start() throws Exception {
        api = new GradientApiTest.Client();
    }

    @AfterAll
    static void stop() throws Exception {
        HttpResponse<String> stillUp = api.get("api/v1/gradients?model=gru&steps=3");
        assertEquals(200, stillUp.statusCode(), "the server keeps answering");
        api.close();
    }

    static Stream<Arguments> badBodies() {
        String nanRow = "[[1, 0], [NaN, 1]]";
        return Stream.of(
                Arguments.of("{}", "model"),
                Arguments.of("{\"model\": \"transformer\"}", "model"),
                Arguments.of("{\"model\": 3}", "model"),
                Arguments.of("{\"model\": \"rnn\", \"foo\": 1}", "foo"),
                Arguments.of("{\"model\": \"rnn\", \"forgetBias\": 1}", "forgetBias"),
                Arguments.of("{\"model\": \"lstm\", \"activation\": \"relu\"}", "activation"),
                Arguments.of("{\"model\": \"rnn\", \"activation\": \"gelu\"}", "activation"),
                Arguments.of("{\"model\": \"rnn\", \"init\": \"uniform\"}", "init"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 501}", "steps"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 0}", "steps"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 2.5}", "steps"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": \"10\"}", "steps"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 1e30}", "steps"),
                Arguments.of("{\"model\": \"rnn\", \"hidden\": 65}", "hidden"),
                Arguments.of("{\"model\": \"mlp\", \"hidden\": 257}", "hidden"),
                Arguments.of("{\"model\": \"mlp\", \"steps\": 101}", "steps"),
                Arguments.of("{\"model\": \"rnn\", \"scale\": NaN}", "scale"),
                Arguments.of("{\"model\": \"rnn\", \"scale\": Infinity}", "scale"),
                Arguments.of("{\"model\": \"rnn\", \"scale\": 1e999}", "scale"),
                Arguments.of("{\"model\": \"rnn\", \"scale\": -1}", "scale"),
                Arguments.of("{\"model\": \"rnn\", \"seed\": -1}", "seed"),
                Arguments.of("{\"model\": \"lstm\", \"forgetGate\": \"no\"}", "forgetGate"),
                Arguments.of("{\"model\": \"rnn\", \"returnWeights\": 1}", "returnWeights"),
                Arguments.of(rnnWeights(nanRow, "[[1], [2]]"), "weights.weight_hh_l0[1][0]"),
                Arguments.of(rnnWeights("[[1, 0], [0, 1], [1, 1]]", "[[1], [2]]"), "weights.weight_hh_l0"),
                Arguments.of(rnnWeights("[[1, 0], [0]]", "[[1], [2]]"), "weights.weight_hh_l0[1]"),
                Arguments.of(rnnWeights("[[1, 0], [0, 1]]", "[[1], [\"2\"]]"), "weights.weight_ih_l0[1][0]"),
                Arguments.of("{\"model\": \"rnn\", \"weights\": {\"weight_ih_l0\": [[1]], \"weight_hh_l0\": [[1]],"
                        + " \"bias_ih_l0\": [0]}}", "weights.bias_hh_l0"),
                Arguments.of("{\"model\": \"rnn\", \"weights\": []}", "weights"),
                Arguments.of(rnnWeights("[[1, 0], [0, 1]]", "[[1], [2]]").replace("}}", "}, \"scale\": 2}"), "scale"),
                Arguments.of(rnnWeights("[[1, 0], [0, 1]]", "[[1], [2]]").replace("}}", "}, \"hidden\": 3}"), "hidden"),
                Arguments.of("{\"model\": \"lstm\", \"weights\": {\"weight_ih_l0\": [[1]], \"weight_hh_l0\": [[1]],"
                        + " \"bias_ih_l0\": [0], \"bias_hh_l0\": [0]}}", "weights.weight_hh_l0"),
                Arguments.of("{\"model\": \"mlp\", \"weights\": {\"layers\": [{\"weight\": [[1, 2]], \"bias\": [0]},"
                        + " {\"weight\": [[1, 2]], \"bias\": [0]}]}}", "weights.layers[1].weight"),
                Arguments.of("{\"model\": \"mlp\", \"weights\": {\"layers\": [{\"weight\": [[1]], \"bias\": [0],"
                        + " \"gain\": 2}]}}", "weights.layers[0].gain"),
                Arguments.of("{\"model\": \"mlp\", \"weights\": {\"layers\": []}}", "weights.layers"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 3, \"inputs\": [[1, 2, 3, 4], [1, 2, 3, 4]]}", "inputs"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 2, \"inputs\": [[1, 2, 3, 4], [1, 2, 3]]}", "inputs[1]"),
                Arguments.of("{\"model\": \"rnn\", \"inputs\": [[1, 2, 3, 4], [1, 2, 3, NaN]]}", "inputs[1][3]"),
                Arguments.of("{\"model\": \"rnn\", \"h0\": [1, 2]}", "h0"),
                Arguments.of("{\"model\": \"mlp\", \"inputs\": [[1, 2, 3, 4]]}", "inputs"),
                Arguments.of("{\"model\": \"mlp\", \"target\": [1]}", "target"),
                Arguments.of("{\"model\": \"gru\", \"c0\": [1]}", "c0"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": 500, \"activation\": \"linear\", \"init\": \"identity\","
                        + " \"scale\": 10}", "scale"));
    }

    private static String rnnWeights(String hh, String ih) {
        return "{\"model\": \"rnn\", \"weights\": {\"weight_ih_l0\": " + ih + ", \"weight_hh_l0\": " + hh
                + ", \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0, 0]}}";
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("badBodies")
    void badFieldsAreRefusedByName(String body, String field) throws Exception {
        assertRefused(api.post(body), 400, field);
    }

    static Stream<Arguments> badSyntax() {
        return Stream.of(
                Arguments.of("{\"model\": \"rnn\""),
                Arguments.of("not json"),
                Arguments.of(""),
                Arguments.of("[1, 2]"),
                Arguments.of("{\"model\": \"rnn\"} {}"),
                Arguments.of("{\"model\": \"rnn\", \"model\": \"gru\"}"),
                Arguments.of("{\"model\": \"rnn\", \"steps\": " + "1".repeat(1500) + "}"),
                Arguments.of("{\"model\": 'rnn'}"),
                Arguments.of("{\"model\": \"rnn\", }"),
                Arguments.of("{\"model\": \"rn\u0001n\"}"),
                Arguments.of("{\"model\": tru}"),
                Arguments.of("{\"model\": \"rnn\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}"),
                Arguments.of("{\"model\": \"rnn\", \"weights\": {\"a\": [[[[[[[[1]]]]]]]]}}"));
    }

    @ParameterizedTest
    @MethodSource("badSyntax")
    void malformedOrDeeplyNestedJsonIsRefused(String body) throws Exception {
        HttpResponse<String> response = api.post(body);
        assertRefused(response, 400, null);
        String error = GradientApiTest.Client.json(response).get("error").textValue();
        // No Java class, method, setting or source dump from the JSON parser reaches the client.
        assertFalse(JAVA_NAME.matcher(error).find() || error.contains("`") || error.contains("Source:")
                || error.contains("com.fasterxml") || error.contains("Jackson"), error);
    }

    /** Class.member or Class.method(), e.g. StreamReadConstraints.getMaxNestingDepth() or JsonNode. */
    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("\\b[A-Z][a-z]+[A-Z][a-z]+\\w*|\\w+\\.\\w+\\(\\)|\\b[A-Z]+_[A-Z_]+\\b");

    @Test
    void jsonNestedTooDeeplyIsNamedInPlainWords() throws Exception {
        for (String body : new String[] {"{\"model\": \"rnn\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"model\": \"rnn\", \"weights\": {\"a\": [[[[[[[[1]]]]]]]]}}"}) {
            String error = GradientApiTest.Client.json(api.post(body)).get("error").textValue();
            assertTrue(error.startsWith("JSON nested deeper than 8 levels"), error);
        }
    }

    /**
     * Finite inputs whose forward pass or step Jacobians leave the double range. The first is the
     * reviewer's: forgetSlope·W_hf = 2.5e307 × 1e10 is +∞, which once hung a server thread in the
     * eigenvalue bisection. Each must be refused by name; the timeout only guards against a hang.
     */
    static Stream<Arguments> extremeBodies() {
        return Stream.of(
                Arguments.of("{\"model\":\"lstm\",\"c0\":[1e308],\"inputs\":[[0],[0],[0]],\"weights\":{"
                        + "\"weight_ih_l0\":[[0],[0],[0],[0]],\"weight_hh_l0\":[[1],[1e10],[1],[1]],"
                        + "\"bias_ih_l0\":[0,0,0,0],\"bias_hh_l0\":[0,0,0,0]}}", "weights"),
                Arguments.of(rnnWeights("[[1e308, 1e308], [1e308, 1e308]]", "[[0], [0]]"), "weights"),
                Arguments.of("{\"model\":\"rnn\",\"activation\":\"linear\",\"init\":\"identity\",\"scale\":2,"
                        + "\"hidden\":2,\"h0\":[1e308,1e308],\"steps\":3}", "h0"),
                Arguments.of("{\"model\":\"rnn\",\"activation\":\"linear\",\"init\":\"identity\",\"hidden\":1,"
                        + "\"inputSize\":1,\"inputs\":[[1e308],[1e308]]}", "inputs"),
                Arguments.of(gruWeights("[1e308, 0]", "[[0, 0], [0, 0], [1e-308, 1e308], [0, 0], [0, 0], [0, 0]]"),
                        "weights"),
                Arguments.of(gruWeights("[1e308, 1e308]", "[[0, 0], [0, 0], [1, 1], [0, 0], [0, 0], [0, 0]]"),
                        "weights"),
                Arguments.of("{\"model\":\"gru\",\"init\":\"identity\",\"scale\":100,\"hidden\":2,"
                        + "\"h0\":[1e308,1e308],\"steps\":3}", "h0"),
                Arguments.of("{\"model\":\"mlp\",\"inputs\":[1e308],\"weights\":{\"layers\":["
                        + "{\"weight\":[[1e308],[1e308]],\"bias\":[0,0]},{\"weight\":[[1e308,1e308]],\"bias\":[0]}]}}",
                        "weights"),
                Arguments.of("{\"model\":\"mlp\",\"activation\":\"linear\",\"inputs\":[1e308,1e308,1e308,1e308]}",
                        "inputs"));
    }

    /** A 2-unit gru with zero inputs, zero biases and zero input weights. */
    private static String gruWeights(String h0, String hh) {
        return "{\"model\":\"gru\",\"h0\":" + h0 + ",\"inputs\":[[0],[0],[0]],\"weights\":{"
                + "\"weight_ih_l0\":[[0],[0],[0],[0],[0],[0]],\"weight_hh_l0\":" + hh + ","
                + "\"bias_ih_l0\":[0,0,0,0,0,0],\"bias_hh_l0\":[0,0,0,0,0,0]}}";
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("extremeBodies")
    void inputsBeyondTheDoubleRangeAreRefusedWithoutHanging(String body, String field) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(api.post(body), 400, field));
    }

    /** Extreme but representable: every number in the answer is finite (JSON has no NaN or Infinity). */
    static Stream<String> extremeButAnswerableBodies() {
        return Stream.of(
                rnnWeights("[[1e308, 0], [0, 1e308]]", "[[0], [0]]"),
                rnnWeights("[[1e308, -1e308], [1e308, 1e308]]", "[[0], [0]]"),
                "{\"model\":\"mlp\",\"activation\":\"linear\",\"inputs\":[1e-308],\"weights\":{\"layers\":["
                        + "{\"weight\":[[1e308],[1e308]],\"bias\":[0,0]},{\"weight\":[[1e-308,1e308]],\"bias\":[0]}]}}",
                "{\"model\":\"lstm\",\"hidden\":2,\"c0\":[1e308,-1e308],\"steps\":5}",
                "{\"model\":\"gru\",\"hidden\":2,\"h0\":[1e308,-1e308],\"steps\":5,\"scale\":0}");
    }

    @ParameterizedTest
    @MethodSource("extremeButAnswerableBodies")
    void extremeButRepresentableInputsGiveFiniteNumbers(String body) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            HttpResponse<String> response = api.post(body);
            assertEquals(200, response.statusCode(), response.body());
            assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), response.body());
            assertTrue(GradientApiTest.Client.json(response).get("jacobianLog10Norms").get(0).isNumber(), response.body());
        });
    }

    @Test
    void wrongContentTypeIsRefused() throws Exception {
        assertRefused(api.post("{\"model\": \"rnn\"}", "text/plain"), 400, "Content-Type");
        assertRefused(api.post("{\"model\": \"rnn\"}", null), 400, "Content-Type");
    }

    @Test
    void bodyOverOneMegabyteIsRefused() throws Exception {
        String body = "{\"model\": \"rnn\", \"inputs\": [" + "0,".repeat(600_000) + "0]}";
        assertRefused(api.post(body), 413, null);
    }

    @Test
    void badQueryParametersAreRefusedByName() throws Exception {
        assertRefused(api.get("api/v1/gradients"), 400, "model");
        assertRefused(api.get("api/v1/gradients?model=rnn&steps=abc"), 400, "steps");
        assertRefused(api.get("api/v1/gradients?model=rnn&steps=NaN"), 400, "steps");
        assertRefused(api.get("api/v1/gradients?model=rnn&scale=Infinity"), 400, "scale");
        assertRefused(api.get("api/v1/gradients?model=rnn&scale=0x10"), 400, "scale");
        assertRefused(api.get("api/v1/gradients?model=rnn&steps=3&steps=4"), 400, "steps");
        assertRefused(api.get("api/v1/gradients?model=rnn&weights=1"), 400, "weights");
        assertRefused(api.get("api/v1/gradients?model=rnn&colour=red"), 400, "colour");
    }

    /** HEAD is GET without the body: the same status and headers, here a 400 JSON refusal. */
    @Test
    void headWithoutParametersIsRefusedLikeGet() throws Exception {
        HttpResponse<String> get = api.get("api/v1/gradients");
        HttpResponse<String> head = api.send("HEAD", "api/v1/gradients");
        assertEquals(400, head.statusCode());
        assertEquals(get.headers().firstValue("Content-Type"), head.headers().firstValue("Content-Type"));
        assertEquals(get.headers().firstValue("Cache-Control"), head.headers().firstValue("Cache-Control"));
        assertEquals("", head.body());
    }

    @Test
    void unknownMethodsGet405() throws Exception {
        for (String method : new String[] {"PUT", "DELETE", "PATCH"}) {
            assertRefused(api.send(method, "api/v1/gradients"), 405, null);
        }
        assertRefused(api.send("POST", "api/v1/models"), 405, null);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = GradientApiTest.Client.json(response);
        assertTrue(body.get("error").isTextual() && !body.get("error").textValue().isBlank(), response.body());
        assertFalse(response.body().contains("Exception") || response.body().contains("\tat "), "no stack trace");
        if (field != null) {
            assertEquals(field, body.get("field").textValue(), response.body());
            assertTrue(body.has("allowed"), response.body());
        }
    }
}
