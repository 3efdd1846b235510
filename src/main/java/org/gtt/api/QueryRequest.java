package org.gtt.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.json.JsonParser;
import org.gtt.json.JsonValue;

/**
 * Query parameters as the JSON object the parser reads: numbers written as JSON numbers become
 * numbers (integers when their value is whole and fits a long, so "1.0" and "1e2" count as integers),
 * true/false booleans, anything else a string (so "NaN" or "0x10" are refused by name). Jackson-free: the
 * in-browser engine reads its widgets' queries with it too.
 */
final class QueryRequest {
    static final List<String> ARRAY_FIELDS = List.of("weights", "inputs", "h0", "c0", "target");
    private static final int LONGEST_NUMBER = 64;

    private QueryRequest() {}

    static JsonValue toJson(Map<String, List<String>> query) {
        return toJson(query, ARRAY_FIELDS, JsonParser.JAVA);
    }

    /**
     * As {@link #toJson(Map)}, for an endpoint whose array fields (only sent in a POST body) are
     * {@code arrayFields}; the {@code i}-th parameter's text becomes a double through {@code decimals}.
     */
    static JsonValue toJson(Map<String, List<String>> query, List<String> arrayFields, JsonParser.Decimals decimals) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            String name = parameter.getKey();
            if (arrayFields.contains(name)) {
                throw ApiException.badField(name, name + " is an array: send it in a POST body",
                        "POST " + GradientService.GRADIENTS);
            }
            if (parameter.getValue().size() != 1) {
                throw ApiException.badField(name, name + " is given " + parameter.getValue().size() + " times",
                        "one value");
            }
            members.put(name, value(parameter.getValue().get(0), index++, decimals));
        }
        return JsonValue.object(members);
    }

    private static JsonValue value(String text, int index, JsonParser.Decimals decimals) {
        if (text.equals("true") || text.equals("false")) {
            return JsonValue.bool(Boolean.parseBoolean(text));
        }
        DecimalText number = text.length() <= LONGEST_NUMBER ? DecimalText.read(text) : null;
        if (number == null) {
            return JsonValue.string(text);
        }
        Long whole = number.wholeLong();
        if (whole != null) {
            return JsonValue.integer(whole);
        }
        double value = decimals.value(index, text);
        return JsonValue.decimal(value, String.valueOf(value));
    }
}
