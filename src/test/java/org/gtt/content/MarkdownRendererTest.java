package org.gtt.content;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownRendererTest {
    private static final Path FILE = Path.of("content/en/01-test.md");
    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static String html(String markdown) {
        MarkdownRenderer.Rendered rendered = RENDERER.render(markdown, Lang.EN, FILE, 1);
        assertEquals(List.of(), rendered.errors(), "unexpected errors for:\n" + markdown);
        return rendered.html();
    }

    @Nested
    class MarkdownFeatures {
        @Test
        void gfmTable() {
            String html = html("| a | b |\n|:--|--:|\n| 1 | 2 |\n");
            assertTrue(html.contains("<table>"), html);
            assertTrue(html.contains("<th style=\"text-align: left\">a</th>") || html.contains("<th align=\"left\">a</th>"), html);
            assertTrue(html.contains("<td style=\"text-align: right\">2</td>") || html.contains("<td align=\"right\">2</td>"), html);
        }

        @Test
        void fencedCodeHasLanguageClassAndEscapedText() {
            String html = html("```python\nif a < b:\n    pass\n```\n");
            assertTrue(html.contains("<pre><code class=\"language-python\">if a &lt; b:\n    pass\n</code></pre>"), html);
        }

        @Test
        void footnotes() {
            String html = html("A claim[^bengio].\n\n[^bengio]: Bengio, Simard and Frasconi, 1994.\n");
            assertTrue(html.contains("href=\"#fn-1\""), html);
            assertTrue(html.contains("<li id=\"fn-1\">"), html);
            assertTrue(html.contains("Bengio, Simard and Frasconi, 1994."), html);
        }

        @Test
        void strikethrough() {
            assertTrue(html("~~wrong~~ right").contains("<del>wrong</del> right"));
        }

        @Test
        void rawHtmlPassesThrough() {
            String html = html("<figure class=\"chart\"><figcaption>Chart</figcaption></figure>\n\nText <kbd>Ctrl</kbd>.\n");
            assertTrue(html.contains("<figure class=\"chart\"><figcaption>Chart</figcaption></figure>"), html);
            assertTrue(html.contains("<kbd>Ctrl</kbd>"), html);
        }

        @Test
        void admonitionWithTitle() {
            String html = html("!!! warning \"Common misconception\"\n    Eigenvalues alone do **not** decide it.\n");
            assertTrue(html.contains("<div class=\"admonition warning\">"), html);
            assertTrue(html.contains("<p class=\"admonition-title\">Common misconception</p>"), html);
            assertTrue(html.contains("<p>Eigenvalues alone do <strong>not</strong> decide it.</p>"), html);
            assertFalse(html.contains("<svg"), "no icon sprite: " + html);
        }

        @Test
        void admonitionWithoutTitleUsesTheType() {
            assertTrue(html("!!! tip\n    Try this.\n").contains("<p class=\"admonition-title\">Tip</p>"));
        }

        @Test
        void collapsibleAdmonitionIsDetails() {
            String html = html("??? note \"Answer\"\n    Hidden.\n\n???+ note \"Open\"\n    Shown.\n");
            assertTrue(html.contains("<details class=\"admonition note\">"), html);
            assertTrue(html.contains("<summary class=\"admonition-title\">Answer</summary>"), html);
            assertTrue(html.contains("<details class=\"admonition note\" open=\"open\">"), html);
        }

        @Test
        void headingIdsOnH2ToH4WithSelfLinks() {
            String html = html("# One\n\n## Two words\n\n### Three\n\n#### Four\n\n##### Five\n");
            assertTrue(html.contains("<h1>One</h1>"), html);
            assertTrue(html.contains("<h2 id=\"two-words\">Two words<a class=\"heading-anchor\" href=\"#two-words\">#</a></h2>"), html);
            assertTrue(html.contains("<h3 id=\"three\">"), html);
            assertTrue(html.contains("<h4 id=\"four\">"), html);
            assertTrue(html.contains("<h5>Five</h5>"), html);
        }

        @Test
        void repeatedHeadingsGetDistinctIds() {
            String html = html("## Example\n\n## Example\n\n### Example\n");
            List<String> ids = ids(html);
            assertEquals(List.of("example", "example-1", "example-2"), ids);
        }

        @Test
        void chineseHeadingKeepsItsCharactersInTheId() {
            String html = html("## 为什么是乘积\n");
            assertTrue(html.contains("<h2 id=\"为什么是乘积\">"), html);
        }

        @Test
        void tableOfContentsHoldsH2AndH3InOrder() {
            MarkdownRenderer.Rendered rendered = RENDERER.render(
                    "# Top\n\n## First\n\ntext\n\n### Detail with $x_t$\n\n#### Deep\n\n## First\n", Lang.EN, FILE, 1);
            assertEquals(List.of(
                    new TocEntry(2, "first", "First"),
                    new TocEntry(3, "detail-with-x-t", "Detail with $x_t$"),
                    new TocEntry(2, "first-1", "First")), rendered.toc());
        }

        private List<String> ids(String html) {
            List<String> ids = new ArrayList<>();
            Matcher matcher = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
            while (matcher.find()) {
                ids.add(matcher.group(1));
            }
            return ids;
        }
    }

    @Nested
    class Math {
        @Test
        void asteriskAndUnderscoresInInlineMath() {
            String html = html("Here $a_t * b_t$ is a product.");
            assertEquals(List.of(new Html.Math("math-inline", "a_t * b_t")), Html.math(html));
            assertFalse(html.contains("<em>"), html);
        }

        @Test
        void twoFormulasWithBracesAndUnderscoresOnOneLine() {
            String html = html("Both $x_{t-1}$ and $y_{t-1}$ matter.");
            assertEquals(List.of("x_{t-1}", "y_{t-1}"), Html.tex(html));
            assertFalse(html.contains("<em>"), html);
        }

        @Test
        void displayProductOnOneLine() {
            String tex = "\\prod_{t=2}^{k} \\frac{\\partial c_t}{\\partial c_{t-1}}";
            String html = html("$$" + tex + "$$\n");
            assertEquals(List.of(new Html.Math("math-display", tex)), Html.math(html));
            assertTrue(html.startsWith("<div class=\"math math-display\">"), html);
        }

        @Test
        void alignedBlockKeepsDoubleBackslashesAndAmpersands() {
            String tex = "\\begin{aligned}\n"
                    + "h_t &= \\tanh(W_{hh} h_{t-1} + W_{xh} x_t) \\\\\n"
                    + "\\frac{\\partial h_t}{\\partial h_{t-1}} &= \\operatorname{diag}(1 - h_t^2)\\, W_{hh} \\\\\n"
                    + "a &< b\n"
                    + "\\end{aligned}";
            String html = html("Before.\n\n$$\n" + tex + "\n$$\n\nAfter.\n");
            assertEquals(List.of(new Html.Math("math-display", tex)), Html.math(html));
        }

        @Test
        void alignedBlockOpeningOnTheFenceLine() {
            String tex = "\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}";
            String html = html("$$" + tex + "$$\n");
            assertEquals(List.of(tex), Html.tex(html));
        }

        @Test
        void displayBlockMayInterruptAParagraph() {
            String html = html("The product is\n$$\n\\prod_t a_t\n$$\nwhich shrinks.\n");
            assertEquals(List.of(new Html.Math("math-display", "\\prod_t a_t")), Html.math(html));
            assertTrue(html.contains("<p>The product is</p>"), html);
            assertTrue(html.contains("<p>which shrinks.</p>"), html);
        }

        @Test
        void displayMathInsideAParagraphIsASpan() {
            String html = html("So $$\\sum_i x_i$$ holds.");
            assertTrue(html.contains("<p>So <span class=\"math math-display\">\\sum_i x_i</span> holds.</p>"), html);
        }

        @Test
        void escapedBracesStayEscaped() {
            assertEquals(List.of("\\{x\\}"), Html.tex(html("The set $\\{x\\}$ has one element.")));
        }

        @Test
        void dollarAmountsInProseAreText() {
            String html = html("It costs $5 and $6.");
            assertEquals(List.of(), Html.math(html));
            assertTrue(html.contains("<p>It costs $5 and $6.</p>"), html);
        }

        @Test
        void closingDollarFollowedByDigitDoesNotClose() {
            String html = html("Between $3 and 4$5 there is no math.");
            assertEquals(List.of(), Html.math(html));
        }

        @Test
        void escapedDollarIsALiteralDollar() {
            String html = html("Write \\$x\\$ to get dollars, and $y$ for math.");
            assertEquals(List.of("y"), Html.tex(html));
            assertTrue(html.contains("Write $x$ to get dollars"), html);
        }

        @Test
        void escapedDollarInsideMathBelongsToTheFormula() {
            assertEquals(List.of("\\$5 + x"), Html.tex(html("Price $\\$5 + x$ total.")));
        }

        @Test
        void mathInInlineCodeIsCode() {
            String html = html("Type `$x_{t-1}$` literally.");
            assertEquals(List.of(), Html.math(html));
            assertTrue(html.contains("<code>$x_{t-1}$</code>"), html);
        }

        @Test
        void dollarBeforeInlineCodeDoesNotSwallowIt() {
            String html = html("It costs $5, see `$x$`.");
            assertEquals(List.of(), Html.math(html));
            assertTrue(html.contains("<code>$x$</code>"), html);
        }

        @Test
        void mathInFencedAndIndentedCodeIsCode() {
            String html = html("```latex\n$$\\frac{a_1}{b_1}$$ and $x_t$\n```\n\n    $y_t$ indented\n");
            assertEquals(List.of(), Html.math(html));
            assertTrue(html.contains("$$\\frac{a_1}{b_1}$$ and $x_t$"), html);
            assertTrue(html.contains("$y_t$ indented"), html);
        }

        @Test
        void mathInATableCell() {
            String html = html("| factor | bound |\n|---|---|\n| $\\sigma'(a_t)$ | $\\le \\frac{1}{4}$ |\n");
            assertEquals(List.of("\\sigma'(a_t)", "\\le \\frac{1}{4}"), Html.tex(html));
            assertTrue(html.contains("<td><span class=\"math math-inline\">"), html);
        }

        @Test
        void mathInListItems() {
            String tex = "\\begin{aligned}\na &= b \\\\\nc &= d\n\\end{aligned}";
            String html = html("- first $a_t * b_t$\n- second\n\n  $$\n  " + tex.replace("\n", "\n  ") + "\n  $$\n");
            assertEquals(List.of(new Html.Math("math-inline", "a_t * b_t"), new Html.Math("math-display", tex)),
                    Html.math(html));
        }

        @Test
        void mathInsideAnAdmonition() {
            String html = html("!!! warning \"Careful\"\n    The bound $\\sigma_{max}(W_{hh}) < 1/\\gamma$ is sufficient.\n\n"
                    + "    $$\n    \\|x\\|_2 \\le 1\n    $$\n");
            assertTrue(html.contains("<div class=\"admonition warning\">"), html);
            assertEquals(List.of("\\sigma_{max}(W_{hh}) < 1/\\gamma", "\\|x\\|_2 \\le 1"), Html.tex(html));
        }

        @Test
        void mathInsideEmphasisAndLinks() {
            String html = html("*with $a*b$ inside* and [see $x_1$](#ref)");
            assertEquals(List.of("a*b", "x_1"), Html.tex(html));
            assertTrue(html.contains("<em>with "), html);
            assertTrue(html.contains("<a href=\"#ref\">see <span"), html);
        }

        @Test
        void htmlSpecialCharactersAreEscapedNotLost() {
            String html = html("$a<b>c & d$");
            assertTrue(html.contains("a&lt;b&gt;c &amp; d"), html);
            assertEquals(List.of("a<b>c & d"), Html.tex(html));
        }

        @Test
        void unclosedDisplayMathIsAnErrorAtItsLine() {
            MarkdownRenderer.Rendered rendered = RENDERER.render("Text.\n\n$$\nx^2\n", Lang.EN, FILE, 10);
            assertEquals(List.of(new ContentError(FILE, 12,
                    "display math opened with '$$' is never closed by a line ending in '$$'")), rendered.errors());
        }

        @Test
        void lonelyDoubleDollarIsText() {
            String html = html("A $$ sign pair and $x$.");
            assertEquals(List.of("x"), Html.tex(html));
            assertTrue(html.contains("A $$ sign pair"), html);
        }
    }

    @Nested
    class FencedBlockHandlers {
        private final MarkdownRenderer withWidgets = new MarkdownRenderer(Map.of("widget", (argument, body, context) -> {
            if (argument.equals("unknown")) {
                throw new BlockException("unknown widget 'unknown' (known: rnn)");
            }
            return "<div class=\"widget\" data-kind=\"" + argument + "\" data-lang=\"" + context.lang().code()
                    + "\" data-line=\"" + context.line() + "\">" + body.strip() + "</div>";
        }));

        @Test
        void handlerOutputReplacesTheBlock() {
            MarkdownRenderer.Rendered rendered = withWidgets.render("Intro.\n\n```widget rnn\nsteps: 20\n```\n", Lang.EN, FILE, 5);
            assertEquals(List.of(), rendered.errors());
            assertTrue(rendered.html().contains("<div class=\"widget\" data-kind=\"rnn\" data-lang=\"en\" data-line=\"7\">steps: 20</div>"),
                    rendered.html());
            assertFalse(rendered.html().contains("<pre>"), rendered.html());
        }

        @Test
        void handlerIsToldTheLessonsLanguageAndFile() {
            Path chinese = Path.of("content/zh/01-test.md");
            MarkdownRenderer seesContext = new MarkdownRenderer(Map.of("widget",
                    (argument, body, context) -> "<p>" + context.lang().code() + " " + context.file() + ":" + context.line() + "</p>"));
            String html = seesContext.render("Intro.\n\n```widget rnn\n```\n", Lang.ZH, chinese, 3).html();
            assertTrue(html.contains("<p>zh " + chinese + ":5</p>"), html);
        }

        @Test
        void handlerErrorNamesFileAndAbsoluteLine() {
            MarkdownRenderer.Rendered rendered = withWidgets.render("Intro.\n\n- item\n\n  ```widget unknown\n  ```\n", Lang.EN, FILE, 5);
            ContentError expected = new ContentError(FILE, 9, "unknown widget 'unknown' (known: rnn)");
            assertEquals(List.of(expected), rendered.errors());
            assertEquals("content/en/01-test.md:9: unknown widget 'unknown' (known: rnn)", expected.toString());
            assertTrue(rendered.html().contains("class=\"content-error\""), rendered.html());
        }

        @Test
        void blocksWithoutAHandlerStayCode() {
            String html = withWidgets.render("```chart loss\ndata\n```\n", Lang.EN, FILE, 1).html();
            assertTrue(html.contains("<pre><code class=\"language-chart\">data\n</code></pre>"), html);
            String plain = RENDERER.render("```widget rnn\nx\n```\n", Lang.EN, FILE, 1).html();
            assertTrue(plain.contains("<code class=\"language-widget\">"), plain);
        }
    }

    @Test
    void sharedRendererGivesTheSameResultFromManyThreads() throws Exception {
        String markdown = "## A\n\n$x_{t-1}$ and $$\\prod_t a_t$$\n\n| a |\n|---|\n| $b$ |\n\n## A\n\n!!! note\n    $c_t$\n";
        String expected = RENDERER.render(markdown, Lang.EN, FILE, 1).html();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> RENDERER.render(markdown, Lang.EN, FILE, 1).html()));
            }
            Set<String> distinct = new HashSet<>();
            for (Future<String> result : results) {
                distinct.add(result.get());
            }
            assertEquals(Set.of(expected), distinct);
        } finally {
            pool.shutdown();
        }
    }
}
