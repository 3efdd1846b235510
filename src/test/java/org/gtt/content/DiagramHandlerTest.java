package org.gtt.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiagramHandlerTest {
    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 444\"><title>t</title></svg>";
    @TempDir Path folder;

    private DiagramHandler handler() throws Exception {
        Files.writeString(folder.resolve("cell.svg"), SVG);
        Files.writeString(folder.resolve("other.svg"), SVG);
        return new DiagramHandler(folder);
    }

    private static BlockContext at(int line) {
        return new BlockContext(Lang.EN, Path.of("content/en/01-x.md"), line);
    }

    @Test
    void aDiagramBecomesAFigureWithItsAltTextCaptionAndSize() throws Exception {
        String html = handler().render("cell", "alt: An <LSTM> cell & its paths\ncaption: The cell state path\n", at(3));
        String src = AssetLink.placeholder("static/diagrams/cell.svg");
        assertEquals("<figure class=\"diagram diagram-cell\"><img src=\"" + src + "\" alt=\"An &lt;LSTM&gt; cell &amp; its paths\""
                + " width=\"760\" height=\"444\" loading=\"lazy\" decoding=\"async\">"
                + "<figcaption>The cell state path</figcaption></figure>", html);
    }

    @Test
    void theCaptionIsOptionalAndAValueMayGoOnOverIndentedLines() throws Exception {
        String html = handler().render("cell", "alt: One paragraph\n  that goes on\n\tand on.", at(3));
        assertTrue(html.contains("alt=\"One paragraph that goes on and on.\""), html);
        assertTrue(!html.contains("figcaption"), html);
    }

    @Test
    void badBlocksSayWhatToFix() throws Exception {
        DiagramHandler handler = handler();
        assertMessage(handler, "unknown diagram 'lstm': the diagrams are cell, other", "lstm", "alt: x");
        assertMessage(handler, "unknown diagram '../cell': the diagrams are cell, other", "../cell", "alt: x");
        assertMessage(handler, "unknown diagram '': the diagrams are cell, other", "", "alt: x");
        assertMessage(handler, "diagram 'cell' needs 'alt: …', a text alternative in the lesson's language", "cell", "caption: c");
        assertMessage(handler, "diagram 'cell' needs 'alt: …', a text alternative in the lesson's language", "cell", "alt:   ");
        assertMessage(handler, "unknown key 'title' in a diagram block: allowed keys are alt, caption", "cell", "alt: a\ntitle: t");
        assertMessage(handler, "'alt' is given twice in this diagram block", "cell", "alt: a\nalt: b");
        assertMessage(handler, "diagram line 'just text' is not 'key: value'", "cell", "just text");
    }

    @Test
    void aDiagramWithoutAViewBoxIsRefused() throws Exception {
        Files.writeString(folder.resolve("flat.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"></svg>");
        assertMessage(new DiagramHandler(folder), "diagram 'flat' has no viewBox=\"0 0 width height\" on its <svg>", "flat", "alt: a");
    }

    @Test
    void aBadDiagramFailsTheBuildWithFileAndLine(@TempDir Path content) throws Exception {
        handler();
        Files.writeString(content.resolve("course.yml"), Files.readString(Path.of("content/course.yml")));
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("en/01-test.md"), "---\ntitle: T\nsummary: S\n---\n\nText.\n\n```diagram cell\nalt: fine\n```\n\n"
                + "```diagram cel\nalt: a typo\n```\n\n```diagram other\ncaption: no alt\n```\n");
        MarkdownRenderer renderer = new MarkdownRenderer(Map.of(DiagramHandler.KEYWORD, new DiagramHandler(folder)));
        ContentException error = assertThrows(ContentException.class, () -> CourseLoader.load(content, renderer));
        assertEquals(2, error.errors().size(), error.errors().toString());
        ContentError typo = error.errors().get(0);
        assertEquals(content.resolve("en/01-test.md") + ":12: unknown diagram 'cel': the diagrams are cell, other", typo.toString());
        assertEquals(16, error.errors().get(1).line());
        assertTrue(error.errors().get(1).message().contains("needs 'alt: …'"));
    }

    @Test
    void placeholdersResolveToTheAddressThePageGives() {
        String html = "<p>a</p><img src=\"" + AssetLink.placeholder("static/diagrams/a.svg") + "\"><img src=\""
                + AssetLink.placeholder("static/diagrams/b.svg") + "\">";
        assertEquals("<p>a</p><img src=\"../static/diagrams/a.svg?v=1\"><img src=\"../static/diagrams/b.svg?v=1\">",
                AssetLink.resolve(html, path -> "../" + path + "?v=1"));
        assertEquals("<p>$1 \\ no placeholder</p>", AssetLink.resolve("<p>$1 \\ no placeholder</p>", path -> "x"));
    }

    private static void assertMessage(DiagramHandler handler, String message, String name, String body) {
        BlockException error = assertThrows(BlockException.class, () -> handler.render(name, body, at(1)));
        assertEquals(message, error.getMessage());
    }
}
