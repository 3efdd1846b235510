package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.train.jobs.TrainingJobs;
import org.gtt.web.GradientApi;
import org.gtt.web.RunningSite;
import org.gtt.web.TrainingApi;
import org.gtt.web.ops.Lifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training race live, in a real Chromium against the real server and trainer: Start streams and the
 * chart, progress bars and strips follow; Stop ends the job on the server; refusals are explained. The pool
 * holds one running job and no queue, so a second race is refused with 429 as a full pool would refuse it.
 * Races are short (T = 10, the budget set in the test) to keep the suite quick.
 */
class TrainWidgetLiveBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    @TempDir static Path temp;
    private static Chromium chromium;
    private static TrainingApi training;
    private static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        Files.createDirectories(SCREENSHOTS);
        training = new TrainingApi(new TrainingJobs.Settings(1, 0, Duration.ofSeconds(60)), Lifecycle.ready());
        site = RunningSite.start(ShortRaceCourse.write(temp.resolve("content")), List.of(new GradientApi(), training));
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    /** Every test leaves the pool empty: nothing trains for a page that is gone. */
    @AfterEach
    void poolIsEmpty() throws Exception {
        awaitPoolEmpty();
    }

    @Test
    void startStreamsTheRaceAndStopEndsTheJobOnTheServer() throws Exception {
        List<String> problems = new ArrayList<>();
        List<String> requests = new CopyOnWriteArrayList<>();
        Page page = open(site.url("race/?train.iterations=3000&train.steps=50"), problems, requests);
        Locator widget = page.locator("#widget-train");
        assertTrue(widget.locator(".widget-status").textContent().contains("train the ticked models on the server"));
        widget.locator("[data-action=start]").click();
        page.waitForFunction("() => Number(document.getElementById('widget-train').getAttribute('data-iteration')) >= 100");
        assertEquals(1, training.jobs().running(), "the race trains on the server");
        List<?> rnnLoss = (List<?>) page.evaluate("() => window.GttWidgets.get('train').plot.data[1]");
        assertTrue(rnnLoss.size() >= 3 && rnnLoss.get(1) instanceof Number, "the chart follows the stream: " + rnnLoss);
        assertTrue(TrainWidgetBrowserTest.stripIsPainted(page, 0), "the RNN's heat strip is drawn");
        assertTrue(Double.parseDouble(widget.locator("progress").first().getAttribute("value")) >= 100, "the progress bar moves");
        assertTrue(widget.locator(".widget-rate").first().textContent().contains("it/s"));
        widget.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("train-live.png")));

        String job = widget.getAttribute("data-job");
        widget.locator("[data-action=stop]").click();
        page.waitForFunction("() => document.getElementById('widget-train').getAttribute('data-race') !== 'running'");
        awaitPoolEmpty();
        assertTrue(requests.contains("DELETE " + site.url("api/v1/train/" + job)), "Stop sent DELETE for the job: " + requests);
        assertTrue(widget.locator(".widget-status").textContent().contains("Stopped"));

        // The slot is free again: a short race from the same page runs to its end.
        page.evaluate("() => { const budget = document.querySelector('#widget-train [name=iterations]');"
                + " budget.value = '100'; budget.dispatchEvent(new Event('change', { bubbles: true })); }");
        widget.locator("[data-action=start]").click();
        page.waitForFunction("() => document.getElementById('widget-train').getAttribute('data-race') === 'budget'");
        assertEquals(6, widget.locator(".widget-table tbody tr").count(), "3 runners × 2 reports");
        assertTrue(widget.locator(".widget-status").textContent().contains("Finished after"));
        String lastBody = requests.stream().filter(r -> r.startsWith("POST ")).reduce((a, b) -> b).orElseThrow();
        assertEquals(JSON.readTree("{\"models\":[\"rnn\",\"lstm\",\"gru\"],\"steps\":50,\"hidden\":16,\"learningRate\":0.01,"
                + "\"clip\":1,\"iterations\":100,\"seed\":1}"), JSON.readTree(lastBody.substring(lastBody.indexOf('{'))));
        assertTrue(page.url().contains("train.iterations=100"), "the state is in the address: " + page.url());
        assertEquals(List.of(), withoutAbortedStreams(problems));
        page.close();
    }

    @Test
    void aFullPoolIsRetriedAfterRetryAfterAndARefusedFieldIsNamed() throws Exception {
        Page first = open(site.url("race/?train.iterations=3000&train.steps=100"), new ArrayList<>(), new ArrayList<>());
        first.locator("#widget-train [data-action=start]").click();
        first.waitForFunction("() => document.getElementById('widget-train').hasAttribute('data-job')");

        List<String> problems = new ArrayList<>();
        Page second = open(site.url("race/"), problems, new ArrayList<>());
        Locator widget = second.locator("#widget-train");
        widget.locator("[data-action=start]").click();
        second.waitForFunction("() => document.querySelector('#widget-train .widget-status').textContent.includes('busy')");
        String busy = widget.locator(".widget-status").textContent();
        Matcher seconds = Pattern.compile("The server is busy, retrying in (\\d+) s\\.").matcher(busy);
        assertTrue(seconds.find(), busy);
        // The retry after Retry-After (the server's estimate, up to a minute) finds the slot free and the race runs.
        first.locator("#widget-train [data-action=stop]").click();
        second.waitForFunction("() => document.getElementById('widget-train').hasAttribute('data-job')",
                null, new Page.WaitForFunctionOptions().setTimeout(1000 * (Integer.parseInt(seconds.group(1)) + 20)));
        widget.locator("[data-action=stop]").click();
        second.waitForFunction("() => document.getElementById('widget-train').getAttribute('data-race') !== 'running'");
        first.close();

        // A value no control offers (set through the page, as a crafted address could not): the server's 400 names it.
        second.evaluate("() => { const rate = document.querySelector('#widget-train [name=learningRate]');"
                + " rate.add(new Option('5', '5')); rate.value = '5'; rate.dispatchEvent(new Event('change', { bubbles: true })); }");
        awaitPoolEmpty();
        widget.locator("[data-action=start]").click();
        second.waitForFunction("() => document.querySelector('#widget-train .widget-status').textContent.includes('learningRate')");
        assertTrue(widget.locator(".widget-status").textContent().contains("cannot use these settings"));
        assertEquals("false", second.evaluate("() => String(document.querySelector('#widget-train [data-action=start]').disabled)"),
                "Start is offered again");
        assertEquals(List.of(), withoutAbortedStreams(problems).stream().filter(p -> !p.contains("status of 429") && !p.contains("status of 400")).toList());
        second.close();
    }

    @Test
    void aLostConnectionIsSaidAndRetryStartsAgain() throws Exception {
        try (CuttableProxy network = new CuttableProxy(site.port())) {
            List<String> problems = new ArrayList<>();
            Page page = open("http://127.0.0.1:" + network.port() + "/race/?train.iterations=3000&train.steps=100", problems, new ArrayList<>());
            Locator widget = page.locator("#widget-train");
            widget.locator("[data-action=start]").click();
            page.waitForFunction("() => Number(document.getElementById('widget-train').getAttribute('data-iteration')) >= 50");
            network.cut();
            page.waitForSelector("#widget-train .widget-retry");
            assertTrue(widget.locator(".widget-status").textContent().contains("connection to the server was lost"));
            awaitPoolEmpty(); // the server saw the connection close and cancelled the job
            widget.locator(".widget-retry").click();
            page.waitForFunction("() => document.getElementById('widget-train').getAttribute('data-race') === 'running'"
                    + " && Number(document.getElementById('widget-train').getAttribute('data-iteration')) < 3000");
            widget.locator("[data-action=stop]").click();
            page.waitForFunction("() => document.getElementById('widget-train').getAttribute('data-race') !== 'running'");
            page.close();
        }
    }

    private static Page open(String url, List<String> problems, List<String> requests) {
        Page page = chromium.newPage(problems);
        page.onRequest(request -> requests.add(request.method() + " " + request.url()
                + (request.postData() == null ? "" : " " + request.postData())));
        page.navigate(url);
        page.waitForFunction("() => document.getElementById('widget-train').hasAttribute('data-shown')");
        return page;
    }

    /** A stream the page closed itself (Stop, or going offline) is reported by Chromium as aborted: not a fault. */
    private static List<String> withoutAbortedStreams(List<String> problems) {
        return problems.stream().filter(p -> !(p.contains("/api/v1/train") && p.contains("ERR_ABORTED"))).toList();
    }

    private static void awaitPoolEmpty() throws InterruptedException {
        for (int i = 0; i < 100 && (training.jobs().running() > 0 || training.jobs().queued() > 0); i++) Thread.sleep(50);
        assertEquals(0, training.jobs().running() + training.jobs().queued(), "no job is left on the server");
    }
}
