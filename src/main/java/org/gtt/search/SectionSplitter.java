package org.gtt.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * Cuts a lesson's rendered HTML into sections at its h2 and h3 headings (the ones with an id, which the
 * table of contents lists), keeping the text a reader sees as prose: not the TeX of formulas, not the
 * widgets' controls and baked data, not the heading self-links or footnote markers.
 */
final class SectionSplitter {
    /** What is not prose: widgets (controls and baked data), scripts, link markers, display formulas. */
    private static final String NOT_PROSE = "script, style, template, .math-display, .widget, .heading-anchor, "
            + "a.footnote-ref, a.footnote-backref, .content-error";
    /** A short inline formula ("L", "h_0", "0.9^{100}") stays as its TeX so the sentence around it still reads; longer TeX is noise. */
    static final int LONGEST_KEPT_FORMULA = 16;
    private static final Set<String> SECTION_HEADINGS = Set.of("h2", "h3");
    /** Elements whose edges separate words (so "a</p><p>b" does not read as "ab"). */
    private static final Set<String> INLINE = Set.of("a", "abbr", "b", "cite", "code", "em", "i", "kbd", "mark",
            "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "del", "ins");

    private SectionSplitter() {}

    /** A part of the lesson: its heading (empty before the first one), the heading's id, and its text. */
    record Part(String heading, String anchor, String text) {}

    static List<Part> split(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(NOT_PROSE).remove();
        for (Element math : body.select(".math-inline")) {
            String tex = math.text().strip();
            if (tex.length() <= LONGEST_KEPT_FORMULA && !tex.contains("\\")) math.replaceWith(new TextNode(tex));
            else math.remove();
        }
        Collector collector = new Collector();
        body.traverse(collector);
        collector.finish();
        return collector.parts;
    }

    private static final class Collector implements NodeVisitor {
        final List<Part> parts = new ArrayList<>();
        private String heading = "";
        private String anchor = "";
        private StringBuilder text = new StringBuilder();
        private Element openHeading;

        @Override
        public void head(Node node, int depth) {
            if (openHeading != null) return; // the heading's own words were taken whole
            if (node instanceof Element element) {
                if (SECTION_HEADINGS.contains(element.normalName()) && !element.id().isEmpty()) {
                    finish();
                    heading = element.text().strip();
                    anchor = element.id();
                    openHeading = element;
                } else if (!INLINE.contains(element.normalName())) {
                    text.append(' ');
                }
            } else if (node instanceof TextNode textNode) {
                text.append(textNode.getWholeText());
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node == openHeading) {
                openHeading = null;
            } else if (node instanceof Element element && !INLINE.contains(element.normalName())) {
                text.append(' ');
            }
        }

        void finish() {
            String words = text.toString().replaceAll("\\s+", " ").strip();
            if (!words.isEmpty() || !heading.isEmpty()) parts.add(new Part(heading, anchor, words));
            text = new StringBuilder();
        }
    }
}
