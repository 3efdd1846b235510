package org.gtt.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.gtt.json.JsonWriter;

/**
 * The gradient API without HTTP: a request (query fields or a JSON body) in, the response JSON out, or an
 * {@link ApiException} naming the field. The web routes and the widgets' build-time data both use it, so a
 * chart baked into a page shows exactly what the live endpoint would answer.
 */
public final class GradientService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GradientService.class);
    public static final String GRADIENTS = "/api/v1/gradients";
    public static final String MODELS = "/api/v1/models";
    public static final int MAX_BODY_BYTES = 1_000_000;
    /** Deepest legitimate request: body → weights → layers → layer → weight → row. */
    public static final int MAX_NESTING = 8;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN is refused by name, not as a syntax error
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Schubfach-based double formatting: shortest digits that read back to the same double, and fast. */
    static final ObjectMapper WRITER = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    /** Doubles spelled as {@link #WRITER} spells them (the in-browser engine matches it, see JsonWriter). */
    public static final JsonWriter.DoubleFormat JACKSON_DOUBLES = JacksonValues::appendDouble;

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    /** A response body with its strong ETag; {@code cached} when it came from the cache, not the engine. */
    public record Answer(byte[] body, String etag, boolean cached) {
        Answer fromCache() {
            return new Answer(body, etag, true);
        }
    }

    private final ResponseCache cache;
    private final ComputeGate gate;
    private final Answer models;

    /** Computes every request directly (build time: the widgets' default data). */
    public GradientService(long cacheBytes) {
        this(cacheBytes, ComputeGate.DIRECT);
    }

    /** Asks {@code gate} before each computation, with the request's {@link WorkEstimate}. */
    public GradientService(long cacheBytes, ComputeGate gate) {
        this.cache = new ResponseCache(cacheBytes);
        this.gate = gate;
        this.models = answerOf(serialize(ModelDescription.json()));
    }

    public Answer models() {
        return models;
    }

    /** GET: the scalar fields as query parameters. */
    public Answer fromQuery(Map<String, List<String>> query) {
        return answer(GradientRequestParser.parse(QueryRequest.toJson(query)));
    }

    /** POST: a JSON body, at most {@link #MAX_BODY_BYTES}. */
    public Answer fromJson(byte[] body) {
        if (body.length > MAX_BODY_BYTES) throw tooLarge();
        return answer(GradientRequestParser.parse(JacksonValues.of(readJson(body))));
    }

    public static ApiException tooLarge() {
        return Gradients.tooLarge();
    }

    /** Requests without arrays are fully described by their parameters, so their answers are cached. */
    private Answer answer(GradientRequestParser.Parsed parsed) {
        String key = parsed.custom() ? null : cacheKey(parsed);
        Answer cached = key == null ? null : cache.get(key);
        if (cached != null) return cached.fromCache();
        Answer answer = gate.run(WorkEstimate.millis(parsed.request()),
                () -> answerOf(logged(() -> Gradients.answer(parsed, JACKSON_DOUBLES)).getBytes(StandardCharsets.UTF_8)));
        if (key != null) cache.put(key, answer);
        return answer;
    }

    /** The engine's refusal (422) keeps what failed: the log gets the trace, the client the message. */
    private static <T> T logged(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ApiException e) {
            if (e.status() == 422 && e.getCause() != null) LOG.warn("the engine failed on a validated request", e.getCause());
            throw e;
        }
    }

    private static String cacheKey(GradientRequestParser.Parsed parsed) {
        return GradientResponse.parametersOf(parsed.request(), JACKSON_DOUBLES) + " returnWeights=" + parsed.returnWeights();
    }

    static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badField(null, "the body is empty", "a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badField(null, describe(e), "a JSON object, nested at most " + MAX_NESTING + " deep");
        } catch (IOException e) {
            throw ApiException.badField(null, "unreadable body", "a JSON object");
        }
    }

    /**
     * Jackson's messages name its own classes and settings (StreamReadConstraints.getMaxNestingDepth(),
     * DeserializationFeature.FAIL_ON_TRAILING_TOKENS, JsonNode): the client gets plain words and the place.
     */
    static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        String what;
        if (e instanceof StreamConstraintsException) {
            what = message.contains("nesting depth") ? "JSON nested deeper than " + MAX_NESTING + " levels"
                    : "malformed JSON: a number or string is longer than allowed";
        } else if (message.startsWith("Trailing token")) {
            what = "malformed JSON: more than one JSON value in the body";
        } else {
            what = "malformed JSON: " + withoutJavaNames(message);
        }
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? what : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /**
     * Drops parenthesised asides that quote Java names in backticks and the parser's source dump (the
     * position is added separately), then cuts at any quote or dump left.
     */
    private static String withoutJavaNames(String message) {
        String text = message.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "")
                .replaceAll("\\s*\\(start marker at .*", "");
        for (String marker : new String[] {"`", "[Source"}) {
            int at = text.indexOf(marker);
            if (at >= 0) text = text.substring(0, at);
        }
        text = text.strip();
        return text.isEmpty() ? "not a JSON value" : text;
    }

    static byte[] serialize(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of numbers and strings always serialises", e);
        }
    }

    static Answer answerOf(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new Answer(body, '"' + HexFormat.of().formatHex(digest, 0, 16) + '"', false);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
