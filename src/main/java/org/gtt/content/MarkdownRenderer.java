package org.gtt.content;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.admonition.AdmonitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import com.vladsch.flexmark.util.sequence.Escaping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Markdown to HTML for lessons: GFM tables, fenced code ({@code class="language-x"}), footnotes, strikethrough,
 * admonitions, raw HTML, heading ids with self-links on h2–h4, and math: {@code $…$} becomes
 * {@code <span class="math math-inline">}, {@code $$…$$} becomes {@code <div class="math math-display">}
 * ({@code <span class="math math-display">} inside a paragraph), both holding the HTML-escaped TeX for KaTeX.
 * Fenced blocks whose info string starts with a registered keyword are replaced by their handler's HTML, and
 * links written {@code lesson:SLUG#ANCHOR} point at another lesson ({@link LessonLinks}).
 *
 * <p>Built once and shared: flexmark's parser and renderer are thread-safe, and so must the handlers be.
 */
public final class MarkdownRenderer {
    private static final int LAST_TOC_LEVEL = 3;

    private final Parser parser;
    private final HtmlRenderer renderer;
    private final Map<String, FencedBlockHandler> handlers;
    private final boolean linksLessons;

    /** The result of rendering one Markdown text: errors are empty for good content. */
    public record Rendered(String html, List<TocEntry> toc, List<ContentError> errors) {
    }

    public MarkdownRenderer() {
        this(Map.of());
    }

    /** @param handlers fenced-block keyword (like "widget") to the handler that renders such blocks */
    public MarkdownRenderer(Map<String, FencedBlockHandler> handlers) {
        this(handlers, true);
    }

    /** @param linksLessons whether {@code lesson:} links are resolved (not when only the headings are wanted: {@link LessonOutline}) */
    MarkdownRenderer(Map<String, FencedBlockHandler> handlers, boolean linksLessons) {
        this.handlers = Map.copyOf(handlers);
        this.linksLessons = linksLessons;
        MutableDataSet options = new MutableDataSet()
                // GitHub's table rules
                .set(TablesExtension.COLUMN_SPANS, false)
                .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
                .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
                .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, false);
        List<Extension> shared = List.of(TablesExtension.create(), StrikethroughExtension.create(),
                FootnoteExtension.create(), new LessonExtension());
        List<Extension> parserExtensions = new ArrayList<>(shared);
        // Only the admonition parser: its HTML (an SVG sprite plus icons) is replaced by LessonNodeRenderer's.
        parserExtensions.add(AdmonitionExtension.create());
        this.parser = Parser.builder(options).extensions(parserExtensions).build();
        this.renderer = HtmlRenderer.builder(options).extensions(shared).build();
    }

    /**
     * @param lang      the lesson's language, passed on to the fenced-block handlers
     * @param file      the lesson file, for error locations
     * @param firstLine the line of {@code file} on which {@code markdown} starts (after the front matter)
     */
    public Rendered render(String markdown, Lang lang, Path file, int firstLine) {
        Document document = parser.parse(markdown);
        List<ContentError> errors = new ArrayList<>();
        replaceHandledBlocks(document, lang, file, firstLine, errors);
        if (linksLessons) LessonLinks.resolve(document, lang, file, firstLine, errors);
        reportUnclosedMath(document, file, firstLine, errors);
        String html = renderer.render(document);
        if (linksLessons) html = LessonLinks.placeholders(html, lang);
        return new Rendered(html, tableOfContents(document), errors);
    }

    private void replaceHandledBlocks(Document document, Lang lang, Path file, int firstLine, List<ContentError> errors) {
        for (FencedCodeBlock block : descendants(document, FencedCodeBlock.class)) {
            String[] info = block.getInfo().toString().strip().split("\\s+", 2);
            FencedBlockHandler handler = handlers.get(info[0]);
            if (handler == null) {
                continue;
            }
            int line = firstLine + block.getStartLineNumber();
            String argument = info.length > 1 ? info[1].strip() : "";
            String html;
            try {
                html = handler.render(argument, block.getContentChars().toString(), new BlockContext(lang, file, line));
            } catch (BlockException e) {
                List<ContentError> found = e.located().isEmpty() ? List.of(new ContentError(file, line, e.getMessage())) : e.located();
                errors.addAll(found);
                html = errorBox(found.get(0));
            } catch (RuntimeException e) {
                ContentError error = new ContentError(file, line, "the '" + info[0] + "' block handler failed: " + e);
                errors.add(error);
                html = errorBox(error);
            }
            block.insertBefore(new RawHtmlBlock(block.getChars(), html));
            block.unlink();
        }
    }

    private static void reportUnclosedMath(Document document, Path file, int firstLine, List<ContentError> errors) {
        for (DisplayMath math : descendants(document, DisplayMath.class)) {
            if (!math.closed()) {
                errors.add(new ContentError(file, firstLine + math.getStartLineNumber(),
                        "display math opened with '$$' is never closed by a line ending in '$$'"));
            }
        }
    }

    /** Shown in place of a block that failed, so a lenient (dev) render points at the problem. */
    static String errorBox(ContentError error) {
        return "<div class=\"content-error\" role=\"alert\">" + Escaping.escapeHtml(error.toString(), false) + "</div>";
    }

    /** h2 and h3 with their ids, which the renderer assigned while rendering. */
    private static List<TocEntry> tableOfContents(Document document) {
        List<TocEntry> toc = new ArrayList<>();
        for (Heading heading : descendants(document, Heading.class)) {
            int level = heading.getLevel();
            String id = heading.getAnchorRefId();
            if (level >= LessonNodeRenderer.FIRST_ANCHORED_LEVEL && level <= LAST_TOC_LEVEL && id != null && !id.isEmpty()) {
                toc.add(new TocEntry(level, id, heading.getAnchorRefText().strip()));
            }
        }
        return toc;
    }

    static <T extends Node> List<T> descendants(Document document, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Node node : document.getDescendants()) {
            if (type.isInstance(node)) {
                found.add(type.cast(node));
            }
        }
        return found;
    }
}
