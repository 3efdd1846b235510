package org.gtt.json;

/**
 * How Java spells a double read from a decimal literal ("1e-7" → "1.0E-7", "100.0", "0.5"), for error messages
 * that quote a number as Jackson's DoubleNode does. Built from the literal's own digits, so it needs no
 * double-to-text conversion (TeaVM's is not exact): it matches Java for the shortest spellings that
 * JavaScript's JSON.stringify writes, which is what the browser sends.
 */
final class JavaNumberText {
    private JavaNumberText() {}

    static String of(double value, String literal) {
        if (!Double.isFinite(value)) return value != value ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        if (value == 0) return 1 / value < 0 ? "-0.0" : "0.0";
        boolean negative = literal.startsWith("-");
        String body = negative ? literal.substring(1) : literal;
        int e = Math.max(body.indexOf('e'), body.indexOf('E'));
        String mantissa = e < 0 ? body : body.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(body.substring(e + 1).replace("+", ""));
        int point = mantissa.indexOf('.');
        String digits = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
        int pointAfter = (point < 0 ? mantissa.length() : point) + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            pointAfter--;
        }
        int end = digits.length();
        while (end > lead + 1 && digits.charAt(end - 1) == '0') end--;
        digits = digits.substring(lead, end);
        int decimalExponent = pointAfter - 1;
        return (negative ? "-" : "") + JavaNumberText.spell(digits, decimalExponent);
    }

    /** Java's layout of significant digits d₁d₂… × 10^exponent (d₁ ≠ 0, no trailing zeros). */
    static String spell(String digits, int exponent) {
        if (exponent >= -3 && exponent < 7) {
            if (exponent < 0) return "0." + "0".repeat(-exponent - 1) + digits;
            String whole = digits.length() > exponent + 1 ? digits.substring(0, exponent + 1)
                    : digits + "0".repeat(exponent + 1 - digits.length());
            String fraction = digits.length() > exponent + 1 ? digits.substring(exponent + 1) : "0";
            return whole + "." + fraction;
        }
        return digits.charAt(0) + "." + (digits.length() > 1 ? digits.substring(1) : "0") + "E" + exponent;
    }
}
