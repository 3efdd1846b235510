package org.gtt.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientResult;
import org.gtt.engine.StateOverflowException;

/**
 * The simulation API: POST /api/v1/gradients (JSON body), GET /api/v1/gradients (scalar fields as
 * query parameters, cacheable), GET /api/v1/models (fields, defaults, bounds). Handlers only
 * validate, delegate to the engine and serialise.
 */
public final class GradientApi implements RouteModule {
    static final String GRADIENTS = "/api/v1/gradients";
    static final String MODELS = "/api/v1/models";
    static final int MAX_BODY_BYTES = 1_000_000;
    /** Deepest legitimate request: body → weights → layers → layer → weight → row. */
    static final int MAX_NESTING = 8;
    static final String CACHE_CONTROL = "public, max-age=86400";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // so NaN is refused by name, not as a syntax error
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    private final ResponseCache cache;
    private final byte[] models;

    public GradientApi() {
        this(64L << 20);
    }

    GradientApi(long cacheBytes) {
        this.cache = new ResponseCache(cacheBytes);
        this.models = ModelDescription.json().toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post(GRADIENTS, this::post);
        config.routes.get(GRADIENTS, this::get);
        config.routes.get(MODELS, ctx -> sendCacheable(ctx, new ResponseCache.Entry(models, etag(models))));
    }

    private void post(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new ApiException(400, "the body must be JSON, sent as Content-Type: application/json",
                    "Content-Type", "application/json");
        }
        long length = ctx.contentLength();
        if (length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        GradientRequestParser.Parsed parsed = GradientRequestParser.parse(readJson(body));
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.contentType("application/json").result(answer(parsed).body());
    }

    private void get(Context ctx) {
        GradientRequestParser.Parsed parsed = GradientRequestParser.parse(QueryRequest.toJson(ctx.queryParamMap()));
        sendCacheable(ctx, answer(parsed));
    }

    /** Requests without arrays are fully described by their parameters, so their answers are cached. */
    private ResponseCache.Entry answer(GradientRequestParser.Parsed parsed) {
        String key = parsed.custom() ? null : cacheKey(parsed);
        ResponseCache.Entry cached = key == null ? null : cache.get(key);
        if (cached != null) {
            return cached;
        }
        byte[] body = GradientResponse.of(parsed, compute(parsed)).toString().getBytes(StandardCharsets.UTF_8);
        ResponseCache.Entry entry = new ResponseCache.Entry(body, etag(body));
        if (key != null) {
            cache.put(key, entry);
        }
        return entry;
    }

    private static GradientResult compute(GradientRequestParser.Parsed parsed) {
        try {
            return GradientEngine.compute(parsed.request());
        } catch (StateOverflowException e) {
            String field = parsed.request().weights() != null || parsed.request().layers() != null ? "weights"
                    : parsed.request().inputs() != null ? "inputs" : "scale";
            throw ApiException.badField(field, e.getMessage(), "values that keep the forward pass finite");
        }
    }

    private static String cacheKey(GradientRequestParser.Parsed parsed) {
        ObjectNode key = GradientResponse.parametersOf(parsed.request());
        key.put("returnWeights", parsed.returnWeights());
        return key.toString();
    }

    private static void sendCacheable(Context ctx, ResponseCache.Entry entry) {
        ctx.header(Header.ETAG, entry.etag());
        ctx.header(Header.CACHE_CONTROL, CACHE_CONTROL);
        if (matches(ctx.header(Header.IF_NONE_MATCH), entry.etag())) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("application/json").result(entry.body());
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals(etag) || trimmed.equals("*")) {
                return true;
            }
        }
        return false;
    }

    static JsonNode readJson(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw ApiException.badField(null, "the body is empty", "a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ApiException.badField(null, "malformed JSON: " + e.getOriginalMessage(), "a JSON object, nested at most "
                    + MAX_NESTING + " deep");
        } catch (java.io.IOException e) {
            throw ApiException.badField(null, "unreadable body", "a JSON object");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "the body is over 1 MB", null, "at most " + MAX_BODY_BYTES + " bytes");
    }

    /** A strong validator: the answer's own bytes, hashed. */
    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return '"' + HexFormat.of().formatHex(digest, 0, 16) + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
