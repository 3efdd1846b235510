package org.gtt.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Lesson 9 lists every paper the lessons cite, and only those, in both languages: a footnote "[^n]: A. Author, … (year).
 * Title. …" in any lesson must appear among lesson 9's references (same first author's surname, year and title), each
 * reference must be cited somewhere, and the lessons it names ("Lessons 1, 3 and 5." / "第 1、3、5 课。") must be
 * exactly the lessons that cite it.
 */
class ReferencesTest {
    private static final String REFERENCES = "09-references-and-glossary.md";
    private static final Pattern FOOTNOTE = Pattern.compile("^\\[\\^[^\\]]+\\]:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern LISTED = Pattern.compile("^- (.+)$", Pattern.MULTILINE);
    private static final Pattern CITATION = Pattern.compile("^([^(]+?) \\((\\d{4})\\)\\. (.+?)\\.(?: |$)");
    private static final Pattern LESSONS_EN = Pattern.compile("Lessons? ([\\d, and]+)\\.$");
    private static final Pattern LESSONS_ZH = Pattern.compile("第 ([\\d、]+) 课。$");

    @Test
    void lessonNineListsExactlyThePapersTheLessonsCite() throws IOException {
        for (String lang : new String[] {"en", "zh"}) {
            Map<String, Set<Integer>> cited = citedBy(lang);
            Map<String, Set<Integer>> listed = listed(lang);
            List<String> problems = new ArrayList<>();
            cited.forEach((paper, lessons) -> {
                if (!listed.containsKey(paper)) problems.add("cited in lessons " + lessons + " but not in lesson 9: " + paper);
                else if (!listed.get(paper).equals(lessons)) problems.add(paper + ": lesson 9 names lessons " + listed.get(paper) + ", cited in " + lessons);
            });
            listed.keySet().stream().filter(paper -> !cited.containsKey(paper)).forEach(paper -> problems.add("in lesson 9 but cited nowhere: " + paper));
            assertEquals(List.of(), problems, "content/" + lang);
            assertTrue(listed.size() >= 20, "lesson 9 in " + lang + " lists " + listed.size() + " papers");
        }
    }

    /** Each cited paper's key, with the numbers of the lessons whose footnotes cite it. */
    private static Map<String, Set<Integer>> citedBy(String lang) throws IOException {
        Map<String, Set<Integer>> cited = new TreeMap<>();
        for (Path lesson : lessons(lang)) {
            String name = lesson.getFileName().toString();
            if (name.equals(REFERENCES)) continue;
            int number = Integer.parseInt(name.substring(0, 2));
            Matcher footnote = FOOTNOTE.matcher(Files.readString(lesson, StandardCharsets.UTF_8));
            while (footnote.find()) cited.computeIfAbsent(key(footnote.group(1), lesson), k -> new TreeSet<>()).add(number);
        }
        return cited;
    }

    /** Lesson 9's references by key, with the lessons each names. */
    private static Map<String, Set<Integer>> listed(String lang) throws IOException {
        Path file = Path.of("content", lang, REFERENCES);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String references = text.substring(text.indexOf("\n## "), text.indexOf("\n## ", text.indexOf("\n## ") + 1));
        Map<String, Set<Integer>> listed = new TreeMap<>();
        Matcher item = LISTED.matcher(references);
        while (item.find()) {
            String entry = item.group(1);
            Matcher lessons = (lang.equals("en") ? LESSONS_EN : LESSONS_ZH).matcher(entry);
            assertTrue(lessons.find(), file + ": no list of lessons at the end of: " + entry);
            Set<Integer> numbers = new TreeSet<>();
            for (String number : lessons.group(1).split("[^\\d]+")) if (!number.isEmpty()) numbers.add(Integer.parseInt(number));
            assertTrue(listed.put(key(entry, file), numbers) == null, file + " lists twice: " + entry);
        }
        return listed;
    }

    /** "Surname (year): title", the first author's surname, the year and the title in lowercase. */
    private static String key(String citation, Path where) {
        Matcher m = CITATION.matcher(citation);
        assertTrue(m.find(), where + ": not 'A. Author, B. Author (year). Title. …': " + citation);
        String[] firstAuthor = m.group(1).split(",")[0].trim().split("\\s+");
        return firstAuthor[firstAuthor.length - 1] + " (" + m.group(2) + "): " + m.group(3).replace("*", "").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<Path> lessons(String lang) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("content", lang))) {
            return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
        }
    }
}
