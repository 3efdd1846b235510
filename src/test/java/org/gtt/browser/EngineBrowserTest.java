package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.gtt.api.ApiException;
import org.gtt.api.CliffQueries;
import org.gtt.api.CliffService;
import org.gtt.api.GradientService;
import org.gtt.api.Gradients;
import org.gtt.api.PastedWeights;
import org.gtt.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built snapshot with the in-browser engine (issue 11), in Debian's Chromium: served by a plain static file
 * server and opened from file://, every slider of every gradient widget redraws its chart with no request to
 * /api/, no failed request and no console error, also under a Content-Security-Policy without eval; the
 * engine's answers are the server's, byte for byte; and where it cannot run (no Wasm GC) the widgets keep their
 * baked charts and say so.
 */
class EngineBrowserTest {
    /** A strict policy as a static host might send it (under /strict/): WebAssembly allowed, JavaScript eval not. */
    private static final String CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"
            + " img-src 'self' data: blob:; connect-src 'self'";
    private static final List<String> LESSONS = List.of("deep-feedforward/", "backprop-through-time/", "lstm/", "gru/",
            "activations-and-initialisation/", "zh/backprop-through-time/");

    @TempDir static Path temp;
    private static Chromium chromium;
    private static Path site;
    private static StaticFileServer server;

    @BeforeAll
    static void buildServeAndLaunch() throws Exception {
        site = temp.resolve("snapshot");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log);
        assertEquals(0, Main.run(new String[] {"build", "--out", site.toString()}, out, out), log.toString());
        server = StaticFileServer.start(site, CSP);
        chromium = Chromium.launch();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    private static String served(String path) {
        return server.url(path);
    }

    @Test
    void theSnapshotCarriesTheModuleItsLoaderAndTheScriptForm() throws Exception {
        byte[] module = Files.readAllBytes(site.resolve("static/wasm/engine.wasm"));
        assertEquals("\0asm", new String(module, 0, 4, StandardCharsets.ISO_8859_1), "the WebAssembly magic number");
        assertTrue(Files.isRegularFile(site.resolve("static/js/engine/loader.js")), "the loader");
        assertTrue(!Files.exists(site.resolve("static/wasm/classes.wasm-runtime.js")), "not TeaVM's loader, which needs eval");
        assertTrue(Files.readString(site.resolve("static/wasm/engine-wasm.js")).contains("GTTEngineWasm"), "the base64 form");
        assertTrue(Files.isRegularFile(site.resolve("static/js/engine/worker.js")));
    }

    @Test
    void servedByAStaticServerEverySliderRedrawsItsChart() {
        for (String lesson : LESSONS) everySliderRedraws(served(lesson + "index.html"));
    }

    @Test
    void fromDiskEverySliderRedrawsItsChart() {
        for (String lesson : List.of("backprop-through-time/", "lstm/")) {
            everySliderRedraws(site.resolve(lesson + "index.html").toUri().toString());
        }
    }

    private static void everySliderRedraws(String url) {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newSnapshotPage(problems);
        page.navigate(url);
        page.waitForFunction("() => [...document.querySelectorAll('.widget')].every(w => w.hasAttribute('data-shown'))");
        int sliders = 0;
        for (Locator widget : page.locator(".widget[data-widget]").all()) {
            String id = widget.getAttribute("id").substring("widget-".length());
            for (Locator slider : widget.locator("input[type=range]").all()) {
                if (slider.isDisabled()) continue;
                Object before = page.evaluate("id => JSON.stringify(window.GttWidgets.get(id).plot.data)", id);
                String shown = widget.getAttribute("data-shown");
                slider.press(slider.evaluate("s => Number(s.value) < Number(s.max)").equals(Boolean.TRUE) ? "ArrowRight" : "ArrowLeft");
                try {
                    page.waitForFunction("([id, shown]) => { const w = document.getElementById('widget-' + id);"
                            + " return w.getAttribute('data-shown') !== shown && !w.hasAttribute('aria-busy'); }", List.of(id, shown));
                } catch (RuntimeException e) {
                    throw new AssertionError(url + " " + id + ": no redraw; status '" + widget.locator(".widget-status").textContent()
                            + "', problems " + problems, e);
                }
                Object after = page.evaluate("id => JSON.stringify(window.GttWidgets.get(id).plot.data)", id);
                assertNotEquals(before, after, url + " " + id + " " + slider.getAttribute("name") + ": the chart changed");
                assertEquals("", widget.locator(".widget-status").textContent(), id + ": no message");
                sliders++;
            }
        }
        assertTrue(sliders > 0, url + ": the page has sliders");
        assertEquals(List.of(), problems, url);
        page.close();
    }

    @Test
    void theEnginesAnswersAreTheServersByteForByte() {
        GradientService service = new GradientService(1 << 20);
        List<Map<String, Object>> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Map<String, String> query : queries()) {
            requests.add(Map.of("endpoint", "gradients", "method", "GET", "query", query));
            Map<String, List<String>> asLists = new LinkedHashMap<>();
            query.forEach((k, v) -> asLists.put(k, List.of(v)));
            expected.add(answer(() -> service.fromQuery(asLists).body()));
        }
        Random random = new Random(7);
        for (String body : bodies(random)) {
            requests.add(Map.of("endpoint", "gradients", "method", "POST", "bodyText", body));
            expected.add(answer(() -> service.fromJson(body.getBytes(StandardCharsets.UTF_8)).body()));
        }
        assertTheEngineAnswers(requests, expected);
    }

    /**
     * The cliff's grid and descents (issue 11's cliff widget in the snapshot): defaults, the bounds, n = 201, steps 1
     * and 200, every clip mode, plain descents, descents that leave the box with their note, and refusals of every
     * field with their 400 JSON, all the server's bytes.
     */
    @Test
    void theEnginesCliffAnswersAreTheServersByteForByte() {
        CliffService service = new CliffService(1 << 20);
        List<Map<String, Object>> requests = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Map<String, String> query : concat(CliffQueries.grids(), CliffQueries.refusedGrids())) {
            requests.add(Map.of("endpoint", "cliff", "method", "GET", "query", new TreeMap<>(query)));
            expected.add(answer(() -> service.grid(CliffQueries.lists(query)).body()));
        }
        for (Map<String, String> query : concat(CliffQueries.descents(), CliffQueries.refusedDescents())) {
            requests.add(Map.of("endpoint", "cliff/descent", "method", "GET", "query", new TreeMap<>(query)));
            expected.add(answer(() -> service.descent(CliffQueries.lists(query)).body()));
        }
        assertTrue(expected.stream().anyMatch(e -> e.startsWith("200 ") && !e.endsWith("\"note\":null}")),
                "a descent that leaves the box");
        assertTrue(expected.stream().filter(e -> e.startsWith("400 ")).count() >= 20, "the refusals");
        assertTheEngineAnswers(requests, expected);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    /** The in-browser engine (in a worker, as a snapshot page uses it) answers each request as {@code expected} says. */
    private static void assertTheEngineAnswers(List<Map<String, Object>> requests, List<String> expected) {
        Page page = chromium.newPage(new ArrayList<>());
        page.navigate(served("backprop-through-time/index.html"));
        List<?> answers = (List<?>) page.evaluate("async requests => { const engine = GTT.sources.get('engine'); const out = [];"
                + " for (const r of requests) { if (r.bodyText) r.body = JSON.parse(r.bodyText); try { out.push('200 ' + await engine.compute(r)); }"
                + " catch (e) { out.push(e.status + ' ' + JSON.stringify(e.body)); } } return out; }", requests);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), answers.get(i), "request " + requests.get(i));
        }
        page.close();
    }

    @Test
    void doublesAreSpelledAsJacksonSpellsThem() {
        Random random = new Random(3);
        int n = 200_000;
        List<String> bits = new ArrayList<>(n);
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long pattern = switch (i % 4) {
                case 0 -> random.nextLong();
                case 1 -> random.nextLong() >>> 12;                        // subnormals and tiny
                case 2 -> Double.doubleToRawLongBits(random.nextGaussian());
                default -> Double.doubleToRawLongBits(Math.round(random.nextDouble() * 1e6) / 1e3);
            };
            double value = Double.longBitsToDouble(pattern);
            if (Double.isNaN(value)) value = Double.MIN_VALUE * (i + 1);
            bits.add(Long.toHexString(Double.doubleToRawLongBits(value)));
            values.add(value);
        }
        Page page = chromium.newPage(new ArrayList<>());
        page.navigate(served("backprop-through-time/index.html"));
        page.addScriptTag(new Page.AddScriptTagOptions().setUrl(served("static/js/engine/codec.js")));
        String spelled = (String) page.evaluate("bits => bits.map(b => { const v = new DataView(new ArrayBuffer(8));"
                + " v.setBigUint64(0, BigInt('0x' + b)); return GTTEngineCodec.javaDouble(v.getFloat64(0)); }).join(' ')", bits);
        String[] spellings = spelled.split(" ");
        int wrong = 0;
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < n; i++) {
            StringBuilder jackson = new StringBuilder();
            GradientService.JACKSON_DOUBLES.append(jackson, values.get(i));
            if (!jackson.toString().equals(spellings[i]) && wrong++ < 5) {
                examples.append(values.get(i)).append(": ").append(spellings[i]).append(" vs ").append(jackson).append('\n');
            }
        }
        assertEquals(0, wrong, examples.toString());
        page.close();
    }

    @Test
    void withoutWasmGcTheWidgetsShowTheirDefaultsAndSaySo() {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newPage(problems);
        page.addInitScript("WebAssembly.validate = () => false;");
        page.navigate(site.resolve("backprop-through-time/index.html").toUri().toString());
        page.waitForFunction("() => [...document.querySelectorAll('.widget')].every(w => w.hasAttribute('data-shown'))");
        Locator rnn = page.locator("#widget-rnn");
        assertTrue(rnn.locator(".widget-status").textContent().contains("WebAssembly GC"), rnn.locator(".widget-status").textContent());
        assertTrue(rnn.locator("input").first().isDisabled());
        assertTrue(((Number) page.evaluate("() => window.GttWidgets.get('rnn').plot.data[1].length")).intValue() > 10);
        assertEquals(List.of(), problems);
        page.close();
    }

    private interface Body {
        byte[] get();
    }

    /**
     * A host that sends a strict policy (WebAssembly allowed, JavaScript eval not): the engine's own loader
     * (loader.js) compiles no JavaScript, so every slider still redraws its chart and Chromium reports no
     * violation (a violation is a console error, which the page's problems collect).
     */
    @Test
    void underAPolicyWithoutEvalEverySliderStillRedrawsItsChart() {
        everySliderRedraws(served("strict/backprop-through-time/index.html"));
        everySliderRedraws(served("strict/cliff-and-clipping/index.html"));
    }

    /**
     * The README's figure: time from a slider's input event to the redrawn chart, median over a dozen moves after
     * the first (which also starts the engine), for the default rnn, lstm and cliff widgets: the snapshot over http
     * (worker) and from disk (page), against serve (the API). Written to target/measurements/engine-slider.txt.
     */
    @Test
    void timePerSliderMoveInTheSnapshotAgainstServe() throws Exception {
        StringBuilder report = new StringBuilder("time per slider move, input event to redrawn chart, median of 12 (ms)\n");
        try (org.gtt.web.RunningSite live = org.gtt.web.RunningSite.start("/",
                List.of(new org.gtt.web.GradientApi(), new org.gtt.web.CliffApi()))) {
            for (String[] widget : new String[][] {{"backprop-through-time/", "rnn"}, {"lstm/", "lstm"}, {"cliff-and-clipping/", "cliff"}}) {
                double[] overHttp = moves(served(widget[0] + "index.html"), widget[1]);
                double[] fromDisk = moves(site.resolve(widget[0] + "index.html").toUri().toString(), widget[1]);
                double[] serve = moves(live.url(widget[0]), widget[1]);
                report.append(String.format(java.util.Locale.ROOT,
                        "%s: snapshot over http %.1f (first move %.0f), from disk %.1f (first %.0f), serve %.1f (first %.0f)%n",
                        widget[1], median(overHttp), overHttp[0], median(fromDisk), fromDisk[0], median(serve), serve[0]));
            }
        }
        System.out.print(report);
        Path measurements = Files.createDirectories(Path.of("target", "measurements"));
        Files.writeString(measurements.resolve("engine-slider.txt"), report);
    }

    /** Thirteen moves of the widget's first slider, right and back; the times of each, the first one first. */
    private static double[] moves(String url, String id) {
        Page page = chromium.newPage(new ArrayList<>());
        page.navigate(url);
        page.waitForFunction("() => [...document.querySelectorAll('.widget')].every(w => w.hasAttribute('data-shown'))");
        page.evaluate("id => { const w = document.getElementById('widget-' + id); window.moves = []; let t0 = 0;"
                + " w.addEventListener('input', () => { t0 = performance.now(); }, true);"
                + " new MutationObserver(() => { if (t0) { window.moves.push(performance.now() - t0); t0 = 0; } })"
                + ".observe(w, { attributes: true, attributeFilter: ['data-shown'] }); }", id);
        Locator slider = page.locator("#widget-" + id + " input[type=range]").first();
        for (int i = 0; i < 13; i++) {
            slider.press(i % 2 == 0 ? "ArrowRight" : "ArrowLeft");
            int done = i + 1;
            page.waitForFunction("n => window.moves.length >= n", done);
        }
        List<?> times = (List<?>) page.evaluate("() => window.moves");
        page.close();
        return times.stream().mapToDouble(t -> ((Number) t).doubleValue()).toArray();
    }

    private static double median(double[] times) {
        double[] rest = java.util.Arrays.copyOfRange(times, 1, times.length);
        java.util.Arrays.sort(rest);
        return rest[rest.length / 2];
    }

    private static String answer(Body body) {
        try {
            return "200 " + new String(body.get(), StandardCharsets.UTF_8);
        } catch (ApiException e) {
            return e.status() + " " + Gradients.errorJson(e);
        }
    }

    /** Every model with every activation and init at the defaults, the bounds, and refusals. */
    private static List<Map<String, String>> queries() {
        List<Map<String, String>> queries = new ArrayList<>();
        for (String init : List.of("gaussian", "orthogonal", "xavier", "he", "identity")) {
            for (String activation : List.of("tanh", "relu", "sigmoid", "linear")) {
                queries.add(Map.of("model", "rnn", "init", init, "activation", activation));
                queries.add(Map.of("model", "mlp", "init", init, "activation", activation));
            }
            queries.add(Map.of("model", "lstm", "init", init));
            queries.add(Map.of("model", "gru", "init", init));
        }
        queries.add(Map.of("model", "rnn", "steps", "500", "hidden", "64", "scale", "10"));
        queries.add(Map.of("model", "rnn", "scale", "0.95", "seed", "4294967295"));
        queries.add(Map.of("model", "lstm", "scale", "100", "forgetBias", "-20", "steps", "200"));
        queries.add(Map.of("model", "lstm", "forgetGate", "false", "forgetBias", "20"));
        queries.add(Map.of("model", "gru", "scale", "100", "updateBias", "20", "steps", "300"));
        queries.add(Map.of("model", "mlp", "steps", "100", "hidden", "64", "scale", "3.5", "activation", "relu"));
        queries.add(Map.of("model", "rnn", "scale", "1.0e0", "steps", "1e2"));
        queries.add(Map.of("model", "rnn", "scale", "1000000"));
        queries.add(Map.of("model", "rnn", "steps", "1.5"));
        queries.add(Map.of("model", "rnn", "activation", "swish"));
        queries.add(Map.of("model", "rnn", "weights", "x"));
        return queries;
    }

    /** Pasted state_dicts for each recurrent model and an MLP, random weights, and refused shapes. */
    private static List<String> bodies(Random random) {
        List<String> bodies = new ArrayList<>();
        for (String model : List.of("rnn", "lstm", "gru")) {
            bodies.add(PastedWeights.body(model, random));
        }
        bodies.add("{\"model\": \"mlp\", \"returnWeights\": true, \"weights\": {\"layers\": [{\"weight\": [[0.25, -1.5e-3], [3, 4]],"
                + " \"bias\": [1e-7, 0]}, {\"weight\": [[1, 2]], \"bias\": [0.1]}]}, \"inputs\": [1, 2], \"target\": [0.5]}");
        bodies.add("{\"model\": \"rnn\", \"weights\": {\"weight_ih_l0\": [[0.5], [-0.3]], \"weight_hh_l0\": [[0.9, 5.0, 1.0], [0.0, 0.9]],"
                + " \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0, 0]}}");
        bodies.add("{\"model\": \"rnn\", \"steps\": 20, \"weights\": {\"weight_ih_l0\": [[0.5], [-0.3]], \"weight_hh_l0\": [[9, 5.0], [0.0, 9]],"
                + " \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0, 0]}, \"activation\": \"linear\"}");
        bodies.add("{\"model\": \"rnn\", \"inputs\": [[[[[[[[[1]]]]]]]]]}");
        return bodies;
    }
}
