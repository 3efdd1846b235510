package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gtt.content.Course;
import org.gtt.content.CourseLoader;
import org.gtt.content.Lang;
import org.gtt.web.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every lesson opened in a real Chromium: math typeset by KaTeX, no TeX error, no console error. */
class LessonPagesBrowserTest {
    private static RunningSite site;
    private static Chromium chromium;
    private static Course course;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        site = RunningSite.start();
        course = CourseLoader.load(Path.of("content"));
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    @Test
    void everyLessonTypesetsItsMathWithoutErrors() {
        for (Lang lang : Lang.values()) {
            for (String slug : course.slugs()) {
                String url = site.url((lang == Lang.EN ? "" : "zh/") + slug + "/");
                List<String> problems = new ArrayList<>();
                Page page = chromium.newPage(problems);
                page.navigate(url);
                page.waitForLoadState();
                int formulas = page.locator(".math-inline, .math-display").count();
                // Every lesson but the references and glossary is full of formulas.
                assertTrue(formulas > 5 || !hasMath(lang, slug), url + " has formulas");
                if (formulas > 0) page.waitForSelector(".katex");
                assertEquals(formulas, page.locator(".math-inline .katex, .math-display .katex").count(), url + ": every formula typeset");
                assertEquals(0, page.locator(".katex-error").count(), url + ": no TeX error");
                assertEquals(List.of(), problems, url);
                page.close();
            }
        }
    }

    /** Whether the lesson's text has math (the Markdown renders it into math spans). */
    private static boolean hasMath(Lang lang, String slug) {
        return course.lesson(lang, slug).orElseThrow().html().contains("class=\"math ");
    }

    /** The last lesson with math, the heaviest page: it loads KaTeX and its fonts, and widgets. */
    private static String lastLessonWithMath() {
        List<String> slugs = course.slugs();
        for (int i = slugs.size() - 1; i >= 0; i--) if (hasMath(Lang.EN, slugs.get(i))) return slugs.get(i);
        throw new AssertionError("no lesson has math");
    }

    /**
     * Bytes over the wire for a lesson with everything it loads (HTML, CSS, scripts, KaTeX, fonts),
     * compressed as the server sends them; a fresh browser page has an empty cache. Not a timing:
     * the count is the same on every machine, so the budget of 250 KB is checked here.
     */
    @Test
    void aLessonPageWeighsAtMost250KilobytesCompressed() throws Exception {
        Page page = chromium.newPage();
        page.navigate(site.url(lastLessonWithMath() + "/"));
        page.waitForSelector(".katex");
        page.evaluate("() => document.fonts.ready");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        Number bytes = (Number) page.evaluate("() => performance.getEntriesByType('navigation')"
                + ".concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + e.transferSize, 0)");
        Number files = (Number) page.evaluate("() => performance.getEntriesByType('resource').length + 1");
        String heaviest = (String) page.evaluate("() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".sort((a, b) => b.transferSize - a.transferSize).slice(0, 30)"
                + ".map(e => '  ' + (e.transferSize / 1000).toFixed(1) + ' KB ' + new URL(e.name).pathname).join('\\n')");
        String figure = String.format("lesson page %s: %d files, %.1f KB transferred (compressed); the heaviest:%n%s%n",
                lastLessonWithMath(), files.intValue(), bytes.doubleValue() / 1000, heaviest);
        System.out.print(figure);
        java.nio.file.Files.createDirectories(Path.of("target", "measurements"));
        java.nio.file.Files.writeString(Path.of("target", "measurements", "page-weight.txt"), figure);
        assertTrue(bytes.doubleValue() > 10_000, "the measurement saw the page");
        assertTrue(bytes.doubleValue() <= 250_000, figure);
        page.close();
    }

    /** The pages without widgets, in both languages and in dark mode too (contrast is checked per theme). */
    @Test
    void homeAndNotFoundPagesPassAnAccessibilityAudit() {
        for (com.microsoft.playwright.options.ColorScheme scheme : List.of(com.microsoft.playwright.options.ColorScheme.LIGHT,
                com.microsoft.playwright.options.ColorScheme.DARK)) {
            for (String path : List.of("", "zh/", "no-such-page/", "zh/" + course.slugs().get(0) + "/")) {
                List<String> problems = new ArrayList<>();
                Page page = chromium.newPage(problems);
                page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                page.navigate(site.url(path));
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                assertEquals("", Chromium.accessibilityViolations(page), scheme + " /" + path);
                page.close();
            }
        }
    }

    /** At phone width wide formulas, tables and widgets scroll or reflow; every lesson still passes the audit. */
    @Test
    void everyLessonPassesTheAuditAtPhoneWidth() {
        for (Lang lang : Lang.values()) {
            for (String slug : course.slugs()) {
                String path = (lang == Lang.EN ? "" : "zh/") + slug + "/";
                List<String> problems = new ArrayList<>();
                Page page = chromium.newPage(problems);
                page.setViewportSize(360, 800);
                page.navigate(site.url(path));
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                assertEquals("", Chromium.accessibilityViolations(page), "360 px /" + path);
                assertTrue((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"),
                        path + ": the page itself never scrolls sideways");
                assertEquals(List.of(), problems, path);
                page.close();
            }
        }
    }

    @Test
    void aTexErrorShowsOnItsFormulaOnly() {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newPage(problems);
        page.navigate(site.url(course.slugs().get(0) + "/"));
        page.waitForSelector(".katex");
        // The same script the pages use, run on a formula with a TeX error added to the page.
        page.evaluate("() => { const s = document.createElement('span'); s.className = 'math-inline'; s.id = 'bad';"
                + " s.textContent = '\\\\frac{1}{'; document.querySelector('.lesson-body').appendChild(s);"
                + " window.GttMath.typesetAll(s.parentNode); }");
        assertEquals(1, page.locator("#bad.katex-error").count());
        assertTrue(page.locator("#bad .katex-error-message").textContent().toLowerCase().contains("expected"), "a readable message");
        assertTrue(page.locator(".lesson-body .katex").count() > 5, "the other formulas still stand");
        assertEquals(List.of(), problems);
    }
}
