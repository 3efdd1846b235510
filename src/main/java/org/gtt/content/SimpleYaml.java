package org.gtt.content;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few pieces of YAML our content files use: one {@code key: value} per line with a plain, single-quoted or
 * double-quoted scalar. Anything else is rejected, so a file that parses here is also valid YAML for other tools
 * and means the same there.
 */
final class SimpleYaml {
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)[ \\t]*:(?:[ \\t]+(.*))?");
    private static final String RESERVED_STARTS = "|>[]{}&*!%@`,#";

    /** A line that is not {@code key: value}, or a value YAML would read differently than it looks. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message);
        }
    }

    record Entry(String key, String value) {
    }

    private SimpleYaml() {
    }

    static boolean isBlankOrComment(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    /** The key of a {@code key: value} line whose value may be malformed. */
    static Optional<String> keyOf(String line) {
        Matcher matcher = KEY_VALUE.matcher(line.strip());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** Parses {@code key: value} (the line without its indentation). */
    static Entry entry(String line) throws SyntaxError {
        Matcher matcher = KEY_VALUE.matcher(line.strip());
        if (!matcher.matches()) {
            throw new SyntaxError("expected 'key: value' but found '" + line.strip() + "'");
        }
        String raw = matcher.group(2) == null ? "" : matcher.group(2);
        return new Entry(matcher.group(1), scalar(raw.strip()));
    }

    static String scalar(String raw) throws SyntaxError {
        if (raw.isEmpty()) {
            return "";
        }
        char first = raw.charAt(0);
        if (first == '"') {
            return doubleQuoted(raw);
        }
        if (first == '\'') {
            return singleQuoted(raw);
        }
        if (RESERVED_STARTS.indexOf(first) >= 0) {
            throw new SyntaxError("a value starting with '" + first + "' means something else in YAML; put the value in quotes");
        }
        if (raw.contains(" #")) {
            throw new SyntaxError("' #' starts a YAML comment; put the value in quotes");
        }
        if (raw.contains(": ") || raw.endsWith(":")) {
            throw new SyntaxError("a value containing ': ' must be put in quotes");
        }
        return raw;
    }

    private static String doubleQuoted(String raw) throws SyntaxError {
        if (raw.length() < 2 || !raw.endsWith("\"")) {
            throw new SyntaxError("unterminated double-quoted value");
        }
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length() - 1; i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                throw new SyntaxError("a '\"' inside a double-quoted value must be written \\\"");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (i + 1 >= raw.length() - 1) {
                throw new SyntaxError("a double-quoted value must not end with a lone backslash");
            }
            value.append(unescape(raw.charAt(++i)));
        }
        return value.toString();
    }

    private static char unescape(char escaped) throws SyntaxError {
        switch (escaped) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'n': return '\n';
            case 't': return '\t';
            default: throw new SyntaxError("unknown escape '\\" + escaped + "' in a double-quoted value (write \\\\ for a backslash)");
        }
    }

    private static String singleQuoted(String raw) throws SyntaxError {
        if (raw.length() < 2 || !raw.endsWith("'")) {
            throw new SyntaxError("unterminated single-quoted value");
        }
        String inner = raw.substring(1, raw.length() - 1);
        if (inner.replace("''", "").contains("'")) {
            throw new SyntaxError("a ' inside a single-quoted value must be written ''");
        }
        return inner.replace("''", "'");
    }
}
