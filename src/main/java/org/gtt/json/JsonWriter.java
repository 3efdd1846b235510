package org.gtt.json;

import java.util.Map;

/**
 * Writes JSON text as Jackson writes it with the API's settings (no spaces, non-ASCII as is, control
 * characters escaped, members in the order given), so the server and the in-browser engine, which both
 * write their answers with this class, send the same bytes. How a double is spelled is the one thing left
 * to the caller ({@link DoubleFormat}): the server spells it as Jackson does (shortest digits that read back
 * to the same double), the browser hands it to JavaScript, whose Number-to-string conversion is exact.
 */
public final class JsonWriter {
    /** Appends a double's JSON text. */
    public interface DoubleFormat {
        void append(StringBuilder out, double value);
    }

    /** Plain {@link Double#toString}: for messages and tests, not for answers (see the class comment). */
    public static final DoubleFormat JAVA_TO_STRING = (out, value) -> out.append(value);

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    private final DoubleFormat doubles;
    /** One bit per open container: whether something was written in it yet (deeper than 63: unsupported). */
    private long started;
    private int depth;
    private boolean afterName;

    public JsonWriter(DoubleFormat doubles) {
        this(new StringBuilder(256), doubles);
    }

    public JsonWriter(StringBuilder out, DoubleFormat doubles) {
        this.out = out;
        this.doubles = doubles;
    }

    public static String compact(JsonValue value) {
        JsonWriter writer = new JsonWriter(JAVA_TO_STRING);
        writer.value(value);
        return writer.toString();
    }

    public JsonWriter beginObject() { separate(); out.append('{'); open(); return this; }
    public JsonWriter endObject() { close(); out.append('}'); return this; }
    public JsonWriter beginArray() { separate(); out.append('['); open(); return this; }
    public JsonWriter endArray() { close(); out.append(']'); return this; }

    public JsonWriter name(String name) {
        separate();
        quote(name);
        out.append(':');
        afterName = true;
        return this;
    }

    public JsonWriter value(String value) {
        if (value == null) return nullValue();
        separate();
        quote(value);
        return this;
    }

    public JsonWriter value(long value) { separate(); out.append(value); return this; }

    public JsonWriter value(double value) { separate(); doubles.append(out, value); return this; }

    /** A boxed double: null stays null. */
    public JsonWriter value(Double value) { return value == null ? nullValue() : value(value.doubleValue()); }

    public JsonWriter value(boolean value) { separate(); out.append(value); return this; }

    public JsonWriter nullValue() { separate(); out.append("null"); return this; }

    public JsonWriter value(double[] values) {
        beginArray();
        for (double v : values) value(v);
        return endArray();
    }

    public JsonWriter value(double[][] rows) {
        beginArray();
        for (double[] row : rows) value(row);
        return endArray();
    }

    /** A parsed value written back: numbers keep their text, as Jackson writes a tree it read. */
    public JsonWriter value(JsonValue value) {
        switch (value.kind()) {
            case OBJECT -> {
                beginObject();
                for (Map.Entry<String, JsonValue> member : value.members().entrySet()) {
                    name(member.getKey()).value(member.getValue());
                }
                endObject();
            }
            case ARRAY -> {
                beginArray();
                for (JsonValue element : value.elements()) value(element);
                endArray();
            }
            case STRING -> value(value.textValue());
            case NUMBER, BOOLEAN -> { separate(); out.append(value.toString()); }
            case NULL -> nullValue();
        }
        return this;
    }

    /** Text that is already JSON (a value this writer wrote before). */
    public JsonWriter raw(String json) { separate(); out.append(json); return this; }

    @Override
    public String toString() { return out.toString(); }

    private void open() {
        depth++;
        started &= ~(1L << depth);
    }

    private void close() {
        depth--;
        afterName = false;
    }

    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (depth == 0) return;
        long bit = 1L << depth;
        if ((started & bit) != 0) out.append(',');
        started |= bit;
    }

    private void quote(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
