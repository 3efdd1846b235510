package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gtt.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built snapshot opened from file://, as a student would open a zip: navigation and math work. */
class SnapshotBrowserTest {
    @TempDir static Path temp;
    private static Chromium chromium;
    private static Path site;

    @BeforeAll
    static void buildAndLaunch() throws Exception {
        chromium = Chromium.launch();
        site = temp.resolve("snapshot");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertEquals(0, Main.run(new String[] {"build", "--out", site.toString()}, quiet, quiet));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void navigationAndMathWorkFromFileUrls() {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newPage(problems);
        page.navigate(site.resolve("index.html").toUri().toString());
        page.locator(".lesson-card a").first().click();
        page.waitForSelector(".math-display .katex");
        assertTrue(page.url().endsWith("/index.html"), page.url());
        assertEquals(0, page.locator(".katex-error").count());

        page.locator(".lang-switch").click();
        page.waitForSelector(".math-display .katex");
        assertTrue(page.url().contains("/zh/"), page.url());
        assertEquals("zh-Hans", page.locator("html").getAttribute("lang"));

        page.locator(".pager-next").click();
        page.waitForSelector(".math-display .katex");
        page.locator(".brand").click();
        assertTrue(page.url().endsWith("/zh/index.html"), page.url());
        assertEquals(List.of(), problems);
    }
}
