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
                page.waitForSelector(".katex");
                int formulas = page.locator(".math-inline, .math-display").count();
                assertTrue(formulas > 5, url + " has formulas");
                assertEquals(formulas, page.locator(".math-inline .katex, .math-display .katex").count(), url + ": every formula typeset");
                assertEquals(0, page.locator(".katex-error").count(), url + ": no TeX error");
                assertEquals(List.of(), problems, url);
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
