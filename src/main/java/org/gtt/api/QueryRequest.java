package org.gtt.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Query parameters as the JSON object the parser reads: numbers written as JSON numbers become
 * numbers, true/false booleans, anything else a string (so "NaN" or "0x10" are refused by name).
 */
final class QueryRequest {
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final List<String> ARRAY_FIELDS = List.of("weights", "inputs", "h0", "c0", "target");

    private QueryRequest() {}

    static ObjectNode toJson(Map<String, List<String>> query) {
        return toJson(query, ARRAY_FIELDS);
    }

    /** As {@link #toJson(Map)}, for an endpoint whose array fields (only sent in a POST body) are {@code arrayFields}. */
    static ObjectNode toJson(Map<String, List<String>> query, List<String> arrayFields) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
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
            node.set(name, value(parameter.getValue().get(0)));
        }
        return node;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(String text) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        if (text.equals("true") || text.equals("false")) {
            return json.booleanNode(Boolean.parseBoolean(text));
        }
        if (text.length() <= 64 && JSON_NUMBER.matcher(text).matches()) {
            BigDecimal number = new BigDecimal(text);
            return number.stripTrailingZeros().scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0
                    ? json.numberNode(number.longValueExact())
                    : json.numberNode(number.doubleValue());
        }
        return json.textNode(text);
    }
}
