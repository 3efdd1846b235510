package org.gtt.widget;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.gtt.content.BlockException;

/**
 * The body of a {@code ```widget NAME} block: {@code key: value} lines. Keys are the API field names of
 * the widget's controls (the values differ from the defaults), plus {@code seed}, {@code id} (needed
 * when a page holds two widgets of one kind), {@code show} (the controls to show, comma-separated;
 * default all) and {@code lock} (controls shown but fixed).
 */
public record WidgetBlock(String id, Map<String, String> state, Set<String> shown, Set<String> locked) {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,30}");
    private static final long MAX_SEED = (1L << 53) - 1;

    public static WidgetBlock parse(WidgetKind kind, String body) throws BlockException {
        Map<String, String> state = kind.defaults();
        String id = kind.widgetName();
        Set<String> shown = new LinkedHashSet<>(state.keySet());
        if (!kind.seedIsControl()) shown.remove("seed");
        Set<String> locked = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String raw : body.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 1) throw new BlockException("widget line '" + line + "' is not 'key: value'");
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (!seen.add(key)) throw new BlockException("'" + key + "' is given twice in this widget block");
            switch (key) {
                case "id" -> id = validId(value);
                case "seed" -> state.put("seed", kind.seedIsControl() ? kind.control(key).get().validate(value) : validSeed(value));
                case "show" -> shown = controlKeys(kind, key, value);
                case "lock" -> locked = controlKeys(kind, key, value);
                default -> {
                    Control control = kind.control(key).orElseThrow(() -> new BlockException("unknown key '" + key
                            + "' for the " + kind.widgetName() + " widget: allowed keys are " + allowedKeys(kind)));
                    state.put(key, control.validate(value));
                }
            }
        }
        return new WidgetBlock(id, state, shown, locked);
    }

    private static String validId(String value) throws BlockException {
        if (!ID.matcher(value).matches()) {
            throw new BlockException("'id' cannot be '" + value + "': use lower-case letters, digits and '-', starting with a letter");
        }
        return value;
    }

    private static String validSeed(String value) throws BlockException {
        try {
            long seed = Long.parseLong(value);
            if (seed >= 0 && seed <= MAX_SEED) return Long.toString(seed);
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BlockException("'seed' cannot be '" + value + "': allowed are whole numbers 0 to " + MAX_SEED);
    }

    private static Set<String> controlKeys(WidgetKind kind, String key, String value) throws BlockException {
        Set<String> keys = new LinkedHashSet<>();
        for (String name : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            if (kind.control(name).isEmpty()) {
                throw new BlockException("'" + key + "' names '" + name + "', which is not a control of the "
                        + kind.widgetName() + " widget: allowed are " + controlNames(kind));
            }
            keys.add(name);
        }
        return keys;
    }

    private static String controlNames(WidgetKind kind) {
        return String.join(", ", kind.controls().stream().map(Control::key).toList());
    }

    private static String allowedKeys(WidgetKind kind) {
        return controlNames(kind) + ", " + String.join(", ", kind.seedIsControl() ? List.of("id", "show", "lock") : List.of("seed", "id", "show", "lock"));
    }

    /** The state as a fresh map the caller may change. */
    public Map<String, String> stateCopy() {
        return new LinkedHashMap<>(state);
    }
}
