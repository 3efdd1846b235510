package org.gtt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gtt.content.Lang;
import org.gtt.widget.Control;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;

/**
 * Lessons name a widget's controls in bold exactly as the page labels them in the lesson's language: a
 * bold control key ("**activation**") or a label of the other language ("**init**" in a Chinese lesson,
 * where the control reads 初始化) is the mistake a reader cannot act on. Option values ("**gaussian**")
 * are shown as they are in both languages.
 */
class ControlNamesTest {
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*\\n]+)\\*\\*");

    @Test
    void boldControlNamesAreThePagesLabelsInTheLessonsLanguage() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            Set<String> labels = labels(lang);
            Set<String> suspicious = new HashSet<>(labels(lang.other()));
            Set<String> options = new HashSet<>();
            for (WidgetKind kind : WidgetKind.values()) {
                for (Control control : kind.controls()) {
                    suspicious.add(control.key());
                    options.addAll(control.options());
                }
            }
            suspicious.removeAll(labels);
            suspicious.removeAll(options);
            for (Path lesson : lessons(lang)) {
                List<String> lines = Files.readAllLines(lesson);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher bold = BOLD.matcher(lines.get(i));
                    while (bold.find()) {
                        if (suspicious.contains(bold.group(1))) {
                            wrong.add(lesson + ":" + (i + 1) + ": **" + bold.group(1) + "** is not how the page labels a control in "
                                    + lang.code() + " (labels: " + labels + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static Set<String> labels(Lang lang) {
        Set<String> labels = new HashSet<>();
        for (WidgetKind kind : WidgetKind.values()) {
            for (Control control : kind.controls()) labels.add(control.label().in(lang));
        }
        return labels;
    }

    private static List<Path> lessons(Lang lang) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content", lang.code()))) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }
}
