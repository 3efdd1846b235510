package org.gtt.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.LinkStyle;
import org.gtt.site.Site;
import org.gtt.site.Templates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index the build writes: sections cut at h2/h3, prose only, addresses as the pages link them. */
class SearchIndexTest {
    @TempDir Path content;

    @BeforeEach
    void writeCourse() throws Exception {
        Files.writeString(content.resolve("course.yml"), "en:\n  title: Course\n  description: D\nzh:\n  title: 课程\n  description: 简介\n");
        Files.createDirectories(content.resolve("en"));
        Files.createDirectories(content.resolve("zh"));
        Files.writeString(content.resolve("en/01-cliffs.md"), """
                ---
                title: Cliffs and clipping
                summary: S
                ---
                Opening words about *exploding* gradients.

                ## Gradient clipping

                Rescale the gradient when $L$ is large[^1]; the TeX $\\sum_{t=1}^{T} \\frac{\\partial E_t}{\\partial W}$ is not prose.

                $$
                \\hat g \\leftarrow \\theta \\, g / \\lVert g \\rVert
                $$

                ```widget rnn
                scale: 0.9
                ```

                #### A small heading inside

                Still the clipping section.

                ### By value

                Clip each component.

                [^1]: Pascanu, Mikolov & Bengio (2013).
                """);
        Files.writeString(content.resolve("zh/01-cliffs.md"), "---\ntitle: 悬崖与裁剪\nsummary: S\n---\n\n## 梯度裁剪\n\n遗忘门和梯度裁剪不是一回事。\n");
        Files.writeString(content.resolve("en/02-only-english.md"), "---\ntitle: Only in English\nsummary: S\n---\n\n## Alone\n\nText.\n");
    }

    private static Site site(Path content, LinkStyle style) throws Exception {
        return Site.load(content, Templates.precompiled(), style);
    }

    @Test
    void sectionsAreCutAtTheTableOfContentsHeadings() throws Exception {
        SearchIndex index = SearchIndex.of(site(content, LinkStyle.snapshot("/")).course(), Lang.EN, slug -> slug + "/");
        List<SearchSection> sections = index.sections();
        assertEquals(List.of("", "Gradient clipping", "By value", "Alone"), sections.stream().map(SearchSection::heading).toList());
        assertEquals(List.of("", "gradient-clipping", "by-value", "alone"), sections.stream().map(SearchSection::anchor).toList());
        assertEquals("Opening words about exploding gradients.", sections.get(0).text());
        assertEquals("cliffs/", sections.get(0).href(), "the opening text links to the page itself");
        assertEquals("cliffs/#by-value", sections.get(2).href());
        assertEquals("Cliffs and clipping", sections.get(2).title());
    }

    @Test
    void onlyProseIsIndexed() throws Exception {
        String text = SearchIndex.of(site(content, LinkStyle.snapshot("/")).course(), Lang.EN, slug -> slug).sections().get(1).text();
        assertTrue(text.startsWith("Rescale the gradient when L is large; the TeX is not prose."), text);
        assertTrue(text.contains("A small heading inside Still the clipping section."), "an h4 stays inside its section: " + text);
        assertFalse(text.contains("\\"), "no TeX commands: " + text);
        assertFalse(text.contains("leftarrow"), "no display math: " + text);
        assertFalse(text.contains("0.9") || text.contains("jacobian") || text.contains("{"), "no widget controls or baked data: " + text);
        assertFalse(text.contains("#"), "no heading self-links: " + text);
        assertTrue(SearchIndex.of(site(content, LinkStyle.snapshot("/")).course(), Lang.EN, slug -> slug).sections().get(2).text()
                .contains("Pascanu, Mikolov & Bengio (2013)."), "the footnotes are searchable, without their markers");
    }

    @Test
    void eachLanguageListsEveryLessonAtItsOwnAddressesAndTheSnapshotNamesFiles() throws Exception {
        Site snapshot = site(content, LinkStyle.snapshot("/"));
        JsonNode zh = sections(snapshot.files().get(SearchIndex.path(Lang.ZH)), "zh");
        assertEquals(2, zh.size(), "a lesson with no text before its first heading has no opening section");
        assertEquals("zh/cliffs/index.html", zh.get(0).get("page").asText());
        assertEquals("梯度裁剪", zh.get(0).get("heading").asText());
        assertEquals("遗忘门和梯度裁剪不是一回事。", zh.get(0).get("text").asText());
        assertEquals("zh/only-english/index.html", zh.get(1).get("page").asText(), "an untranslated lesson is found at its Chinese address");
        assertEquals("Only in English", zh.get(1).get("title").asText());

        Site live = site(content, LinkStyle.live("/", Assets.load(Path.of("static"))));
        assertEquals("cliffs/", sections(live.files().get(SearchIndex.path(Lang.EN)), "en").get(0).get("page").asText());
    }

    @Test
    void pagesLinkTheIndexWithItsOwnHashInTheLiveSite() throws Exception {
        Site live = site(content, LinkStyle.live("/", Assets.load(Path.of("static"))));
        String page = live.render(org.gtt.site.SitePath.lesson(Lang.ZH, "cliffs")).orElseThrow();
        String hash = live.files().get("static/search/index-zh.js").hash().substring(0, 10);
        assertTrue(page.contains("data-index=\"../../static/search/index-zh.js?v=" + hash + "\""), page);
        assertTrue(page.contains("data-lunr=\"../../webjars/lunr/2.3.9/lunr.min.js?v="), "lunr from its WebJar");
        assertTrue(page.contains("data-root=\"../../\""));
    }

    /** The script assigns {@code window.GttSearchIndex[lang]}; its right-hand side is JSON. */
    private static JsonNode sections(Assets.Asset script, String lang) throws Exception {
        String js = new String(script.bytes(), StandardCharsets.UTF_8);
        assertEquals("text/javascript; charset=utf-8", script.contentType());
        String assignment = "window.GttSearchIndex[\"" + lang + "\"] = ";
        assertTrue(js.contains("window.GttSearchIndex = window.GttSearchIndex || {};"), js);
        int start = js.indexOf(assignment) + assignment.length();
        return new ObjectMapper().readTree(js.substring(start, js.lastIndexOf(';')));
    }
}
