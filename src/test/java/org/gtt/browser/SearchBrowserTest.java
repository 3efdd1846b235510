package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.LoadState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gtt.cli.Main;
import org.gtt.content.Course;
import org.gtt.content.CourseLoader;
import org.gtt.web.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search on the course's own lessons, typed with the keyboard in a real Chromium: in {@code serve} and
 * in a built snapshot opened from file://, in English (stemmed words) and in Chinese (character bigrams).
 */
class SearchBrowserTest {
    @TempDir static Path temp;
    private static Chromium chromium;
    private static RunningSite site;
    private static Path snapshot;
    private static Course course;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        site = RunningSite.start();
        snapshot = temp.resolve("snapshot");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertEquals(0, Main.run(new String[] {"build", "--out", snapshot.toString()}, quiet, quiet));
        course = CourseLoader.load(Path.of("content"));
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    private String served(String path) {
        return site.url(path);
    }

    private static String fromDisk(String path) {
        return snapshot.resolve(path + "index.html").toUri().toString();
    }

    private String firstLesson(String langPrefix) {
        return langPrefix + course.slugs().get(0) + "/";
    }

    @Test
    void findsAnEnglishTermInServeAndOpensItsSectionWithTheKeyboard() {
        searchAndOpen(served(firstLesson("")), "clipping", "clipping");
    }

    @Test
    void findsAChineseTermInServe() {
        searchAndOpen(served(firstLesson("zh/")), "遗忘门", "遗忘门");
    }

    @Test
    void findsBothTermsInTheSnapshotOpenedFromFileUrls() {
        String opened = searchAndOpen(fromDisk(firstLesson("")), "clipping", "clipping");
        assertTrue(opened.startsWith("file:"), opened);
        assertTrue(opened.matches(".*/index\\.html(#.*)?"), "a snapshot link names the file: " + opened);
        searchAndOpen(fromDisk(""), "clipping", "clipping");
        String zh = searchAndOpen(fromDisk(firstLesson("zh/")), "遗忘门", "遗忘门");
        assertTrue(zh.contains("/zh/"), zh);
    }

    @Test
    void englishWordsAreStemmedAndTheLastWordMatchesWhileItIsTyped() {
        Page page = chromium.newPage();
        page.navigate(served(""));
        assertTrue(resultsFor(page, "clipped").count() > 0, "clipped finds clipping (the same stem)");
        assertTrue(resultsFor(page, "gradient clipp").count() > 0, "the last word is matched as a prefix");
        page.close();
    }

    @Test
    void headingHitsComeFirstAndEveryResultPointsToASection() {
        Page page = chromium.newPage();
        page.navigate(served(""));
        Locator options = resultsFor(page, "summary");
        assertTrue(options.count() > 0);
        String firstHeading = options.first().locator(".site-search-heading").textContent();
        assertTrue(firstHeading.toLowerCase(Locale.ROOT).contains("summary"), "a section headed Summary ranks first, got " + firstHeading);
        for (int i = 0; i < options.count(); i++) {
            String href = options.nth(i).getAttribute("data-href");
            assertTrue(href.matches("[a-z0-9-]+/(#.+)?"), href);
        }
        page.close();
    }

    @Test
    void aQueryWithoutMatchesSaysSoAndEscapeCloses() {
        Page page = chromium.newPage();
        page.navigate(served("zh/"));
        page.keyboard().press("/");
        page.locator("#site-search-input").fill("qqqxyzzy");
        page.waitForSelector(".site-search-empty:not([hidden])");
        assertEquals("没有小节包含这些词。", page.locator(".site-search-empty").textContent());
        assertEquals("false", page.locator("#site-search-input").getAttribute("aria-expanded"));
        page.locator("#site-search-input").fill("梯度");
        page.waitForSelector("#site-search-results [role=option]");
        assertEquals("true", page.locator("#site-search-input").getAttribute("aria-expanded"));
        page.keyboard().press("Escape");
        assertTrue(page.locator("#site-search-results").isHidden());
        assertEquals("false", page.locator("#site-search-input").getAttribute("aria-expanded"));
        page.close();
    }

    /** The search box is the same on every page; its open results are audited in each theme, width and language. */
    @Test
    void theOpenResultsPassTheAuditInBothThemesAndAtPhoneWidth() {
        for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
            for (int width : new int[] {1200, 360}) {
                String[] query = width == 360 ^ scheme == ColorScheme.DARK ? new String[] {"zh/", "梯度消失"} : new String[] {"", "clipping"};
                {
                    List<String> problems = new ArrayList<>();
                    Page page = chromium.newPage(problems);
                    page.setViewportSize(width, 800);
                    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                    page.navigate(served(query[0]));
                    page.waitForLoadState(LoadState.NETWORKIDLE);
                    Locator options = resultsFor(page, query[1]);
                    assertTrue(options.count() > 0, query[1]);
                    page.keyboard().press("ArrowDown");
                    String where = scheme + " " + width + " px " + query[1];
                    assertEquals("", Chromium.accessibilityViolations(page, ".site-header"), where);
                    assertTrue((Boolean) page.evaluate("() => { const r = document.querySelector('#site-search-results').getBoundingClientRect();"
                            + " return r.left >= 0 && r.right <= window.innerWidth; }"), where + ": the results fit the screen");
                    assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"), where);
                    assertEquals(List.of(), problems, where);
                    page.close();
                }
            }
        }
    }

    /** Focuses the box with "/", types {@code query}, and returns the result options once they are shown. */
    private static Locator resultsFor(Page page, String query) {
        page.locator("body").click(new Locator.ClickOptions().setPosition(1, 1));
        page.keyboard().press("/");
        assertEquals("site-search-input", page.evaluate("() => document.activeElement.id"), "/ focuses the search box");
        page.keyboard().press("Control+A");
        page.keyboard().type(query);
        page.waitForFunction("q => document.querySelector('.site-search').getAttribute('data-results-for') === q", query);
        return page.locator("#site-search-results [role=option]");
    }

    /**
     * Searches {@code query} on {@code url}, checks that the first result shows {@code expected}, picks it
     * with the arrow keys and Enter, and checks that the page it opens has the section and the word.
     * Returns the address opened.
     */
    private static String searchAndOpen(String url, String query, String expected) {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newPage(problems);
        page.navigate(url);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Locator options = resultsFor(page, query);
        assertTrue(options.count() > 0, "results for " + query + " on " + url);
        assertTrue(options.first().textContent().toLowerCase(Locale.ROOT).contains(expected), options.first().textContent());
        Locator input = page.locator("#site-search-input");

        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowUp");
        assertEquals(options.first().getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", options.first().getAttribute("aria-selected"));
        String href = options.first().getAttribute("data-href");
        page.keyboard().press("Enter");
        page.waitForURL(u -> !u.equals(url) || href.isEmpty());
        page.waitForLoadState();
        String opened = page.url();
        String fragment = URI.create(opened).getFragment();
        assertTrue(opened.endsWith(href.replaceAll("#.*", "") + (fragment == null ? "" : "#" + URI.create(opened).getRawFragment()))
                || opened.contains(href.replaceAll("#.*", "")), opened + " for " + href);
        if (fragment != null) {
            assertEquals(1, page.locator("[id=\"" + fragment + "\"]").count(), "the anchor " + fragment + " is on " + opened);
        }
        assertTrue(page.locator(".lesson-body").textContent().toLowerCase(Locale.ROOT).contains(expected), opened);
        assertFalse(problems.stream().anyMatch(p -> !p.isEmpty()), problems.toString());
        page.close();
        return opened;
    }
}
