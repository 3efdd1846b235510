package org.gtt.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** [text](lesson:SLUG#ANCHOR) links in a real course folder: resolved per page, or a build error at the link's line. */
class LessonLinksTest {
    @TempDir Path content;

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void course(String link) throws IOException {
        write("course.yml", "en:\n  title: T\n  description: D\nzh:\n  title: T\n  description: D\n");
        write("en/01-gates.md", "---\ntitle: Gates\nsummary: S\n---\n\n## The forget gate\n\nText.\n");
        write("zh/01-gates.md", "---\ntitle: 门\nsummary: S\n---\n\n## 遗忘门\n\n正文。\n");
        write("en/02-practice.md", "---\ntitle: Practice\nsummary: S\n---\n\nIntro.\n\nSee " + link + ".\n");
        write("zh/02-practice.md", "---\ntitle: 实战\nsummary: S\n---\n\n见[第 1 课](lesson:gates#遗忘门)。\n");
    }

    @Test
    void aLinkToAnotherLessonsHeadingIsWrittenForThePage() throws Exception {
        course("[lesson 1](lesson:gates#the-forget-gate)");
        Course course = CourseLoader.load(content);
        String en = AssetLink.resolve(course.lesson(Lang.EN, "practice").orElseThrow().html(), p -> p,
                (lang, slug) -> "../" + (lang == Lang.ZH ? "zh/" : "") + slug + "/index.html");
        assertTrue(en.contains("<a href=\"../gates/index.html#the-forget-gate\">lesson 1</a>"), en);
        String zh = AssetLink.resolve(course.lesson(Lang.ZH, "practice").orElseThrow().html(), p -> p,
                (lang, slug) -> "../" + (lang == Lang.ZH ? "zh/" : "") + slug + "/");
        assertTrue(zh.contains("<a href=\"../zh/gates/#遗忘门\">第 1 课</a>"), zh);
    }

    @Test
    void anUnknownLessonIsAnErrorAtTheLinksLine() throws Exception {
        course("[lesson 1](lesson:gate#the-forget-gate)");
        ContentException e = assertThrows(ContentException.class, () -> CourseLoader.load(content));
        ContentError error = e.errors().get(0);
        assertTrue(error.file().endsWith("en/02-practice.md"), error.toString());
        assertEquals(8, error.line());
        assertEquals("the link 'lesson:gate' names no lesson (the lessons are gates, practice)", error.message());
    }

    @Test
    void anUnknownHeadingIsAnErrorAtTheLinksLine() throws Exception {
        course("[lesson 1](lesson:gates#forget-gate)");
        ContentException e = assertThrows(ContentException.class, () -> CourseLoader.load(content));
        assertEquals(8, e.errors().get(0).line());
        assertEquals("lesson 'gates' has no heading with the id 'forget-gate' (its headings: the-forget-gate)", e.errors().get(0).message());
    }
}
