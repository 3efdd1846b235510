package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gtt.cli.Main;
import org.gtt.content.Lang;
import org.gtt.web.RunningSite;
import org.gtt.web.GradientApi;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lesson widgets in a real Chromium against the real server and engine, and from the snapshot on file://. */
class WidgetsBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String RNN_LESSON = "backprop-through-time/";
    private static final String DEPTH_LESSON = "deep-feedforward/";
    private static RunningSite site;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        site = RunningSite.start("/", List.of(new GradientApi()));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    @Test
    void draggingTheRadiusPastOneTurnsTheLinearCurveFromFallingToRising() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(RNN_LESSON), problems);
        page.selectOption("#widget-rnn-activation", "linear");
        page.selectOption("#widget-rnn-init", "orthogonal");
        awaitShown(page, "rnn", "activation=linear", "init=orthogonal", "scale=0.9");
        double[] before = series(page, "rnn", 1);
        assertTrue(strictlyIncreasingInX(negate(before)), "radius 0.9: log10‖∂h_T/∂h_k‖ falls with the distance T−k");

        // Four key presses move the slider 0.9 → 0.95 → 1.0 → 1.05 → 1.1, as a drag would.
        Locator radius = page.locator("#widget-rnn-scale");
        for (int i = 0; i < 4; i++) radius.press("ArrowRight");
        awaitShown(page, "rnn", "scale=1.1");
        double[] after = series(page, "rnn", 1);
        assertTrue(strictlyIncreasingInX(after), "radius 1.1: the curve rises with the distance");
        // W_hh = 1.1·Q with Q orthogonal and φ linear: ‖W^n‖ = 1.1^n, so the value at distance 100 is 100·log10 1.1.
        assertEquals(100 * Math.log10(1.1), after[100], 1e-9);
        assertEquals("1.1", page.locator("#widget-rnn output").first().textContent());
        assertTrue(page.url().contains("rnn.scale=1.1"), "the state is in the address: " + page.url());
        assertTrue(tableCell(page, "rnn", 100, 1).contains("× 10⁴"), "the hidden table follows: 1.1^100 ≈ 1.4 × 10⁴");
        assertEquals(List.of(), problems);
    }

    @Test
    void theYRangeFollowsTheGradientWhenTheBoundRunsFarAboveAndTheBoundIsMarkedAtTheEdge() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(RNN_LESSON), problems);
        // Twelve presses: radius 0.9 → 1.5 (tanh, gaussian init), where the bound (γ·σ_max)^(T−k) reaches ≈ 10⁴⁴
        // while ‖∂h_T/∂h_k‖ stays within about ten decades.
        Locator radius = page.locator("#widget-rnn-scale");
        for (int i = 0; i < 12; i++) radius.press("ArrowRight");
        awaitShown(page, "rnn", "scale=1.5");
        double[] gradient = finite(series(page, "rnn", 1));
        double[] bound = finite(series(page, "rnn", 2));
        double low = Arrays.stream(gradient).min().orElseThrow();
        double high = Arrays.stream(gradient).max().orElseThrow();
        double yMin = ((Number) page.evaluate("() => window.GttWidgets.get('rnn').plot.scales.y.min")).doubleValue();
        double yMax = ((Number) page.evaluate("() => window.GttWidgets.get('rnn').plot.scales.y.max")).doubleValue();
        assertTrue(Arrays.stream(bound).max().orElseThrow() > yMax + 20, "the bound runs far above the range: " + yMax);
        assertTrue(yMin <= low && high <= yMax, "the whole gradient curve is in [" + yMin + ", " + yMax + "]");
        assertTrue((high - low) / (yMax - yMin) >= 0.6, "the gradient curve keeps most of the height: "
                + (high - low) + " of " + (yMax - yMin) + " decades");
        assertTrue(Integer.parseInt(page.getAttribute("#widget-rnn", "data-clip-markers")) >= 1, "a marker where the bound leaves");
        assertTrue(page.locator("#widget-rnn .u-legend").textContent().contains("Pascanu bound (γ·σ_max)^(T−k) (▲ leaves the chart above)"),
                "the legend says so: " + page.locator("#widget-rnn .u-legend").textContent());
        assertFalse(page.locator("#widget-rnn .u-legend").textContent().contains("‖∂h_T/∂h_k‖₂ (▲"), "the gradient is not clipped");
        assertEquals(List.of(), problems);
    }

    @Test
    void aPermalinkRestoresTheState() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(RNN_LESSON + "?rnn.scale=1.1&rnn.activation=linear&rnn.init=orthogonal&rnn.steps=50"), problems);
        awaitShown(page, "rnn", "scale=1.1", "activation=linear", "init=orthogonal", "steps=50");
        assertEquals("1.1", page.inputValue("#widget-rnn-scale"));
        assertEquals("linear", page.inputValue("#widget-rnn-activation"));
        assertEquals("50", page.locator("output[for=widget-rnn-steps]").textContent());
        double[] values = series(page, "rnn", 1);
        assertEquals(51, values.length);
        assertEquals(50 * Math.log10(1.1), values[50], 1e-9);
        assertEquals(List.of(), problems);
    }

    @Test
    void theLiveChartLegendAndTableSpeakOnlyTheLessonsLanguage() {
        WidgetKind rnn = WidgetKind.RNN;
        for (Lang lang : Lang.values()) {
            List<String> problems = new ArrayList<>();
            Page page = open(site.url((lang == Lang.ZH ? "zh/" : "") + RNN_LESSON), problems);
            // A new state makes widgets.js rebuild the legend and the table from the config's labels.
            page.locator("#widget-rnn-scale").press("ArrowRight");
            awaitShown(page, "rnn", "scale=0.95");
            Locator widget = page.locator("#widget-rnn");
            String legend = widget.locator(".u-legend").textContent();
            for (WidgetKind.Series series : rnn.series()) {
                assertTrue(legend.contains(series.label().in(lang)), lang + " legend: " + legend);
                assertEquals(series.label().in(lang).equals(series.label().in(lang.other())),
                        legend.contains(series.label().in(lang.other())), lang + " legend has no other-language label: " + legend);
            }
            assertEquals(rnn.xLabel().in(lang), widget.locator(".widget-table thead th").first().textContent());
            assertEquals(lang == Lang.ZH, widget.textContent().codePoints()
                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), lang + ": Chinese only on the Chinese page");
            assertEquals(List.of(), problems, lang.code());
            page.close();
        }
    }

    @Test
    void everyWidgetDrawsWithoutConsoleErrorsAndPassesAnAccessibilityAudit() throws Exception {
        for (String lesson : List.of(DEPTH_LESSON, RNN_LESSON, "zh/" + RNN_LESSON)) {
            List<String> problems = new ArrayList<>();
            Page page = open(site.url(lesson), problems);
            assertEquals("", Chromium.accessibilityViolations(page), lesson + ": axe WCAG 2 A/AA violations");
            for (Locator widget : page.locator(".widget").all()) {
                String id = widget.getAttribute("id");
                assertTrue(widget.locator(".u-over").count() == 1, id + " has a chart");
                widget.scrollIntoViewIfNeeded();
                widget.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(
                        (lesson.startsWith("zh/") ? "zh-" : "") + id + ".png")));
            }
            assertEquals(List.of(), problems, lesson);
            page.close();
        }
    }

    @Test
    void scriptTimePerUpdateIsMeasured() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(RNN_LESSON), problems);
        Locator radius = page.locator("#widget-rnn-scale");
        int moves = 12;
        for (int i = 0; i < moves; i++) {
            radius.press(i % 2 == 0 ? "ArrowRight" : "ArrowLeft");
            awaitShown(page, "rnn", i % 2 == 0 ? "scale=0.95" : "scale=0.9");
        }
        double[] timings = timings(page, "rnn");
        double[] updates = Arrays.copyOfRange(timings, 1, timings.length);
        double median = median(updates);
        System.out.printf("widget update (rnn, tanh, T = 100, n = 16): median %.2f ms, max %.2f ms over %d slider moves%n",
                median, Arrays.stream(updates).max().orElse(0), updates.length);
        Page depth = open(site.url(DEPTH_LESSON), problems);
        Locator layers = depth.locator("#widget-depth-steps");
        for (int i = 0; i < moves; i++) {
            layers.press(i % 2 == 0 ? "ArrowRight" : "ArrowLeft");
            awaitShown(depth, "depth", i % 2 == 0 ? "steps=21" : "steps=20");
        }
        double[] depthTimings = timings(depth, "depth");
        System.out.printf("widget update (depth, sigmoid, L = 20): median %.2f ms over %d slider moves%n",
                median(Arrays.copyOfRange(depthTimings, 1, depthTimings.length)), depthTimings.length - 1);
        assertTrue(updates.length >= moves, "every move updated the chart");
        assertEquals(List.of(), problems);
    }

    @Test
    void withoutWasmGcTheSnapshotShowsTheBakedDefaultsFromFileAndSaysWhatWouldMakeThemLive(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("site");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"build", "--out", out.toString()}, new PrintStream(log), new PrintStream(log));
        assertEquals(0, status, log.toString());
        for (String lesson : List.of(DEPTH_LESSON, RNN_LESSON, "zh/" + RNN_LESSON)) {
            List<String> problems = new ArrayList<>();
            // A browser without WebAssembly GC (the in-browser engine needs it; EngineBrowserTest covers the live case).
            Page page = chromium.newPage(problems);
            page.addInitScript("WebAssembly.validate = () => false;");
            page.navigate(out.resolve(lesson + "index.html").toUri().toString());
            page.waitForFunction("() => [...document.querySelectorAll('.widget')].every(w => w.hasAttribute('data-shown'))");
            for (Locator widget : page.locator(".widget").all()) {
                String id = widget.getAttribute("id").substring("widget-".length());
                assertTrue(series(page, id, 1).length > 10, id + ": default chart drawn from the baked data");
                assertTrue(widget.locator(".widget-status").textContent().contains(lesson.startsWith("zh/") ? "服务器" : "live server"),
                        id + ": says the controls need the live server");
                assertTrue(widget.locator("input, select").first().isDisabled(), id + ": controls are off");
            }
            assertEquals(List.of(), problems, lesson);
            page.close();
        }
    }

    @Test
    void withoutScriptsTheTableOfTheDefaultStateIsVisible() {
        Page page = chromium.newPage(new ArrayList<>());
        page.route("**/*.js*", route -> route.abort());
        page.navigate(site.url(RNN_LESSON));
        Locator table = page.locator("#widget-rnn .widget-table");
        assertTrue(table.isVisible(), "the table is the widget without JavaScript");
        assertEquals(101, table.locator("tbody tr").count());
        assertTrue(page.locator("#widget-rnn [data-fact=spectralRadius]").textContent().startsWith("0.9000"));
        page.close();
    }

    @Test
    void thePastedModelShowsTheActivationOnlyForAnRnn() {
        List<String> problems = new ArrayList<>();
        Page page = open(site.url(RNN_LESSON), problems);
        assertTrue(page.locator("#widget-custom-activation").isVisible());
        page.selectOption("#widget-custom-model", "gru");
        assertTrue(page.locator("#widget-custom-activation").isHidden(), "a gru has no activation to choose");
        page.selectOption("#widget-custom-model", "rnn");
        assertTrue(page.locator("#widget-custom-activation").isVisible());
        page.close();
    }

    @Test
    void refusedAndUnreachableRequestsAreExplainedInTheWidget() {
        Page page = open(site.url(RNN_LESSON), new ArrayList<>());
        // Invalid JSON never reaches the server; a wrong shape does, and its 400 is shown in words.
        page.fill("#widget-custom-weights", "{\"weight_hh_l0\": [[0.9, 5.0], [0.0");
        page.click("#widget-custom .widget-compute");
        assertTrue(page.locator("#widget-custom .widget-status").textContent().contains("not hold valid JSON"));
        page.fill("#widget-custom-weights", "{\"weight_ih_l0\": [[0.5], [-0.3]], \"weight_hh_l0\": [[0.9, 5.0, 1.0], [0.0, 0.9]],"
                + " \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0, 0]}");
        page.click("#widget-custom .widget-compute");
        page.waitForFunction("() => document.querySelector('#widget-custom .widget-status').textContent.includes('cannot use these settings')");

        // The server goes away: a message and a Retry button; it comes back: Retry updates the chart.
        page.route("**/api/v1/**", route -> route.abort());
        page.locator("#widget-rnn-scale").press("ArrowRight");
        page.waitForSelector("#widget-rnn .widget-retry");
        assertTrue(page.locator("#widget-rnn .widget-status").textContent().contains("cannot be reached"));
        page.unroute("**/api/v1/**");
        page.click("#widget-rnn .widget-retry");
        awaitShown(page, "rnn", "scale=0.95");
        assertEquals("", page.locator("#widget-rnn .widget-status").textContent());
        assertTrue(page.locator("#widget-custom .u-over").count() == 1, "the other widgets are untouched");
    }

    private static Page open(String url, List<String> problems) {
        Page page = chromium.newPage(problems);
        page.navigate(url);
        page.waitForFunction("() => document.querySelectorAll('.widget').length > 0"
                + " && [...document.querySelectorAll('.widget')].every(w => w.hasAttribute('data-shown'))");
        return page;
    }

    /** Waits until the widget has drawn a state containing every "key=value" given. */
    private static void awaitShown(Page page, String id, String... parts) {
        page.waitForFunction("([id, parts]) => { const shown = document.getElementById('widget-' + id).getAttribute('data-shown') || '';"
                + " return parts.every(p => ('&' + shown + '&').includes('&' + p + '&')); }", List.of(id, List.of(parts)));
    }

    /** The values the chart plots for series {@code index} (1 = first), indexed by x. */
    private static double[] series(Page page, String id, int index) {
        List<?> values = (List<?>) page.evaluate("([id, i]) => window.GttWidgets.get(id).plot.data[i]", List.of(id, index));
        return values.stream().mapToDouble(v -> v == null ? Double.NaN : ((Number) v).doubleValue()).toArray();
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static String tableCell(Page page, String id, int row, int column) {
        return page.locator("#widget-" + id + " .widget-table tbody tr").nth(row).locator("th, td").nth(column).textContent();
    }

    private static double[] timings(Page page, String id) {
        List<?> values = (List<?>) page.evaluate("id => window.GttWidgets.timings(id)", id);
        return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static boolean strictlyIncreasingInX(double[] values) {
        for (int i = 1; i < values.length; i++) if (!(values[i] > values[i - 1])) return false;
        return true;
    }

    private static double[] negate(double[] values) {
        return Arrays.stream(values).map(v -> -v).toArray();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
