package org.gtt.glossary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gtt.content.AssetLink;
import org.gtt.content.ContentError;
import org.gtt.content.ContentException;
import org.gtt.content.Course;
import org.gtt.content.CourseLoader;
import org.gtt.content.Lang;
import org.gtt.content.MarkdownRenderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ```glossary block in a real course folder, loaded by the strict loader: the terms in the page's language
 * with links to the introducing lesson's heading, and a bad glossary.yml failing the build at its own line.
 */
class GlossaryHandlerTest {
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer(Map.of(GlossaryHandler.KEYWORD, new GlossaryHandler()));

    @TempDir
    Path content;

    private void write(String path, String text) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private void course(String glossary) throws IOException {
        write("course.yml", "en:\n  title: T\n  description: D\nzh:\n  title: T\n  description: D\n");
        write("en/01-gates.md", "---\ntitle: Gates\nsummary: S\n---\n\n## The forget gate\n\nText.\n");
        write("zh/01-gates.md", "---\ntitle: 门\nsummary: S\n---\n\n## 遗忘门\n\n正文。\n");
        write("en/02-terms.md", "---\ntitle: Terms\nsummary: S\n---\n\n## Glossary\n\n```glossary\n```\n");
        write("zh/02-terms.md", "---\ntitle: 术语\nsummary: S\n---\n\n## 术语表\n\n```glossary\n```\n");
        write(Glossary.FILE, glossary);
    }

    private static final String GLOSSARY = """
            - term: {en: forget gate, zh: 遗忘门}
              definition: {en: Scales the old cell state., zh: 缩放旧细胞状态。}
              lesson: gates
              anchor: {en: the-forget-gate, zh: 遗忘门}
            """;

    @Test
    void theGlossaryIsShownInThePagesLanguageWithLinksToTheLesson() throws Exception {
        course(GLOSSARY);
        Course course = CourseLoader.load(content, RENDERER);
        String zh = resolved(course, Lang.ZH);
        assertTrue(zh.contains("<dt id=\"glossary-forget-gate\"><dfn>遗忘门</dfn> <span class=\"glossary-other\" lang=\"en\">forget gate</span></dt>"), zh);
        assertTrue(zh.contains("<dd><p>缩放旧细胞状态。</p>"), zh);
        assertTrue(zh.contains("<a href=\"../gates/#遗忘门\">1. 门 › 遗忘门</a>"), zh);
        String en = resolved(course, Lang.EN);
        assertTrue(en.contains("<dfn>forget gate</dfn> <span class=\"glossary-other\" lang=\"zh-Hans\">遗忘门</span>"), en);
        assertTrue(en.contains("<a href=\"../gates/#the-forget-gate\">1. Gates › The forget gate</a>"), en);
    }

    /** The lesson's HTML as a page one folder deep would write it (served, so folder links). */
    private static String resolved(Course course, Lang lang) {
        String html = course.lesson(lang, "terms").orElseThrow().html();
        return AssetLink.resolve(html, path -> "../" + path, (target, slug) -> "../" + slug + "/");
    }

    @Test
    void aBadGlossaryFailsTheBuildAtItsOwnLine() throws Exception {
        course(GLOSSARY.replace("lesson: gates", "lesson: gate"));
        ContentException e = assertThrows(ContentException.class, () -> CourseLoader.load(content, RENDERER));
        ContentError error = e.errors().get(0);
        assertEquals(content.resolve(Glossary.FILE).toAbsolutePath(), error.file().toAbsolutePath());
        assertEquals(3, error.line());
        assertTrue(error.message().startsWith("unknown lesson 'gate'"), error.message());
    }

    @Test
    void aGlossaryBlockTakesNoText() throws Exception {
        course(GLOSSARY);
        write("en/02-terms.md", "---\ntitle: Terms\nsummary: S\n---\n\n```glossary\nforget gate\n```\n");
        ContentException e = assertThrows(ContentException.class, () -> CourseLoader.load(content, RENDERER));
        assertEquals(6, e.errors().get(0).line());
        assertTrue(e.errors().get(0).file().endsWith("en/02-terms.md"));
    }
}
