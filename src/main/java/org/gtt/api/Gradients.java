package org.gtt.api;

import java.util.List;
import java.util.Map;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;
import org.gtt.engine.StateOverflowException;
import org.gtt.json.JsonParser;
import org.gtt.json.JsonValue;
import org.gtt.json.JsonWriter;

/**
 * What GET and POST /api/v1/gradients answer, without HTTP, caching or Jackson: the request's rules, the
 * engine, the answer's JSON text, or an {@link ApiException} naming the field. {@link GradientService} (the
 * server) and the in-browser engine (org.gtt.wasm, compiled to WebAssembly) both answer through here, so
 * their answers are the same text.
 */
public final class Gradients {
    private Gradients() {}

    /** GET: the query parameters (one value each); {@code decimals} reads the i-th parameter's number. */
    public static String fromQuery(Map<String, List<String>> query, JsonParser.Decimals decimals,
                                   JsonWriter.DoubleFormat doubles) {
        return answer(GradientRequestParser.parse(QueryRequest.toJson(query, QueryRequest.ARRAY_FIELDS, decimals)), doubles);
    }

    /** POST: the body's text, read with this package's strict parser (the server reads it with Jackson). */
    public static String fromBody(String body, JsonParser.Decimals decimals, JsonWriter.DoubleFormat doubles) {
        if (body.length() > GradientService.MAX_BODY_BYTES) throw tooLarge();
        return answer(GradientRequestParser.parse(read(body, decimals)), doubles);
    }

    public static ApiException tooLarge() {
        return new ApiException(413, "the body is over 1 MB", null, "at most " + GradientService.MAX_BODY_BYTES + " bytes");
    }

    static String answer(GradientRequestParser.Parsed parsed, JsonWriter.DoubleFormat doubles) {
        return GradientResponse.of(parsed, compute(parsed), doubles);
    }

    /** A refusal's JSON body, as the server sends it: {"error", "field", "allowed"} (null when absent). */
    public static String errorJson(ApiException e) {
        return new JsonWriter(JsonWriter.JAVA_TO_STRING).beginObject()
                .name("error").value(e.getMessage())
                .name("field").value(e.field())
                .name("allowed").value(e.allowed())
                .endObject().toString();
    }

    static JsonValue read(String body, JsonParser.Decimals decimals) {
        if (body.isBlank()) throw ApiException.badField(null, "the body is empty", "a JSON object");
        try {
            return JsonParser.parse(body, GradientService.MAX_NESTING, decimals);
        } catch (JsonParser.SyntaxException e) {
            // as the server words it (Jackson gives no position for the nesting limit)
            String what = e.tooDeep() ? e.getMessage()
                    : "malformed JSON: " + e.getMessage() + " (line " + e.line() + ", column " + e.column() + ")";
            throw ApiException.badField(null, what, "a JSON object, nested at most " + GradientService.MAX_NESTING + " deep");
        }
    }

    /** The engine's answer; values it cannot compute are the client's to change (422), never a server fault. */
    static GradientResult compute(GradientRequestParser.Parsed parsed) {
        try {
            return GradientEngine.compute(parsed.request());
        } catch (StateOverflowException e) {
            throw ApiException.badField(overflowField(parsed.request()), e.getMessage(),
                    "values that keep the forward pass and its Jacobians finite");
        } catch (RuntimeException e) {
            // A numerical routine that gave up (say, an eigenvalue iteration that did not converge) is a fact
            // about these values: the client hears which values; the server logs the cause it carries.
            ApiException refusal = new ApiException(422, "the engine could not compute these values: " + e.getMessage(),
                    overflowField(parsed.request()), "values the engine can compute");
            refusal.initCause(e);
            throw refusal;
        }
    }

    /** The field to blame for an overflow: the first array the client sent, else the generated weights' scale. */
    private static String overflowField(GradientRequest request) {
        if (request.weights() != null || request.layers() != null) return "weights";
        if (request.inputs() != null) return "inputs";
        if (request.h0() != null) return "h0";
        if (request.c0() != null) return "c0";
        return "scale";
    }
}
