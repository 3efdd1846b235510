package org.gtt.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads content/course.yml, which has exactly two levels: a language code, then {@code title} and
 * {@code description} indented under it. Both languages and both keys are required.
 */
final class CourseFile {
    static final String NAME = "course.yml";
    private static final List<String> KEYS = List.of("title", "description");

    /** The course info per language (complete only when {@code errors} is empty) and what went wrong. */
    record Result(Map<Lang, CourseInfo> info, List<ContentError> errors) {
    }

    private final Path file;
    private final List<ContentError> errors = new ArrayList<>();
    private final Map<Lang, Map<String, String>> values = new EnumMap<>(Lang.class);
    private final Map<Lang, Integer> sectionLines = new EnumMap<>(Lang.class);

    private CourseFile(Path file) {
        this.file = file;
    }

    static Result parse(Path file, String text) {
        CourseFile parser = new CourseFile(file);
        parser.readLines(text.lines().toList());
        return new Result(parser.complete(), List.copyOf(parser.errors));
    }

    private void readLines(List<String> lines) {
        Lang section = null;
        boolean sectionUnknown = false;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index);
            int lineNumber = index + 1;
            if (SimpleYaml.isBlankOrComment(line)) {
                continue;
            }
            if (line.startsWith("\t")) {
                error(lineNumber, "indent with spaces, not tabs");
            } else if (!Character.isWhitespace(line.charAt(0))) {
                section = startSection(line, lineNumber);
                sectionUnknown = section == null;
            } else if (section != null) {
                readKey(section, line, lineNumber);
            } else if (!sectionUnknown) {
                error(lineNumber, "an indented line must belong to a language ('en:' or 'zh:') above it");
            }
        }
    }

    private Lang startSection(String line, int lineNumber) {
        String stripped = line.strip();
        if (!stripped.endsWith(":") || stripped.contains(" ")) {
            error(lineNumber, "expected a language code followed by ':' (like 'en:') but found '" + stripped + "'");
            return null;
        }
        String code = stripped.substring(0, stripped.length() - 1);
        Lang lang = Lang.fromCode(code).orElse(null);
        if (lang == null) {
            error(lineNumber, "unknown language '" + code + "' (allowed: " + Lang.allowedCodes() + ")");
        } else if (values.containsKey(lang)) {
            error(lineNumber, "duplicate language '" + code + "'");
            return null;
        } else {
            values.put(lang, new HashMap<>());
            sectionLines.put(lang, lineNumber);
        }
        return lang;
    }

    private void readKey(Lang section, String line, int lineNumber) {
        try {
            SimpleYaml.Entry entry = SimpleYaml.entry(line);
            Map<String, String> sectionValues = values.get(section);
            if (!KEYS.contains(entry.key())) {
                error(lineNumber, "unknown key '" + entry.key() + "' (allowed: " + String.join(", ", KEYS) + ")");
            } else if (sectionValues.containsKey(entry.key())) {
                error(lineNumber, "duplicate key '" + entry.key() + "'");
            } else if (entry.value().isBlank()) {
                error(lineNumber, "'" + entry.key() + "' is empty");
            } else {
                sectionValues.put(entry.key(), entry.value());
            }
        } catch (SimpleYaml.SyntaxError e) {
            error(lineNumber, e.getMessage());
        }
    }

    private Map<Lang, CourseInfo> complete() {
        Map<Lang, CourseInfo> info = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Map<String, String> sectionValues = values.get(lang);
            if (sectionValues == null) {
                error(1, "no '" + lang.code() + ":' section (every language needs a title and a description)");
                continue;
            }
            for (String key : KEYS) {
                if (!sectionValues.containsKey(key)) {
                    error(sectionLines.get(lang), "'" + lang.code() + "' has no '" + key + "'");
                }
            }
            info.put(lang, new CourseInfo(sectionValues.get("title"), sectionValues.get("description")));
        }
        return info;
    }

    private void error(int line, String message) {
        errors.add(new ContentError(file, line, message));
    }
}
