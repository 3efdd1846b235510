package org.gtt.api;

import org.gtt.json.JsonValue;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the scalar fields of one JSON request against their published {@link ApiField}s: the default when a
 * field is absent, else the value if it has the right type and lies in bounds, else a 400 naming the field.
 */
final class FieldReader {
    private final JsonValue root;
    private final Map<String, ApiField> fields;

    FieldReader(JsonValue root, Map<String, ApiField> fields) {
        this.root = root;
        this.fields = fields;
    }

    /** Refuses the first field that is not one of {@code fields}, listing those that are. */
    void refuseUnknown(String context) {
        String allowed = String.join(", ", fields.keySet());
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.containsKey(name)) {
                throw ApiException.badField(name, "unknown field " + name + context, allowed);
            }
        }
    }

    boolean has(String name) { return root.has(name); }

    long integer(String name) {
        ApiField field = fields.get(name);
        JsonValue node = root.get(name);
        if (node == null) {
            return ((Number) field.defaultValue()).longValue();
        }
        if (!node.isNumber() || !node.canConvertToExactIntegral() || !node.canConvertToLong()
                || node.longValue() < field.min() || node.longValue() > field.max()) {
            throw ApiException.badField(name, name + " must be an integer in bounds, got " + node, field.allowedText());
        }
        return node.longValue();
    }

    double number(String name) {
        ApiField field = fields.get(name);
        JsonValue node = root.get(name);
        if (node == null) {
            return ((Number) field.defaultValue()).doubleValue();
        }
        double value = node.isNumber() ? node.doubleValue() : Double.NaN;
        if (!(value >= field.min() && value <= field.max())) {
            throw ApiException.badField(name, name + " must be a finite number in bounds, got " + node,
                    field.allowedText());
        }
        return value + 0.0; // −0.0 + 0.0 = 0.0: one value, one echo and one cache entry for zero
    }

    String choice(String name) {
        ApiField field = fields.get(name);
        JsonValue node = root.get(name);
        if (node == null) {
            return (String) field.defaultValue();
        }
        if (!node.isTextual() || !field.allowed().contains(node.textValue())) {
            throw ApiException.badField(name, "unknown " + name + " " + node, field.allowedText());
        }
        return node.textValue();
    }

    boolean bool(String name) {
        JsonValue node = root.get(name);
        if (node == null) {
            return (Boolean) fields.get(name).defaultValue();
        }
        if (!node.isBoolean()) {
            throw ApiException.badField(name, name + " must be true or false, got " + node, "true or false");
        }
        return node.booleanValue();
    }
}
