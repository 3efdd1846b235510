package org.gtt.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser (RFC 8259: one value, no comments, no trailing commas, no duplicate member names) for
 * the in-browser engine, which cannot use Jackson. Its numbers follow Jackson's reading: an integer literal
 * is exact (a long, or digits beyond it), a literal with a fraction or an exponent is a double. Turning the
 * decimal text into the nearest double is left to a {@link Decimals}: TeaVM's {@code Double.parseDouble}
 * misrounds about one 17-digit literal in four thousand, so the browser hands in the values its JavaScript
 * read (exact by the language's definition), in the order the literals appear.
 */
public final class JsonParser {
    /** The nearest double to the {@code index}-th number literal of the text, which reads {@code literal}. */
    public interface Decimals {
        double value(int index, String literal);
    }

    /** The JVM's own conversion (correctly rounded). */
    public static final Decimals JAVA = (index, literal) -> Double.parseDouble(literal);

    /** A syntax error, or nesting deeper than allowed; {@code column} counts from 1 on {@code line}. */
    public static final class SyntaxException extends RuntimeException {
        private final boolean tooDeep;
        private final int line;
        private final int column;

        SyntaxException(String message, boolean tooDeep, int line, int column) {
            super(message);
            this.tooDeep = tooDeep;
            this.line = line;
            this.column = column;
        }

        public boolean tooDeep() { return tooDeep; }
        public int line() { return line; }
        public int column() { return column; }
    }

    private final String text;
    private final int maxDepth;
    private final Decimals decimals;
    private int at;
    private int depth;
    private int numbers;

    private JsonParser(String text, int maxDepth, Decimals decimals) {
        this.text = text;
        this.maxDepth = maxDepth;
        this.decimals = decimals;
    }

    public static JsonValue parse(String text, int maxDepth, Decimals decimals) {
        JsonParser parser = new JsonParser(text, maxDepth, decimals);
        parser.skipSpace();
        JsonValue value = parser.value();
        parser.skipSpace();
        if (parser.at < text.length()) throw parser.error("more than one JSON value in the body");
        return value;
    }

    private JsonValue value() {
        if (at >= text.length()) throw error("the text ends where a value should be");
        char c = text.charAt(at);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> JsonValue.string(string());
            case 't' -> literal("true", JsonValue.bool(true));
            case 'f' -> literal("false", JsonValue.bool(false));
            case 'n' -> literal("null", JsonValue.nullValue());
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("unexpected character '" + c + "'");
            }
        };
    }

    private JsonValue object() {
        enter();
        at++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            at++;
            depth--;
            return JsonValue.object(members);
        }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a member name in double quotes");
            String name = string();
            if (members.containsKey(name)) throw error("duplicate field '" + name + "'");
            skipSpace();
            expect(':');
            skipSpace();
            members.put(name, value());
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect('}');
            depth--;
            return JsonValue.object(members);
        }
    }

    private JsonValue array() {
        enter();
        at++;
        List<JsonValue> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            at++;
            depth--;
            return JsonValue.array(elements);
        }
        while (true) {
            skipSpace();
            elements.add(value());
            skipSpace();
            if (peek() == ',') {
                at++;
                continue;
            }
            expect(']');
            depth--;
            return JsonValue.array(elements);
        }
    }

    private void enter() {
        if (++depth > maxDepth) {
            throw new SyntaxException("JSON nested deeper than " + maxDepth + " levels", true, line(), column());
        }
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) throw error("the text ends inside a string");
            char c = text.charAt(at++);
            if (c == '"') return out.toString();
            if (c < 0x20) throw error("a control character inside a string");
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (at >= text.length()) throw error("the text ends inside a string");
            char e = text.charAt(at++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> out.append(unicodeEscape());
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private char unicodeEscape() {
        if (at + 4 > text.length()) throw error("a \\u escape needs four hex digits");
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at++), 16);
            if (digit < 0) throw error("a \\u escape needs four hex digits");
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private JsonValue number() {
        int start = at;
        if (peek() == '-') at++;
        int intStart = at;
        if (peek() == '0') at++;
        else digits();
        if (at == intStart) throw error("a number needs digits");
        boolean integer = true;
        if (peek() == '.') {
            at++;
            integer = false;
            if (digits() == 0) throw error("a number needs digits after the decimal point");
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            integer = false;
            if (peek() == '+' || peek() == '-') at++;
            if (digits() == 0) throw error("a number needs digits in its exponent");
        }
        String literal = text.substring(start, at);
        int index = numbers++;
        if (!integer) {
            double value = decimals.value(index, literal);
            return JsonValue.decimal(value, JavaNumberText.of(value, literal));
        }
        return integer(literal, index);
    }

    /** An integer literal: a long when it fits, else its digits (Jackson's BigIntegerNode). */
    private JsonValue integer(String literal, int index) {
        boolean negative = literal.startsWith("-");
        String digits = negative ? literal.substring(1) : literal;
        if (digits.length() < 19 || (digits.length() == 19 && digits.compareTo(negative ? "9223372036854775808"
                : "9223372036854775807") <= 0)) {
            return JsonValue.integer(Long.parseLong(literal));
        }
        return JsonValue.bigInteger(literal, decimals.value(index, literal));
    }

    private int digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') at++;
        return at - start;
    }

    private JsonValue literal(String word, JsonValue value) {
        if (!text.startsWith(word, at)) throw error("unexpected word");
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) throw error("expected '" + c + "'");
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
            at++;
        }
    }

    private SyntaxException error(String what) {
        return new SyntaxException(what, false, line(), column());
    }

    private int line() {
        int line = 1;
        for (int i = 0; i < at && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
        return line;
    }

    private int column() {
        int lineStart = text.lastIndexOf('\n', Math.max(at - 1, 0)) + 1;
        return at - lineStart + 1;
    }
}
