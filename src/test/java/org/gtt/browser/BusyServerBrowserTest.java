package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.gtt.web.GradientApi;
import org.gtt.web.RunningSite;
import org.gtt.web.admission.ClientAddress;
import org.gtt.web.admission.ComputeRateLimit;
import org.gtt.web.admission.RateLimiter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A widget against a real server whose rate limit refuses the learner's second quick move (429 with
 * Retry-After): the chart keeps the state it drew, the widget says it will retry, and it does, once.
 */
class BusyServerBrowserTest {
    private static final String RNN_LESSON = "backprop-through-time/";
    private static RunningSite site;
    private static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        chromium = Chromium.launch();
        // One request at once, then one every 2 s: the second move of a quick pair is refused for about 2 s.
        RateLimiter limiter = new RateLimiter(0.5, 1);
        site = RunningSite.start("/", List.of(new ComputeRateLimit(limiter, ClientAddress.peerOnly()), new GradientApi()));
    }

    @AfterAll
    static void stop() {
        if (site != null) site.close();
        if (chromium != null) chromium.close();
    }

    @Test
    void aRefusedMoveKeepsTheLastChartSaysWhenItRetriesAndThenDrawsTheNewState() {
        List<String> problems = new ArrayList<>();
        Page page = chromium.newPage(problems);
        page.navigate(site.url(RNN_LESSON));
        page.waitForFunction("() => document.getElementById('widget-rnn').hasAttribute('data-shown')");

        page.locator("#widget-rnn-scale").press("ArrowRight");
        awaitShown(page, "scale=0.95");
        page.locator("#widget-rnn-scale").press("ArrowRight");
        page.waitForFunction("() => document.querySelector('#widget-rnn .widget-status').textContent.includes('retrying in')");
        String status = page.locator("#widget-rnn .widget-status").textContent();
        assertTrue(status.matches(".*server is busy.*retrying in [12] s\\..*"), status);
        assertTrue(shown(page).contains("scale=0.95"), "the chart still shows the state it drew: " + shown(page));
        assertEquals(0, page.locator("#widget-rnn .widget-retry").count(), "it retries by itself first");

        awaitShown(page, "scale=1");
        assertEquals("", page.locator("#widget-rnn .widget-status").textContent());
        // The refusal is an answer the widget expected, not a page error; Chromium logs the 429 itself.
        problems.removeIf(problem -> problem.contains("429"));
        assertEquals(List.of(), problems);
        page.close();
    }

    private static String shown(Page page) {
        return "&" + page.locator("#widget-rnn").getAttribute("data-shown") + "&";
    }

    private static void awaitShown(Page page, String part) {
        page.waitForFunction("part => ('&' + document.getElementById('widget-rnn').getAttribute('data-shown') + '&').includes('&' + part + '&')", part);
    }
}
