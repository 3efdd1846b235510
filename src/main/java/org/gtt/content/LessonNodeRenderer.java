package org.gtt.content;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ext.admonition.AdmonitionBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;

import java.util.Locale;
import java.util.Set;

/**
 * HTML for the nodes we own or render differently from flexmark: math (escaped TeX for client-side KaTeX),
 * handler output, headings (ids and a self-link on h2–h4 only) and admonitions (MkDocs-style markup, no SVG
 * sprite; the collapsible {@code ???} form becomes {@code <details>}, which needs no script).
 */
final class LessonNodeRenderer implements NodeRenderer {
    static final int FIRST_ANCHORED_LEVEL = 2;
    static final int LAST_ANCHORED_LEVEL = 4;

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(InlineMath.class, LessonNodeRenderer::renderInlineMath),
                new NodeRenderingHandler<>(DisplayMath.class, LessonNodeRenderer::renderDisplayMath),
                new NodeRenderingHandler<>(RawHtmlBlock.class, (node, context, html) -> html.line().raw(node.html()).line()),
                new NodeRenderingHandler<>(Heading.class, LessonNodeRenderer::renderHeading),
                new NodeRenderingHandler<>(AdmonitionBlock.class, LessonNodeRenderer::renderAdmonition));
    }

    private static void renderInlineMath(InlineMath node, NodeRendererContext context, HtmlWriter html) {
        String classes = node.display() ? "math math-display" : "math math-inline";
        writeMath(html, "span", classes, node.tex());
    }

    private static void renderDisplayMath(DisplayMath node, NodeRendererContext context, HtmlWriter html) {
        html.line();
        writeMath(html, "div", "math math-display", node.tex());
        html.line();
    }

    /** Pre mode keeps the writer from indenting the TeX's continuation lines (e.g. inside list items). */
    private static void writeMath(HtmlWriter html, String tag, String classes, String tex) {
        html.attr("class", classes).withAttr().tag(tag).openPre();
        html.text(tex);
        html.tag("/" + tag).closePre();
    }

    private static void renderHeading(Heading node, NodeRendererContext context, HtmlWriter html) {
        String tag = "h" + node.getLevel();
        boolean anchored = node.getLevel() >= FIRST_ANCHORED_LEVEL && node.getLevel() <= LAST_ANCHORED_LEVEL;
        String id = anchored ? context.getNodeId(node) : null;
        if (id != null) {
            html.attr("id", id);
        }
        html.srcPos(node.getText()).withAttr().tag(tag);
        context.renderChildren(node);
        if (id != null) {
            html.attr("class", "heading-anchor").attr("href", "#" + id).withAttr().tag("a").text("#").tag("/a");
        }
        html.tag("/" + tag).line();
    }

    private static void renderAdmonition(AdmonitionBlock node, NodeRendererContext context, HtmlWriter html) {
        String type = cssName(node.getInfo().toString());
        String marker = node.getOpeningMarker().toString();
        boolean collapsible = marker.startsWith("???");
        String tag = collapsible ? "details" : "div";
        String title = node.getTitle().isNull() ? capitalized(type) : node.getTitle().toString();

        html.attr("class", "admonition " + type);
        if (marker.equals("???+")) {
            html.attr("open", "open");
        }
        html.srcPos(node.getChars()).withAttr().tagLine(tag);
        if (!title.isBlank()) {
            String titleTag = collapsible ? "summary" : "p";
            html.attr("class", "admonition-title").withAttr().tag(titleTag).text(title).tag("/" + titleTag).line();
        }
        context.renderChildren(node);
        html.tag("/" + tag).line();
    }

    /** The admonition type as a class name: "Note" -> "note"; characters a class cannot hold become '-'. */
    private static String cssName(String type) {
        return type.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
    }

    private static String capitalized(String type) {
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
