package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gtt.cli.Main;
import org.gtt.engine.cliff.CliffDefaults;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Clipping;
import org.gtt.engine.cliff.Descent;
import org.gtt.engine.cliff.Trajectory;
import org.gtt.engine.cliff.TrajectoryPoint;
import org.gtt.web.CliffApi;
import org.gtt.web.RunningSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cliff widget of lesson 4 in a real Chromium against the real server and engine: it draws, its controls,
 * arrow keys + Enter and a click on the map change the descents (checked against the engine), with no console
 * error; and in the snapshot, served by a static server or opened from file://, the same happens without a server,
 * computed by the in-browser engine (WebAssembly).
 */
class CliffWidgetBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String LESSON = "cliff-and-clipping/";
    private static final CliffModel MODEL = CliffModel.pascanu(CliffModel.DEFAULT_STEPS);
    /** The map's corner pixel has the colour of --bg-raised now (so it follows a change of colour scheme). */
    private static final String MAP_ON_PAGE_BACKGROUND = "() => { const c = document.querySelector('#widget-cliff .widget-cliff-map');"
            + " const px = c.getContext('2d').getImageData(1, 1, 1, 1).data;"
            + " const probe = document.createElement('canvas').getContext('2d');"
            + " probe.fillStyle = getComputedStyle(document.documentElement).getPropertyValue('--bg-raised').trim();"
            + " probe.fillRect(0, 0, 1, 1); const q = probe.getImageData(0, 0, 1, 1).data;"
            + " return px[0] === q[0] && px[1] === q[1] && px[2] === q[2]; }";
    private static RunningSite site;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        site = RunningSite.start("/", List.of(new CliffApi()));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    private static Descent.Settings plain(double w0, double b0, double learningRate) {
        return new Descent.Settings(w0, b0, learningRate, CliffDefaults.ITERATIONS, Clipping.NONE);
    }

    @Test
    void theDefaultDrawsTheWallTheTwoDescentsAndTheStepThatThrowsThePlainOneOff() {
        for (String lesson : List.of(LESSON, "zh/" + LESSON)) {
            List<String> problems = new ArrayList<>();
            Page page = open(site.url(lesson), problems);
            Trajectory free = Descent.run(MODEL, plain(CliffDefaults.W0, CliffDefaults.B0, CliffDefaults.LEARNING_RATE));
            assertEquals(String.valueOf(free.largestStepIteration()), page.getAttribute("#widget-cliff", "data-thrown-step"));
            assertEquals(free.points().size(), lossSeries(page, 1).size(), "one loss per iterate");
            assertTrue(page.locator("#widget-cliff .u-over").count() == 1, "the loss chart is drawn");
            assertTrue(mapIsPainted(page), "the heat map is drawn");
            assertTrue((Boolean) page.evaluate(MAP_ON_PAGE_BACKGROUND), "the map's margin is the widget's background");
            assertTrue(page.locator("#widget-cliff .widget-cliff-summary").textContent().contains("13.8"),
                    "the summary states the plain descent's largest step");
            assertEquals("", Chromium.accessibilityViolations(page, "#widget-cliff"), lesson + ": axe WCAG 2 A/AA violations");
            page.locator("#widget-cliff").screenshot(new Locator.ScreenshotOptions().setPath(
                    SCREENSHOTS.resolve((lesson.startsWith("zh/") ? "zh-" : "") + "widget-cliff.png")));
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            page.waitForFunction(MAP_ON_PAGE_BACKGROUND);
            assertTrue(mapIsPainted(page), "redrawn in dark mode");
            page.locator("#widget-cliff").screenshot(new Locator.ScreenshotOptions().setPath(
                    SCREENSHOTS.resolve((lesson.startsWith("zh/") ? "zh-" : "") + "widget-cliff-dark.png")));
            assertEquals(List.of(), problems, lesson);
            page.close();
        }
    }

    @Test
    void aControlChangesTheDescentsAsTheEngineComputesThem() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(LESSON), problems);
        page.locator("#widget-cliff-learningRate").press("ArrowRight");
        awaitShown(page, "learningRate=0.11");
        Trajectory free = Descent.run(MODEL, plain(CliffDefaults.W0, CliffDefaults.B0, 0.11));
        assertEquals(free.last().loss(), lastLoss(page, "plain"), 0.0);
        Trajectory clipped = Descent.run(MODEL, plain(CliffDefaults.W0, CliffDefaults.B0, 0.11).withClipping(Clipping.norm(1)));
        assertEquals(clipped.last().loss(), lastLoss(page, "clipped"), 0.0);

        page.selectOption("#widget-cliff-clipMode", "value");
        awaitShown(page, "clipMode=value");
        Trajectory byValue = Descent.run(MODEL, plain(CliffDefaults.W0, CliffDefaults.B0, 0.11).withClipping(Clipping.value(1)));
        assertEquals(byValue.last().loss(), lastLoss(page, "clipped"), 0.0);
        assertTrue(page.url().contains("cliff.clipMode=value") && page.url().contains("cliff.learningRate=0.11"), page.url());
        assertEquals(List.of(), problems);
    }

    @Test
    void arrowKeysMoveTheStartAndEnterRunsItAndAClickSetsIt() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(LESSON), problems);
        Locator map = page.locator("#widget-cliff .widget-cliff-map");
        map.focus();
        for (int i = 0; i < 3; i++) map.press("ArrowUp");
        map.press("Shift+ArrowLeft");
        assertEquals("-2.78", page.inputValue("#widget-cliff-b0"), "three presses up: b0 + 0.03");
        assertEquals("4.9", page.inputValue("#widget-cliff-w0"), "shift + left: w0 − 0.1");
        assertTrue(page.getAttribute("#widget-cliff", "data-shown").contains("b0=-2.81"), "nothing runs before Enter");
        map.press("Enter");
        awaitShown(page, "w0=4.9", "b0=-2.78");
        Trajectory free = Descent.run(MODEL, plain(4.9, -2.78, CliffDefaults.LEARNING_RATE));
        assertEquals(free.last().loss(), lastLoss(page, "plain"), 0.0);

        String before = page.getAttribute("#widget-cliff", "data-shown");
        // A click in the upper left of the map, above the wall: a start where E is already small.
        var box = map.boundingBox();
        map.click(new Locator.ClickOptions().setPosition(box.width * 0.25, box.height * 0.2));
        page.waitForFunction("before => document.getElementById('widget-cliff').getAttribute('data-shown') !== before", before);
        double w0 = Double.parseDouble(page.inputValue("#widget-cliff-w0"));
        double b0 = Double.parseDouble(page.inputValue("#widget-cliff-b0"));
        assertTrue(w0 < 4.9 && b0 > -2.0, "the click set the start to (" + w0 + ", " + b0 + ")");
        assertEquals(Descent.run(MODEL, plain(w0, b0, CliffDefaults.LEARNING_RATE)).last().loss(), lastLoss(page, "plain"), 0.0);
        assertNotEquals(before, page.getAttribute("#widget-cliff", "data-shown"));
        assertEquals(List.of(), problems);
    }

    /**
     * Issue 11: the snapshot, served by a plain static server and opened from file://, draws the baked default, then
     * recomputes both descents in the browser (the wasm engine) when the start moves (slider, arrow keys + Enter, a
     * click on the map) and when each control changes: the trajectories change, each is the JVM engine's to the
     * bit, no request goes to /api/ and nothing is logged to the console.
     */
    @Test
    void inTheSnapshotTheStartAndEveryControlRecomputeTheDescentsInTheBrowser(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("site");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"build", "--out", out.toString()}, new PrintStream(log), new PrintStream(log));
        assertEquals(0, status, log.toString());
        try (StaticFileServer server = StaticFileServer.start(out, null)) {
            recomputesInTheBrowser(server.url(LESSON + "index.html"));
            recomputesInTheBrowser(out.resolve(LESSON + "index.html").toUri().toString());
            recomputesInTheBrowser(out.resolve("zh/" + LESSON + "index.html").toUri().toString());
        }
    }

    private static void recomputesInTheBrowser(String url) {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newSnapshotPage(problems);
        page.navigate(url);
        page.waitForFunction("() => document.getElementById('widget-cliff') && document.getElementById('widget-cliff').hasAttribute('data-shown')");
        Trajectory free = Descent.run(MODEL, plain(CliffDefaults.W0, CliffDefaults.B0, CliffDefaults.LEARNING_RATE));
        assertEquals(free.last().loss(), lastLoss(page, "plain"), 0.0, "the baked default");
        assertTrue(mapIsPainted(page), "the baked grid is drawn");
        assertEquals("", page.locator("#widget-cliff .widget-status").textContent(), url + ": no note, the widget is live");
        assertTrue(page.locator("#widget-cliff-learningRate").isEnabled(), "the controls are on");

        for (String slider : List.of("w0", "b0", "learningRate", "clip", "iterations")) {
            changes(page, url, slider, () -> page.locator("#widget-cliff-" + slider).press("ArrowRight"));
        }
        changes(page, url, "clipMode", () -> page.selectOption("#widget-cliff-clipMode", "value"));
        Locator map = page.locator("#widget-cliff .widget-cliff-map");
        changes(page, url, "arrow keys + Enter", () -> {
            map.focus();
            map.press("Shift+ArrowUp");
            map.press("Enter");
        });
        var box = map.boundingBox();
        changes(page, url, "a click on the map", () -> map.click(new Locator.ClickOptions().setPosition(box.width * 0.25, box.height * 0.2)));
        assertTrue(page.getAttribute("#widget-cliff", "data-shown").contains("clipMode=value"), "the states add up");
        assertEquals(List.of(), problems, url);
        page.close();
    }

    /** {@code action} redraws the widget with other descents, and both are the JVM engine's for what the controls show. */
    private static void changes(Page page, String url, String what, Runnable action) {
        Object before = page.evaluate("() => JSON.stringify(window.GttWidgets.get('cliff').descents)");
        String shown = page.getAttribute("#widget-cliff", "data-shown");
        action.run();
        try {
            page.waitForFunction("shown => { const w = document.getElementById('widget-cliff');"
                    + " return w.getAttribute('data-shown') !== shown && !w.hasAttribute('aria-busy'); }", shown);
        } catch (RuntimeException e) {
            throw new AssertionError(url + " " + what + ": no redraw; status '"
                    + page.locator("#widget-cliff .widget-status").textContent() + "'", e);
        }
        assertNotEquals(before, page.evaluate("() => JSON.stringify(window.GttWidgets.get('cliff').descents)"),
                url + " " + what + ": the trajectories changed");
        Descent.Settings settings = new Descent.Settings(control(page, "w0"), control(page, "b0"), control(page, "learningRate"),
                (int) control(page, "iterations"), Clipping.NONE);
        double clip = control(page, "clip");
        Clipping clipping = page.inputValue("#widget-cliff-clipMode").equals("value") ? Clipping.value(clip) : Clipping.norm(clip);
        assertSameTrajectory(Descent.run(MODEL, settings), page, "plain", url + " " + what + ": the plain descent");
        assertSameTrajectory(Descent.run(MODEL, settings.withClipping(clipping)), page, "clipped", url + " " + what + ": the clipped one");
    }

    private static double control(Page page, String name) {
        return Double.parseDouble(page.inputValue("#widget-cliff-" + name));
    }

    /** w, b and E of every point drawn, bit for bit the JVM engine's (Playwright hands JavaScript's doubles over exactly). */
    private static void assertSameTrajectory(Trajectory expected, Page page, String descent, String message) {
        List<?> points = (List<?>) page.evaluate("d => window.GttWidgets.get('cliff').descents[d].points.map(p => p.slice(0, 3))", descent);
        assertEquals(expected.points().size(), points.size(), message);
        for (int k = 0; k < points.size(); k++) {
            List<?> point = (List<?>) points.get(k);
            TrajectoryPoint want = expected.points().get(k);
            double[] values = {want.w(), want.b(), want.loss()};
            for (int c = 0; c < 3; c++) assertEquals(values[c], ((Number) point.get(c)).doubleValue(), 0.0, message + ", point " + k);
        }
    }

    @Test
    void withoutScriptsTheTableOfBothDescentsIsVisible() {
        Page page = chromium.newPage(new ArrayList<>());
        page.route("**/*.js*", route -> route.abort());
        page.navigate(site.url(LESSON));
        Locator table = page.locator("#widget-cliff .widget-table");
        assertTrue(table.isVisible());
        assertEquals(CliffDefaults.ITERATIONS + 1, table.locator("tbody tr").count());
        page.close();
    }

    private static Page open(String url, List<String> problems) {
        Page page = chromium.newPage(problems);
        page.navigate(url);
        page.waitForFunction("() => document.getElementById('widget-cliff') && document.getElementById('widget-cliff').hasAttribute('data-shown')");
        return page;
    }

    private static void awaitShown(Page page, String... parts) {
        page.waitForFunction("parts => { const shown = document.getElementById('widget-cliff').getAttribute('data-shown') || '';"
                + " return parts.every(p => ('&' + shown + '&').includes('&' + p + '&')); }", List.of(parts));
    }

    private static List<?> lossSeries(Page page, int index) {
        return (List<?>) page.evaluate("i => window.GttWidgets.get('cliff').plot.data[i]", index);
    }

    private static double lastLoss(Page page, String descent) {
        return ((Number) page.evaluate("d => { const p = window.GttWidgets.get('cliff').descents[d].points; return p[p.length - 1][2]; }",
                descent)).doubleValue();
    }

    /** More than a few distinct colours inside the map: the heat map, not an empty canvas. */
    private static boolean mapIsPainted(Page page) {
        Number colours = (Number) page.evaluate("() => { const c = document.querySelector('#widget-cliff .widget-cliff-map');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
                + " for (let i = 0; i < d.length; i += 4 * 97) seen.add(d[i] + ',' + d[i + 1] + ',' + d[i + 2]); return seen.size; }");
        return colours.intValue() > 50;
    }
}
