package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Clip;
import com.microsoft.playwright.options.ColorScheme;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gtt.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lesson 8's race as a learner sees it in the snapshot of the real course: the bundled recording replayed,
 * in both languages, at desktop and phone width, light and dark. Nothing in the section (heading, widget,
 * "Try this" box) is wider than the page, and each view is saved to target/screenshots/lesson8-race-*.png (the
 * section) and lesson8-widget-*.png (the widget alone) for a person to look at.
 */
class TrainWidgetLessonBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir static Path temp;
    private static Chromium chromium;
    private static Path snapshot;

    @BeforeAll
    static void build() throws Exception {
        chromium = Chromium.launch();
        Files.createDirectories(SCREENSHOTS);
        snapshot = temp.resolve("snapshot");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        assertEquals(0, Main.run(new String[] {"build", "--out", snapshot.toString()}, new PrintStream(log), new PrintStream(log)), log.toString());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void theRaceSectionFitsEveryWidthAndThemeInBothLanguages() {
        for (String lang : List.of("en", "zh")) {
            List<String> problems = new ArrayList<>();
            Page page = chromium.newPage(problems);
            page.setViewportSize(1280, 900);
            page.navigate(snapshot.resolve((lang.equals("en") ? "" : "zh/") + "in-practice/index.html").toUri().toString());
            page.waitForFunction("() => document.getElementById('widget-train').hasAttribute('data-shown')");
            page.locator("#widget-train [data-action=start]").click();
            page.waitForFunction("() => ['solved', 'budget'].includes(document.getElementById('widget-train').getAttribute('data-race'))",
                    null, new Page.WaitForFunctionOptions().setTimeout(60_000));
            for (int width : List.of(1280, 390)) {
                for (ColorScheme scheme : List.of(ColorScheme.LIGHT, ColorScheme.DARK)) {
                    page.setViewportSize(width, 900);
                    page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
                    String view = lang + " " + width + " px " + scheme;
                    page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth");
                    assertEquals("", overflowing(page), view + ": wider than the page");
                    String name = "lesson8-race-" + lang + "-" + width + "-" + scheme.name().toLowerCase(java.util.Locale.ROOT) + ".png";
                    page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setClip(section(page)).setPath(SCREENSHOTS.resolve(name)));
                    page.locator("#widget-train").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                            .setPath(SCREENSHOTS.resolve(name.replace("lesson8-race-", "lesson8-widget-"))));
                }
            }
            assertEquals(List.of(), problems, lang);
            page.close();
        }
    }

    /** The elements of the race section (heading to the "Try this" box) that stick out of the viewport. */
    private static String overflowing(Page page) {
        return (String) page.evaluate("() => { const out = []; const widget = document.getElementById('widget-train');"
                + " let h = widget; while (h.tagName !== 'H2') h = h.previousElementSibling; const tip = widget.nextElementSibling;"
                + " for (const e of [h, widget, tip, ...widget.querySelectorAll('*'), ...tip.querySelectorAll('*')]) {"
                + "   if (e.closest('.widget-data, .katex-display, pre')) continue;"
                + "   const r = e.getBoundingClientRect(); if (r.width && (r.left < -1 || r.right > window.innerWidth + 1))"
                + "     out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); }"
                + " return out.slice(0, 5).join('; '); }");
    }

    /** From the section's heading to the end of the "Try this" box after the widget, in page coordinates. */
    private static Clip section(Page page) {
        BoundingBox heading = page.locator("#widget-train").evaluateHandle("w => { let e = w; while (e && e.tagName !== 'H2') e = e.previousElementSibling; return e; }")
                .asElement().boundingBox();
        BoundingBox tip = page.locator("#widget-train + .admonition").boundingBox();
        double scroll = ((Number) page.evaluate("() => window.scrollY")).doubleValue();
        double top = heading.y + scroll - 8;
        return new Clip(0, top, page.viewportSize().width, tip.y + scroll + tip.height + 8 - top);
    }
}
