package org.gtt.api;

import java.util.List;

/**
 * One request field as the API publishes it: its JSON type, its default, its bounds (numbers) or
 * allowed values (strings), for one model. {@link ModelCatalog} lists them; the parser enforces them.
 */
record ApiField(String name, Kind kind, Object defaultValue, Double min, Double max, List<String> allowed,
                String description) {

    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT }

    /** The text of the "allowed" part of an error message. */
    String allowedText() {
        if (allowed != null) {
            return String.join(", ", allowed);
        }
        if (min != null) {
            return kind == Kind.INTEGER
                    ? "integer " + min.longValue() + " to " + max.longValue()
                    : "number " + trim(min) + " to " + trim(max);
        }
        return switch (kind) {
            case BOOLEAN -> "true or false";
            case ARRAY -> "array of finite numbers";
            case OBJECT -> "object";
            default -> kind.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
