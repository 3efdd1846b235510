package org.gtt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gtt.json.JsonParser;
import org.gtt.json.JsonValue;
import org.junit.jupiter.api.Test;

/**
 * The Jackson-free path the in-browser engine takes (org.gtt.json's parser and writer, {@link Gradients}) against
 * the server's (Jackson's parser, {@link GradientService}): the same text for the same request, and the server's
 * text exactly what Jackson's own writer makes of it (so moving the server to {@code JsonWriter} changed no byte).
 */
class GradientsParityTest {
    private static final GradientService SERVER = new GradientService(1 << 20);

    static List<String> bodies() {
        Random random = new Random(11);
        List<String> bodies = new ArrayList<>(List.of(
                "{\"model\": \"rnn\"}", "{\"model\": \"lstm\", \"returnWeights\": true, \"steps\": 7, \"hidden\": 3}",
                "{\"model\": \"gru\", \"scale\": 100, \"steps\": 30}", "{\"model\": \"mlp\", \"returnWeights\": true}",
                "{\"model\": \"rnn\", \"activation\": \"relu\", \"init\": \"orthogonal\", \"scale\": 1.05e0}",
                "{\"model\": \"lstm\", \"forgetGate\": false, \"forgetBias\": -3.5}",
                "{\"model\": \"rnn\", \"steps\": 1.5}", "{\"model\": \"rnn\", \"steps\": 1e2}", "{\"model\": \"rnn\", \"steps\": 12345678901234567890}",
                "{\"model\": \"rnn\", \"scale\": \"big\"}", "{\"model\": \"cnn\"}", "{\"model\": {\"a\": [1, 2.5]}}", "[1]",
                "{\"model\": \"rnn\", \"weights\": {\"weight_hh_l0\": [[1]]}}",
                "{\"model\": \"rnn\", \"hidden\": 4, \"weights\": {\"weight_ih_l0\": [[0.5], [-0.3]], \"weight_hh_l0\": [[0.9, 5.0], [0.0, 0.9]],"
                        + " \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0, 0]}}",
                "{\"model\": \"rnn\", \"weights\": {\"weight_ih_l0\": [[0.5], [-0.3]], \"weight_hh_l0\": [[0.9, 5.0], [0.0, \"x\"]],"
                        + " \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0, 0]}}"));
        for (String model : List.of("rnn", "lstm", "gru")) bodies.add(PastedWeights.body(model, random));
        bodies.add("{\"model\": \"mlp\", \"returnWeights\": true, \"weights\": {\"layers\": [{\"weight\": [[0.25, -1.5e-3], [3, 4]],"
                + " \"bias\": [1e-7, 0]}, {\"weight\": [[1, 2]], \"bias\": [0.1]}]}, \"inputs\": [1, 2], \"target\": [0.5]}");
        return bodies;
    }

    @Test
    void theOwnParserAndJacksonGiveTheSameAnswerOrTheSameRefusal() {
        for (String body : bodies()) {
            assertEquals(server(body), own(body), body);
        }
    }

    @Test
    void theServersTextIsWhatJacksonWritesForIt() throws Exception {
        for (String body : bodies()) {
            String text = server(body);
            if (!text.startsWith("200 ")) continue;
            JsonNode tree = GradientService.readJson(text.substring(4).getBytes(StandardCharsets.UTF_8));
            assertEquals(text.substring(4), new String(GradientService.serialize(tree), StandardCharsets.UTF_8), body);
        }
    }

    @Test
    void queriesReadTheirNumbersAsBigDecimalDid() {
        Random random = new Random(5);
        String[] parts = {"0", "7", "12", "-3", "0.5", "1.0", "1e2", "1.5E1", "-0", "9223372036854775807", "9223372036854775808",
                "-9223372036854775808", "1e19", "00", "1.", ".5", "1e", "0x10", "NaN", "2.50e-1", "123456789e-5", "1e-400", "1e400"};
        for (int i = 0; i < 20000; i++) {
            String text = i < parts.length ? parts[i] : randomNumberText(random);
            JsonValue value = QueryRequest.toJson(Map.of("x", List.of(text))).get("x");
            assertEquals(bigDecimalReading(text), value.kind() + " " + value, text);
        }
    }

    /** The rule the query reading had with BigDecimal: whole and within ±Long.MAX_VALUE → long, else double. */
    private static String bigDecimalReading(String text) {
        if (!text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) return "STRING " + JsonValue.string(text);
        BigDecimal number = new BigDecimal(text);
        if (number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return "NUMBER " + number.longValueExact();
        }
        return "NUMBER " + number.doubleValue();
    }

    private static String randomNumberText(Random random) {
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
        text.append(random.nextInt(3) == 0 ? "0" : String.valueOf(1 + random.nextInt(999999999)) + "0".repeat(random.nextInt(12)));
        if (random.nextBoolean()) text.append('.').append(random.nextInt(1000)).append("0".repeat(random.nextInt(3)));
        if (random.nextBoolean()) text.append(random.nextBoolean() ? "e" : "E").append(random.nextBoolean() ? "-" : "").append(random.nextInt(30));
        return text.toString();
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedAlike() {
        String deep = "{\"model\": \"rnn\", \"inputs\": [[[[[[[[[1]]]]]]]]]}";
        ApiException jackson = assertThrows(ApiException.class, () -> SERVER.fromJson(deep.getBytes(StandardCharsets.UTF_8)));
        ApiException own = assertThrows(ApiException.class, () -> Gradients.fromBody(deep, JsonParser.JAVA, GradientService.JACKSON_DOUBLES));
        assertEquals(jackson.getMessage(), own.getMessage());
    }

    private static String server(String body) {
        try {
            return "200 " + new String(SERVER.fromJson(body.getBytes(StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8);
        } catch (ApiException e) {
            return e.status() + " " + Gradients.errorJson(e);
        }
    }

    private static String own(String body) {
        try {
            return "200 " + Gradients.fromBody(body, JsonParser.JAVA, GradientService.JACKSON_DOUBLES);
        } catch (ApiException e) {
            return e.status() + " " + Gradients.errorJson(e);
        }
    }

    static Map<String, List<String>> query(String... pairs) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) query.put(pairs[i], List.of(pairs[i + 1]));
        return query;
    }
}
