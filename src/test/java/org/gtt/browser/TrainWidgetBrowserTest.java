package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.gtt.api.TrainingJson;
import org.gtt.cli.Main;
import org.gtt.train.ModelKind;
import org.gtt.train.RecordedRace;
import org.gtt.train.TrainingParameters;
import org.gtt.widget.RaceRecordings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training race widget in a real Chromium: in the snapshot (file:// and a static web server) Start
 * replays the race recorded at build time and says live training needs serve, without a request to /api/.
 * The lesson here is a short race (T = 10, 300 iterations, three runners) so the build and the replay stay quick.
 */
class TrainWidgetBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir static Path temp;
    private static Chromium chromium;
    private static Path snapshot;

    @BeforeAll
    static void buildAndLaunch() throws Exception {
        chromium = Chromium.launch();
        Files.createDirectories(SCREENSHOTS);
        Path content = ShortRaceCourse.write(temp.resolve("content"));
        snapshot = temp.resolve("snapshot");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"build", "--out", snapshot.toString(), "--content", content.toString()},
                new PrintStream(log), new PrintStream(log));
        assertEquals(0, status, log.toString());
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
    }

    @Test
    void fromFileStartReplaysTheRecordingAndSaysLiveTrainingNeedsServe() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> requests = new CopyOnWriteArrayList<>();
        Page page = open(snapshot.resolve("race/index.html").toUri().toString(), problems, requests);
        replayAndCheck(page, "file", false);
        assertEquals(List.of(), problems);
        assertEquals(List.of(), requests.stream().filter(url -> url.contains("/api/")).toList(), "no request to /api/");
        page.close();
    }

    @Test
    void onAStaticServerTheSnapshotNeverAsksTheApi() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = temp.resolve("http-server.log");
        Process server = new ProcessBuilder("/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1",
                "--directory", snapshot.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String url = "http://127.0.0.1:" + port + "/zh/race/index.html";
            awaitUp(url);
            List<String> problems = new ArrayList<>();
            List<String> requests = new CopyOnWriteArrayList<>();
            Page page = open(url, problems, requests);
            page.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.DARK));
            replayAndCheck(page, "static-dark", true);
            page.setViewportSize(360, 800);
            page.waitForFunction("() => document.documentElement.scrollWidth <= window.innerWidth");
            assertEquals("", Chromium.accessibilityViolations(page, "#widget-train"), "axe at phone width");
            page.locator("#widget-train").screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("train-phone.png")));
            assertEquals(List.of(), problems);
            assertEquals(List.of(), requests.stream().filter(u -> u.contains("/api/")).toList(), "no request to /api/");
            page.close();
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
        assertFalse(Files.readString(log).contains("/api/"), "the static server saw no /api/ request");
    }

    /**
     * The page's recording (3 significant digits, a stopped runner's report once, no timings: RaceWidget.compact)
     * replays into the picture the trainer's full recording draws: the same x values, every plotted log10 loss
     * within the rounding (|log10 1.005| &lt; 0.0022 decade, under half a pixel), and the heat strips' pixels within
     * two colour levels of 255: a log10 norm rounded to a hundredth of a decade moves t by at most 0.005/R on a colour
     * range of R decades (whole decades, at least 3 in this race), and viridis's steepest channel climbs 72 levels per
     * ninth of t (between two of its ten stops), so about 1.1 levels plus one of rounding. At T = 10 the GRU solves within 200 iterations and stops 200 later, so the full
     * race repeats its reports and the page's does not.
     */
    @Test
    void thePagesRecordingReplaysIntoTheSamePictureAsTheFullRace() throws Exception {
        TrainingParameters race = new TrainingParameters(List.of(ModelKind.RNN, ModelKind.LSTM, ModelKind.GRU), 10, 16, 32, 0.01,
                TrainingParameters.OptimizerKind.ADAM, 1.0, TrainingParameters.ClipMode.NORM, 1.0, 600, 1, 50);
        String full = TrainingJson.text(TrainingJson.recorded(RecordedRace.of(race)));
        String baked = RaceRecordings.trained(race);
        assertTrue(reports(baked) < reports(full), "the page leaves out repeated reports: " + reports(baked) + " of " + reports(full));
        assertTrue(baked.length() < full.length() / 2, baked.length() + " of " + full.length() + " characters");

        List<String> problems = new ArrayList<>();
        Page page = open(snapshot.resolve("race/index.html").toUri().toString(), problems, new CopyOnWriteArrayList<>());
        replay(page, full);
        page.evaluate("() => { const w = window.GttWidgets.get('train'); window.fullPicture = { chart: w.plot.data.map(c => c.slice()),"
                + " strips: [...document.querySelectorAll('#widget-train .widget-strip canvas')].map(c =>"
                + " c.getContext('2d').getImageData(0, 0, c.width, c.height).data) }; }");
        replay(page, baked);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> difference = (java.util.Map<String, Object>) page.evaluate("() => {"
                + " const w = window.GttWidgets.get('train'); const before = window.fullPicture; let chart = 0; let sameX = true;"
                + " const data = w.plot.data; if (data.length !== before.chart.length) return { columns: data.length };"
                + " data[0].forEach((x, i) => { if (x !== before.chart[0][i]) sameX = false; });"
                + " for (let c = 1; c < data.length; c++) data[c].forEach((v, i) => { const u = before.chart[c][i];"
                + "   chart = Math.max(chart, (v === null) !== (u === null) ? Infinity : v === null ? 0 : Math.abs(v - u)); });"
                + " let pixels = 0; const strips = [...document.querySelectorAll('#widget-train .widget-strip canvas')];"
                + " strips.forEach((c, s) => { const now = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + "   now.forEach((v, i) => { pixels = Math.max(pixels, Math.abs(v - before.strips[s][i])); }); });"
                + " return { sameX: sameX && data[0].length === before.chart[0].length, points: data[0].length, chart: chart,"
                + "   pixels: pixels, strips: strips.length }; }");
        assertEquals(true, difference.get("sameX"), difference.toString());
        assertTrue(((Number) difference.get("points")).intValue() >= 12, difference.toString());
        assertTrue(((Number) difference.get("chart")).doubleValue() < 0.0022, "plotted log10 losses: " + difference);
        assertTrue(((Number) difference.get("pixels")).intValue() <= 2, "heat strip colour levels: " + difference);
        assertEquals(3, ((Number) difference.get("strips")).intValue());
        assertEquals(List.of(), problems);
        page.close();
    }

    private static int reports(String recording) throws IOException {
        int count = 0;
        for (JsonNode progress : JSON.readTree(recording).get("progress")) count += progress.get("models").size();
        return count;
    }

    /** Start with {@code recording} in place of the baked one, and wait until the replay has drawn its last report. */
    private static void replay(Page page, String recording) {
        page.evaluate("(r) => { const w = window.GttWidgets.get('train'); w.recording = JSON.parse(r); w.onStart(); }", recording);
        page.waitForFunction("() => document.getElementById('widget-train').getAttribute('data-race') !== 'running'",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    /** Start replays every recorded report: the chart's losses and the table are the recording's, nothing else. */
    /** {@code audit}: run axe too (not from file://, where its stylesheet requests are refused and logged as errors). */
    private static void replayAndCheck(Page page, String name, boolean audit) throws Exception {
        boolean chinese = "zh-Hans".equals(page.locator("html").getAttribute("lang"));
        Locator widget = page.locator("#widget-train");
        JsonNode recording = JSON.readTree(widget.locator(".widget-config").textContent()).at("/baked/race");
        assertTrue(widget.locator(".widget-status").textContent().contains(chinese ? "实时训练需要服务器" : "Live training needs the server"),
                widget.locator(".widget-status").textContent());
        assertTrue(widget.locator("[name=steps]").isDisabled(), "the controls show the recorded settings, fixed");
        int bakedRows = widget.locator(".widget-table tbody tr").count();
        assertTrue(bakedRows > 0, "the recording's table is baked into the page");

        if (audit) assertEquals("", Chromium.accessibilityViolations(page, "#widget-train"), "axe WCAG 2 A/AA violations");
        // Keyboard only: the Start button takes focus and Enter presses it.
        widget.locator("[data-action=start]").focus();
        page.keyboard().press("Enter");
        assertEquals("running", widget.getAttribute("data-race"));
        page.waitForFunction("() => ['solved', 'budget'].includes(document.getElementById('widget-train').getAttribute('data-race'))");
        assertTrue(widget.locator(".widget-status").textContent().contains(chinese ? "重放结束" : "Replay finished"));

        JsonNode last = recording.at("/progress/" + (recording.get("progress").size() - 1));
        assertEquals(last.get("iteration").asInt(), Integer.parseInt(widget.getAttribute("data-iteration")));
        List<?> rnnLoss = (List<?>) page.evaluate("() => window.GttWidgets.get('train').plot.data[1]");
        JsonNode firstRnn = recording.at("/progress/0/models/0");
        assertEquals("rnn", firstRnn.get("model").asText());
        List<?> iterations = (List<?>) page.evaluate("() => window.GttWidgets.get('train').plot.data[0]");
        assertEquals(List.of(0, firstRnn.get("iteration").asInt()), iterations.subList(0, 2), "x: 0, then the reports' iterations");
        assertEquals(Math.log10(firstRnn.get("evalLoss").asDouble()), ((Number) rnnLoss.get(1)).doubleValue(), 1e-12,
                "the chart plots the recorded evaluation loss");
        assertEquals(bakedRows, widget.locator(".widget-table tbody tr").count(), "the replay fills the same rows as the baked table");
        assertEquals(3, widget.locator(".widget-strip canvas").count(), "one heat strip per recorded runner");
        assertTrue(stripIsPainted(page, 0), "the strip is drawn");
        if (audit) assertEquals("", Chromium.accessibilityViolations(page, "#widget-train"), "axe, after the replay drew everything");
        widget.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("train-replay-" + name + ".png")));
    }

    /** Whether the strip's canvas holds more than one colour (a painted heat map, not a blank box). */
    static boolean stripIsPainted(Page page, int index) {
        return (Boolean) page.evaluate("(i) => { const c = document.querySelectorAll('#widget-train .widget-strip canvas')[i];"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; const seen = new Set();"
                + " for (let p = 0; p < d.length; p += 4 * 7) seen.add(d[p] + ',' + d[p + 1] + ',' + d[p + 2]);"
                + " return seen.size > 5; }", index);
    }

    static Page open(String url, List<String> problems, List<String> requests) {
        Page page = chromium.newPage(problems);
        page.onRequest(request -> requests.add(request.url()));
        page.navigate(url);
        page.waitForFunction("() => document.getElementById('widget-train').hasAttribute('data-shown')");
        return page;
    }

    private static void awaitUp(String url) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // the server is still starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the static server did not start: " + url);
    }
}
