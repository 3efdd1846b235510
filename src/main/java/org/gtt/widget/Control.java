package org.gtt.widget;

import java.math.BigDecimal;
import java.util.List;
import org.gtt.content.BlockException;

/**
 * One control of a widget, bound to one API field: a range slider, a select or a checkbox.
 * It also validates the value a lesson gives that field in its widget block.
 */
public record Control(String key, Text label, Type type, double min, double max, double step, List<String> options) {

    public enum Type { RANGE, SELECT, CHECKBOX }

    public static Control range(String key, Text label, double min, double max, double step) {
        return new Control(key, label, Type.RANGE, min, max, step, List.of());
    }

    public static Control select(String key, Text label, String... options) {
        return new Control(key, label, Type.SELECT, 0, 0, 0, List.of(options));
    }

    public static Control checkbox(String key, Text label) {
        return new Control(key, label, Type.CHECKBOX, 0, 0, 0, List.of("true", "false"));
    }

    /** The value in its canonical spelling ("0.90" → "0.9"), or a BlockException naming the key and what is allowed. */
    public String validate(String value) throws BlockException {
        if (type != Type.RANGE) {
            if (options.contains(value)) return value;
            throw new BlockException("'" + key + "' cannot be '" + value + "': allowed values are " + String.join(", ", options));
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new BlockException("'" + key + "' must be a number, not '" + value + "': " + allowedRange());
        }
        BigDecimal offset = number.subtract(BigDecimal.valueOf(min));
        boolean onStep = offset.remainder(BigDecimal.valueOf(step)).compareTo(BigDecimal.ZERO) == 0;
        if (number.doubleValue() < min || number.doubleValue() > max || !onStep) {
            throw new BlockException("'" + key + "' cannot be " + value + ": " + allowedRange());
        }
        return format(number.doubleValue());
    }

    private String allowedRange() {
        return "allowed are " + format(min) + " to " + format(max) + " in steps of " + format(step);
    }

    /** Numbers as the slider and the URL write them: no trailing zeros, integers without a point. */
    static String format(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public boolean isRange() { return type == Type.RANGE; }
    public boolean isSelect() { return type == Type.SELECT; }
    public boolean isCheckbox() { return type == Type.CHECKBOX; }
    public String minText() { return format(min); }
    public String maxText() { return format(max); }
    public String stepText() { return format(step); }
}
