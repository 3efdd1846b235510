package org.gtt.api;

import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.json.JsonValue;

/**
 * The server's side of the Jackson-free request rules: a tree Jackson read (with its limits and its messages
 * for malformed JSON) as the {@link JsonValue} the rules take, and doubles spelled as Jackson's fast writer
 * spells them.
 */
final class JacksonValues {
    private JacksonValues() {}

    static JsonValue of(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                members.put(member.getKey(), of(member.getValue()));
            }
            return JsonValue.object(members);
        }
        if (node.isArray()) {
            List<JsonValue> elements = new ArrayList<>(node.size());
            for (JsonNode element : node) elements.add(of(element));
            return JsonValue.array(elements);
        }
        if (node.isTextual()) return JsonValue.string(node.textValue());
        if (node.isBoolean()) return JsonValue.bool(node.booleanValue());
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? JsonValue.integer(node.longValue())
                    : JsonValue.bigInteger(node.toString(), node.doubleValue());
        }
        if (node.isNumber()) return JsonValue.decimal(node.doubleValue(), node.toString());
        return JsonValue.nullValue();
    }

    /** As Jackson's generator with USE_FAST_DOUBLE_WRITER writes a double: NaN and the infinities quoted. */
    static void appendDouble(StringBuilder out, double value) {
        String text = NumberOutput.toString(value, true);
        if (Double.isFinite(value)) out.append(text);
        else out.append('"').append(text).append('"');
    }
}
