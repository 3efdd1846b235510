package org.gtt.json;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * One JSON value, as the API's request rules read it: object, array, number, string, boolean or null.
 * Jackson-free, so the same rules run on the server and, compiled to WebAssembly, in the browser. A number
 * remembers whether it was written as an integer (no fraction, no exponent): "5" and "5.0" differ for the
 * rules as they do in Jackson (IntNode vs DoubleNode).
 */
public class JsonValue {
    public enum Kind { OBJECT, ARRAY, NUMBER, STRING, BOOLEAN, NULL }

    private static final JsonValue NULL = new JsonValue(Kind.NULL, null, null, null, 0, false, 0, false);
    private static final JsonValue TRUE = new JsonValue(Kind.BOOLEAN, null, null, "true", 0, false, 0, true);
    private static final JsonValue FALSE = new JsonValue(Kind.BOOLEAN, null, null, "false", 0, false, 0, false);

    private final Kind kind;
    private final Map<String, JsonValue> members;
    private final List<JsonValue> elements;
    /** A string's value; a number's text as error messages quote it. */
    private final String text;
    private final double number;
    /** Written as an integer that fits a long (then {@link #longValue} is exact). */
    private final boolean exactLong;
    private final long longValue;
    private final boolean flag;

    protected JsonValue(Kind kind, Map<String, JsonValue> members, List<JsonValue> elements, String text,
                        double number, boolean exactLong, long longValue, boolean flag) {
        this.kind = kind;
        this.members = members;
        this.elements = elements;
        this.text = text;
        this.number = number;
        this.exactLong = exactLong;
        this.longValue = longValue;
        this.flag = flag;
    }

    protected JsonValue(JsonValue value) {
        this(value.kind, value.members, value.elements, value.text, value.number, value.exactLong, value.longValue,
                value.flag);
    }

    /** Members in their written order (a LinkedHashMap: the order is part of the rules' messages). */
    public static JsonValue object(Map<String, JsonValue> members) {
        return new JsonValue(Kind.OBJECT, Collections.unmodifiableMap(members), null, null, 0, false, 0, false);
    }

    public static JsonValue array(List<JsonValue> elements) {
        return new JsonValue(Kind.ARRAY, null, Collections.unmodifiableList(elements), null, 0, false, 0, false);
    }

    public static JsonValue string(String value) {
        return new JsonValue(Kind.STRING, null, null, value, 0, false, 0, false);
    }

    public static JsonValue bool(boolean value) {
        return value ? TRUE : FALSE;
    }

    public static JsonValue nullValue() {
        return NULL;
    }

    public static JsonValue integer(long value) {
        return new JsonValue(Kind.NUMBER, null, null, Long.toString(value), value, true, value, true);
    }

    /** An integer too large for a long: only its digits and nearest double are kept. */
    public static JsonValue bigInteger(String digits, double value) {
        return new JsonValue(Kind.NUMBER, null, null, digits, value, false, (long) value, true);
    }

    /** A number written with a fraction or an exponent; {@code text} is how messages quote it. */
    public static JsonValue decimal(double value, String text) {
        return new JsonValue(Kind.NUMBER, null, null, text, value, false, (long) value, false);
    }

    public Kind kind() { return kind; }
    public boolean isObject() { return kind == Kind.OBJECT; }
    public boolean isArray() { return kind == Kind.ARRAY; }
    public boolean isNumber() { return kind == Kind.NUMBER; }
    public boolean isTextual() { return kind == Kind.STRING; }
    public boolean isBoolean() { return kind == Kind.BOOLEAN; }
    public boolean isNull() { return kind == Kind.NULL; }

    /** Elements of an array, members of an object, else 0. */
    public int size() {
        return elements != null ? elements.size() : members != null ? members.size() : 0;
    }

    public boolean isEmpty() { return size() == 0; }

    /** The i-th element of an array, else null. */
    public JsonValue get(int index) {
        return elements != null && index >= 0 && index < elements.size() ? elements.get(index) : null;
    }

    /** The member {@code name} of an object, else null. */
    public JsonValue get(String name) {
        return members != null ? members.get(name) : null;
    }

    public boolean has(String name) { return members != null && members.containsKey(name); }

    public Iterator<String> fieldNames() {
        return members != null ? members.keySet().iterator() : Collections.emptyIterator();
    }

    public Map<String, JsonValue> members() { return members; }

    public List<JsonValue> elements() { return elements; }

    public String textValue() { return kind == Kind.STRING ? text : null; }

    public boolean booleanValue() { return kind == Kind.BOOLEAN && flag; }

    public double doubleValue() { return number; }

    public long longValue() { return longValue; }

    /** Written as an integer, or a finite decimal with an integral value (Jackson's canConvertToExactIntegral). */
    public boolean canConvertToExactIntegral() {
        if (kind != Kind.NUMBER) return false;
        return integerLiteral() || (Double.isFinite(number) && number == Math.rint(number));
    }

    /** Its value lies in the range of a long (Jackson's canConvertToLong). */
    public boolean canConvertToLong() {
        if (kind != Kind.NUMBER) return false;
        if (integerLiteral()) return exactLong;
        return number >= Long.MIN_VALUE && number <= Long.MAX_VALUE;
    }

    private boolean integerLiteral() { return flag; }

    /** The value as JSON text, as error messages quote it ("\"abc\"", "1.5", "[1,2]"). */
    @Override
    public String toString() {
        return switch (kind) {
            case NUMBER, BOOLEAN -> text;
            case NULL -> "null";
            default -> JsonWriter.compact(this);
        };
    }
}
