package org.gtt.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * A lesson's number, title and headings (with the ids its page gives them), read straight from its file in one
 * language: for blocks in one lesson that refer to the headings of others (the glossary), while the course is
 * still being rendered. The headings come from the same renderer the course uses, without the fenced-block
 * handlers, which do not change heading ids.
 */
public record LessonOutline(int order, String slug, String title, List<TocEntry> headings) {

    private static final class Plain {
        static final MarkdownRenderer RENDERER = new MarkdownRenderer(Map.of(), false);
    }

    /** The lessons of {@code lang} in {@code contentDir}, by slug; unreadable lessons are left out (the loader reports them). */
    public static Map<String, LessonOutline> of(Path contentDir, Lang lang) {
        Map<String, LessonOutline> outlines = new LinkedHashMap<>();
        Path folder = contentDir.resolve(lang.code());
        if (!Files.isDirectory(folder)) return outlines;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) read(file, lang).ifPresent(outline -> outlines.put(outline.slug(), outline));
        } catch (IOException e) {
            return outlines;
        }
        return outlines;
    }

    private static Optional<LessonOutline> read(Path file, Lang lang) throws IOException {
        String name = String.valueOf(file.getFileName()).replaceAll("/$", "");
        Matcher matcher = CourseLoader.LESSON_FILE.matcher(name);
        if (!matcher.matches() || !Files.isRegularFile(file)) return Optional.empty();
        FrontMatter.Result parsed = FrontMatter.parse(file, Files.readString(file, StandardCharsets.UTF_8));
        if (parsed.frontMatter() == null) return Optional.empty();
        FrontMatter front = parsed.frontMatter();
        List<TocEntry> headings = Plain.RENDERER.render(front.body(), lang, file, front.bodyFirstLine()).toc();
        return Optional.of(new LessonOutline(Integer.parseInt(matcher.group(1)), matcher.group(2), front.title(), headings));
    }

    /** The heading with this id, if the lesson has one. */
    public Optional<TocEntry> heading(String id) {
        return headings.stream().filter(entry -> entry.id().equals(id)).findFirst();
    }
}
