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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gtt.cli.Main;
import org.gtt.web.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lessons' diagrams load in Chromium where the pages are read: served at a sub-path (through the
 * content-versioned address, under the site's Content-Security-Policy) and from a snapshot on file://;
 * and each one draws differently in dark mode, which shows that its own style sheet applied.
 * Screenshots of each diagram in both schemes are left in target/screenshots/diagrams for a person to look at.
 */
class DiagramsBrowserTest {
    private static final Path SHOTS = Path.of("target", "screenshots", "diagrams");
    /** The lessons that show diagrams, one page per language each. */
    private static final List<String> PAGES = List.of("vanishing-and-exploding/", "zh/vanishing-and-exploding/",
            "deep-feedforward/", "zh/deep-feedforward/", "backprop-through-time/", "zh/backprop-through-time/");
    @TempDir static Path temp;
    private static Chromium chromium;
    private static RunningSite site;
    private static Path snapshot;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        site = RunningSite.start("/course/", List.of());
        snapshot = temp.resolve("snapshot");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        assertEquals(0, Main.run(new String[] {"build", "--out", snapshot.toString()}, quiet, quiet));
        Files.createDirectories(SHOTS);
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    @Test
    void servedDiagramsLoadAndSwitchTheirColoursInDarkMode() {
        for (String path : PAGES) {
            byte[][] light = diagrams(site.url(path), ColorScheme.LIGHT, path);
            byte[][] dark = diagrams(site.url(path), ColorScheme.DARK, path);
            for (int i = 0; i < light.length; i++) {
                assertFalse(Arrays.equals(light[i], dark[i]), path + ": diagram " + i + " looks the same in light and dark mode");
            }
        }
    }

    @Test
    void snapshotDiagramsLoadFromFileUrls() {
        for (String path : PAGES) {
            diagrams(snapshot.resolve(path).resolve("index.html").toUri().toString(), ColorScheme.LIGHT, null);
        }
    }

    /** Opens the page, checks every diagram decoded with an alt text, and returns a screenshot of each. */
    private static byte[][] diagrams(String url, ColorScheme scheme, String shotName) {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newPage(problems);
        page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
        page.navigate(url);
        Locator images = page.locator("figure.diagram img");
        int count = images.count();
        assertTrue(count > 0, url + " shows a diagram");
        byte[][] shots = new byte[count][];
        for (int i = 0; i < count; i++) {
            Locator image = images.nth(i);
            image.scrollIntoViewIfNeeded();
            page.waitForFunction("img => img.complete && img.naturalWidth > 0", image.elementHandle());
            assertFalse(image.getAttribute("alt").isBlank(), url + ": alt text");
            shots[i] = image.screenshot();
            if (shotName != null) {
                String file = shotName.replace('/', '_') + i + "-" + scheme.name().toLowerCase() + ".png";
                writeQuietly(SHOTS.resolve(file), shots[i]);
            }
        }
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertEquals(List.of(), problems, url);
        page.close();
        return shots;
    }

    private static void writeQuietly(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
