package org.gtt.wasm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.api.ApiException;
import org.gtt.api.Cliff;
import org.gtt.api.Gradients;
import org.gtt.json.JsonParser;
import org.gtt.json.JsonValue;
import org.gtt.json.JsonWriter;
import org.teavm.jso.JSExport;

/**
 * The API, compiled to WebAssembly by TeaVM for the snapshot's in-browser engine (static/js/widgets/engine.js):
 * the same request rules, engine and JSON writer as GET and POST /api/v1/gradients ({@link Gradients}) and
 * GET /api/v1/cliff and /api/v1/cliff/descent ({@link Cliff}).
 *
 * <p>Number conversions are JavaScript's, because TeaVM's {@code Double.toString} and {@code parseDouble} are
 * not exact (one 17-digit value in a thousand comes out different). JavaScript sends the value of every number
 * literal of the request along with its text; the answer comes back with a placeholder character (U+0001,
 * which the writer would otherwise escape, so it cannot occur in a string) wherever a double goes, and the
 * doubles themselves from {@link #answerNumbers()}: engine.js spells each as the server does.
 */
public final class BrowserEngine {
    /** Marks where a double goes in the answer text. */
    static final char NUMBER = '\u0001';
    private static final String ENDPOINTS = "gradients, cliff, cliff/descent";
    private static double[] numbers = new double[0];

    private BrowserEngine() {}

    public static void main(String[] args) {
        // nothing to start: the page calls the exported methods
    }

    /**
     * The answer to one request to /api/v1/{@code endpoint}: "status\n" then the body. {@code request} is the
     * query as a JSON object of strings (GET) or the body (POST); {@code values[i]} is the number the i-th
     * query value (GET) or the i-th number literal (POST) reads as.
     */
    @JSExport
    public static String answer(String endpoint, String method, String request, double[] values) {
        List<Double> doubles = new ArrayList<>();
        JsonWriter.DoubleFormat placeholders = (out, value) -> {
            out.append(NUMBER);
            doubles.add(value);
        };
        JsonParser.Decimals decimals = (index, literal) -> values[index];
        String status;
        String body;
        try {
            body = switch (endpoint) {
                case "gradients" -> method.equals("POST") ? Gradients.fromBody(request, decimals, placeholders)
                        : Gradients.fromQuery(query(request), decimals, placeholders);
                case "cliff" -> Cliff.grid(query(getOnly(method, request)), decimals, placeholders);
                case "cliff/descent" -> Cliff.descent(query(getOnly(method, request)), decimals, placeholders);
                default -> throw new ApiException(404, "no such endpoint in the in-browser engine: " + endpoint, null,
                        ENDPOINTS);
            };
            status = "200";
        } catch (ApiException e) {
            doubles.clear();
            status = String.valueOf(e.status());
            body = Gradients.errorJson(e);
        }
        numbers = new double[doubles.size()];
        for (int i = 0; i < numbers.length; i++) numbers[i] = doubles.get(i);
        return status + "\n" + body;
    }

    /** The doubles of the last answer, in the order of its placeholders. */
    @JSExport
    public static double[] answerNumbers() {
        return numbers;
    }

    /** The cliff's endpoints are GET only, as on the server. */
    private static String getOnly(String method, String request) {
        if (!method.equals("GET")) throw new ApiException(405, method + " is not allowed here", null, "GET");
        return request;
    }

    private static Map<String, List<String>> query(String json) {
        JsonValue object = JsonParser.parse(json, 2, JsonParser.JAVA);
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> member : object.members().entrySet()) {
            query.put(member.getKey(), List.of(member.getValue().textValue()));
        }
        return query;
    }
}
