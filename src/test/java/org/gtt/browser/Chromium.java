package org.gtt.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright: never a browser download. Where no Chromium is installed
 * the browser tests are skipped with a message, except under CI, where that is a failure.
 */
public final class Chromium implements AutoCloseable {
    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() throws IOException {
        if (!Files.isExecutable(EXECUTABLE)) {
            if (System.getenv("CI") != null) fail("CI is set but " + EXECUTABLE + " is missing: install it with apt-get install -y chromium");
            assumeTrue(false, "browser tests skipped: no Chromium at " + EXECUTABLE + " (apt-get install -y chromium)");
        }
        // Chromium writes its profile under HOME; keep it out of the user's home.
        Path home = Files.createTempDirectory("gtt-chromium-home");
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(java.util.Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1", "HOME", home.toString())));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
        return new Chromium(playwright, browser);
    }

    /** A fresh page that records console errors and failed requests into {@code problems}. */
    public Page newPage(List<String> problems) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1200, 900));
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) problems.add("console error: " + describe(message));
        });
        page.onPageError(error -> problems.add("page error: " + error));
        page.onRequestFailed(request -> problems.add("request failed: " + request.url() + " " + request.failure()));
        return page;
    }

    public Page newPage() {
        return newPage(new ArrayList<>());
    }

    /** As {@link #newPage(List)}, and any request to /api/ is a problem too: a snapshot never asks the API. */
    public Page newSnapshotPage(List<String> problems) {
        Page page = newPage(problems);
        page.onRequest(request -> {
            if (request.url().contains("/api/")) problems.add("request to the API: " + request.url());
        });
        return page;
    }

    /** The page's WCAG 2 A/AA violations found by axe, one line each; empty when there are none. */
    public static String accessibilityViolations(Page page) {
        return violations(new com.deque.html.axecore.playwright.AxeBuilder(page));
    }

    /** The same audit of the part of the page that {@code selector} names (quicker on a large page). */
    public static String accessibilityViolations(Page page, String selector) {
        return violations(new com.deque.html.axecore.playwright.AxeBuilder(page).include(List.of(selector)));
    }

    private static String violations(com.deque.html.axecore.playwright.AxeBuilder axe) {
        return axe.withTags(List.of("wcag2a", "wcag2aa")).analyze()
                .getViolations().stream()
                .map(v -> v.getId() + ": " + v.getHelp() + " " + v.getNodes().stream().map(n -> n.getTarget().toString()).toList())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String describe(ConsoleMessage message) {
        return message.text() + " at " + message.location();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
