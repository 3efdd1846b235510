package org.gtt.api;

/**
 * A JSON number's text (-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?) as significant digits × 10^exponent,
 * exactly, to tell whether its value is a whole number that fits a long, without BigDecimal (which the
 * in-browser engine would have to carry).
 */
final class DecimalText {
    private static final String LONG_MAX = String.valueOf(Long.MAX_VALUE);

    private final boolean negative;
    /** Significant digits without leading or trailing zeros; empty for zero. */
    private final String digits;
    private final long exponent;

    private DecimalText(boolean negative, String digits, long exponent) {
        this.negative = negative;
        this.digits = digits;
        this.exponent = exponent;
    }

    /** The number {@code text} writes, or null when it is not a JSON number. */
    static DecimalText read(String text) {
        int at = 0;
        boolean negative = text.startsWith("-");
        if (negative) at++;
        int intStart = at;
        at = skipDigits(text, at);
        if (at == intStart || (text.charAt(intStart) == '0' && at - intStart > 1)) return null;
        StringBuilder all = new StringBuilder(text.substring(intStart, at));
        long exponent = 0;
        if (at < text.length() && text.charAt(at) == '.') {
            int fracStart = ++at;
            at = skipDigits(text, at);
            if (at == fracStart) return null;
            all.append(text, fracStart, at);
            exponent -= at - fracStart;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            boolean minus = at < text.length() && text.charAt(at) == '-';
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) at++;
            int expStart = at;
            at = skipDigits(text, at);
            if (at == expStart) return null;
            // at most 64 characters: the exponent's digits fit a long once leading zeros are dropped
            int significant = expStart;
            while (significant < at - 1 && text.charAt(significant) == '0') significant++;
            String expDigits = text.substring(significant, at);
            if (expDigits.length() > 18) expDigits = "999999999999999999";
            exponent += (minus ? -1 : 1) * Long.parseLong(expDigits);
        }
        if (at != text.length()) return null;
        return normalised(negative, all.toString(), exponent);
    }

    private static DecimalText normalised(boolean negative, String all, long exponent) {
        int start = 0;
        while (start < all.length() && all.charAt(start) == '0') start++;
        int end = all.length();
        while (end > start && all.charAt(end - 1) == '0') {
            end--;
            exponent++;
        }
        return new DecimalText(negative, all.substring(start, end), exponent);
    }

    private static int skipDigits(String text, int at) {
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
        return at;
    }

    /** The value as a long when it is whole and |value| ≤ Long.MAX_VALUE, else null. */
    Long wholeLong() {
        if (digits.isEmpty()) return 0L;
        if (exponent < 0 || digits.length() + exponent > LONG_MAX.length()) return null;
        String whole = digits + "0".repeat((int) exponent);
        if (whole.length() == LONG_MAX.length() && whole.compareTo(LONG_MAX) > 0) return null;
        long magnitude = Long.parseLong(whole);
        return negative ? -magnitude : magnitude;
    }
}
