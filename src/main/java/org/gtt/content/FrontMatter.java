package org.gtt.content;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lesson's front matter: the lines between the first line {@code ---} and the next {@code ---}.
 * Only {@code title}, {@code summary} (both required) and {@code updated} (ISO date) are allowed.
 */
record FrontMatter(String title, String summary, LocalDate updated, String body, int bodyFirstLine) {
    private static final String FENCE = "---";
    private static final List<String> ALLOWED = List.of("title", "summary", "updated");

    /** Either the parsed front matter or the errors that prevented it. */
    record Result(FrontMatter frontMatter, List<ContentError> errors) {
    }

    /** A value with the line it was written on, so later checks can point at it. */
    private record Located(String value, int line) {
    }

    static Result parse(Path file, String text) {
        List<String> lines = text.lines().toList();
        List<ContentError> errors = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).strip().equals(FENCE)) {
            errors.add(new ContentError(file, 1, "the file must start with a '---' line that opens the front matter (title, summary)"));
            return new Result(null, errors);
        }
        int closing = closingFence(lines);
        if (closing < 0) {
            errors.add(new ContentError(file, 1, "the front matter opened here is never closed by a '---' line"));
            return new Result(null, errors);
        }
        Map<String, Located> values = new HashMap<>();
        for (int index = 1; index < closing; index++) {
            readLine(file, lines.get(index), index + 1, values, errors);
        }
        String title = required(file, values, "title", errors);
        String summary = required(file, values, "summary", errors);
        LocalDate updated = updated(file, values, errors);
        if (!errors.isEmpty()) {
            return new Result(null, errors);
        }
        String body = String.join("\n", lines.subList(closing + 1, lines.size()));
        return new Result(new FrontMatter(title, summary, updated, body, closing + 2), errors);
    }

    private static int closingFence(List<String> lines) {
        for (int index = 1; index < lines.size(); index++) {
            if (lines.get(index).strip().equals(FENCE)) {
                return index;
            }
        }
        return -1;
    }

    private static void readLine(Path file, String line, int lineNumber, Map<String, Located> values, List<ContentError> errors) {
        if (SimpleYaml.isBlankOrComment(line)) {
            return;
        }
        if (Character.isWhitespace(line.charAt(0))) {
            malformed(file, line, lineNumber, "front matter lines must not be indented (one 'key: value' per line)", values, errors);
            return;
        }
        try {
            SimpleYaml.Entry entry = SimpleYaml.entry(line);
            if (!ALLOWED.contains(entry.key())) {
                errors.add(new ContentError(file, lineNumber,
                        "unknown key '" + entry.key() + "' (allowed: " + String.join(", ", ALLOWED) + ")"));
            } else if (values.containsKey(entry.key())) {
                errors.add(new ContentError(file, lineNumber, "duplicate key '" + entry.key() + "'"));
            } else {
                values.put(entry.key(), new Located(entry.value(), lineNumber));
            }
        } catch (SimpleYaml.SyntaxError e) {
            malformed(file, line, lineNumber, e.getMessage(), values, errors);
        }
    }

    /** Reports a malformed line; a key it still names counts as present, so it is not reported missing too. */
    private static void malformed(Path file, String line, int lineNumber, String message,
                                  Map<String, Located> values, List<ContentError> errors) {
        errors.add(new ContentError(file, lineNumber, message));
        SimpleYaml.keyOf(line).ifPresent(key -> values.putIfAbsent(key, new Located(null, lineNumber)));
    }

    private static String required(Path file, Map<String, Located> values, String key, List<ContentError> errors) {
        Located located = values.get(key);
        if (located == null) {
            errors.add(new ContentError(file, 1, "the front matter has no '" + key + "' (required: title, summary)"));
            return null;
        }
        if (located.value() != null && located.value().isBlank()) {
            errors.add(new ContentError(file, located.line(), "'" + key + "' is empty"));
        }
        return located.value();
    }

    private static LocalDate updated(Path file, Map<String, Located> values, List<ContentError> errors) {
        Located located = values.get("updated");
        if (located == null || located.value() == null) {
            return null;
        }
        try {
            return LocalDate.parse(located.value());
        } catch (DateTimeParseException e) {
            errors.add(new ContentError(file, located.line(),
                    "'updated' must be an ISO date like 2026-11-24, not '" + located.value() + "'"));
            return null;
        }
    }
}
