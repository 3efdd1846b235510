package org.gtt.web.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.gtt.api.ComputeGate;
import org.gtt.web.GradientApi;
import org.gtt.web.RouteModule;
import org.gtt.web.RunningSite;
import org.gtt.web.admission.AdmissionControl;
import org.gtt.web.admission.ClientAddress;
import org.gtt.web.admission.ComputeRateLimit;
import org.gtt.web.admission.RateLimiter;
import org.junit.jupiter.api.Test;

/** Health, readiness, the access log, the rate limit, admission and graceful shutdown, on a real port. */
class OperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    /** Estimated ≈ 7 ms: expensive for a server whose threshold is 5 ms; the default chart (≈ 1.2 ms) is cheap. */
    private static final String EXPENSIVE = "api/v1/gradients?model=rnn&steps=200&hidden=32&seed=";

    private static HttpResponse<String> get(RunningSite site, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(site.url(path)));
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAndReadinessFollowTheLifecycle() throws Exception {
        Lifecycle lifecycle = Lifecycle.starting();
        try (RunningSite site = RunningSite.start("/course/", List.of(), lifecycle, null, ClientAddress.peerOnly())) {
            HttpResponse<String> health = get(site, "healthz");
            assertEquals(200, health.statusCode());
            assertTrue(JSON.readTree(health.body()).get("version").asText().matches("\\d+\\.\\d+\\.\\d+.*"), health.body());

            HttpResponse<String> starting = get(site, "readyz");
            assertEquals(503, starting.statusCode());
            assertEquals("starting", JSON.readTree(starting.body()).get("status").asText());
            assertTrue(starting.headers().firstValue("Retry-After").isPresent());

            lifecycle.markReady();
            assertEquals(200, get(site, "readyz").statusCode());
            lifecycle.markDraining();
            HttpResponse<String> draining = get(site, "readyz");
            assertEquals(503, draining.statusCode());
            assertEquals("draining", JSON.readTree(draining.body()).get("status").asText());
            assertEquals(200, get(site, "healthz").statusCode(), "alive while draining");
        }
    }

    @Test
    void everyRequestIsOneJsonLineWithTheClientBehindATrustedProxy() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ClientAddress clients = ClientAddress.trusting("127.0.0.1");
        try (RunningSite site = RunningSite.start("/", List.of(new GradientApi()), Lifecycle.ready(),
                new PrintStream(log, true, StandardCharsets.UTF_8), clients)) {
            String query = "api/v1/gradients?model=rnn&steps=7&seed=" + "1".repeat(15);
            assertEquals(200, get(site, query, "X-Forwarded-For", "198.51.100.7").statusCode());
            assertEquals(200, get(site, query).statusCode());
            assertEquals(404, get(site, "no-such-page/").statusCode());
            List<JsonNode> lines = awaitLines(log, 3);
            JsonNode computed = lines.get(0);
            assertEquals("GET", computed.get("method").asText());
            assertEquals("/api/v1/gradients", computed.get("path").asText());
            assertEquals(200, computed.get("status").asInt());
            assertTrue(computed.get("bytes").asLong() > 100);
            assertTrue(computed.get("ms").asDouble() >= 0);
            assertEquals("miss", computed.get("cache").asText());
            assertEquals("198.51.100.7", computed.get("client").asText());
            assertTrue(computed.get("time").asText().endsWith("Z"));
            assertEquals("hit", lines.get(1).get("cache").asText());
            assertEquals("127.0.0.1", lines.get(1).get("client").asText());
            assertEquals(404, lines.get(2).get("status").asInt());
            assertFalse(lines.get(2).has("cache"), "pages have no API cache");

            String huge = "api/v1/gradients?model=rnn&steps=" + "9".repeat(5000);
            assertEquals(400, get(site, huge).statusCode());
            JsonNode cut = awaitLines(log, 4).get(3);
            assertTrue(cut.get("query").asText().length() <= AccessLog.MAX_QUERY + 1, "a long query is cut short");
        }
    }

    @Test
    void theComputingEndpointsAreRateLimitedPerClientWith429AndRetryAfter() throws Exception {
        RateLimiter limiter = new RateLimiter(0.2, 2);
        ClientAddress clients = ClientAddress.trusting("127.0.0.1");
        try (RunningSite site = RunningSite.start("/", List.of(new ComputeRateLimit(limiter, clients), new GradientApi()),
                Lifecycle.ready(), null, clients)) {
            String chart = "api/v1/gradients?model=rnn&steps=5";
            String[] alice = {"X-Forwarded-For", "203.0.113.1"};
            assertEquals(200, get(site, chart, alice).statusCode());
            assertEquals(200, get(site, chart, alice).statusCode());
            HttpResponse<String> refused = get(site, chart, alice);
            assertEquals(429, refused.statusCode());
            assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertTrue(JSON.readTree(refused.body()).get("error").asText().contains("too many requests"), refused.body());
            assertEquals(429, CLIENT.send(HttpRequest.newBuilder(URI.create(site.url("api/v1/gradients")))
                    .header("X-Forwarded-For", "203.0.113.1").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"rnn\"}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode(),
                    "POST counts too");
            assertEquals(200, get(site, chart, "X-Forwarded-For", "203.0.113.2").statusCode(), "another client is not affected");
            assertEquals(200, get(site, "api/v1/models", alice).statusCode(), "the model list does not compute");
            assertEquals(200, get(site, "", alice).statusCode(), "pages are never limited");
        }
    }

    @Test
    void expensiveWorkBeyondThePoolIsRefusedAtOnceWhileCheapWorkGoesOn() throws Exception {
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 0, 5));
             RunningSite site = RunningSite.start("/", List.of(new GradientApi(1 << 20, admission)))) {
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch occupied = new CountDownLatch(1);
            CompletableFuture<Object> blocker = CompletableFuture.supplyAsync(() -> admission.run(1e6, () -> {
                occupied.countDown();
                return awaitQuietly(release);
            }));
            assertTrue(occupied.await(10, TimeUnit.SECONDS));

            // The pool stays taken until release: an answer at all (rather than a hang) means it did not wait.
            HttpResponse<String> refused = get(site, EXPENSIVE + "1");
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertEquals("application/json", refused.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(200, get(site, "api/v1/gradients?model=rnn&seed=77").statusCode(), "the default chart is computed meanwhile");

            release.countDown();
            blocker.get(10, TimeUnit.SECONDS);
            assertEquals(200, get(site, EXPENSIVE + "1").statusCode(), "admitted once the pool is free");
        }
    }

    @Test
    void shutdownStopsAcceptingLetsInFlightRequestsFinishAndStopsModules() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ComputeGate held = new ComputeGate() {
            @Override
            public <T> T run(double estimatedMillis, Supplier<T> work) {
                awaitQuietly(release);
                return work.get();
            }
        };
        AtomicBoolean moduleStopped = new AtomicBoolean();
        RouteModule jobs = new RouteModule() {
            @Override
            public void register(JavalinConfig config) {}

            @Override
            public void shutDown() {
                moduleStopped.set(true);
            }
        };
        RunningSite site = RunningSite.start("/", List.of(new GradientApi(1 << 20, held), jobs));
        int port = site.port();
        CompletableFuture<HttpResponse<String>> inFlight = CLIENT.sendAsync(
                HttpRequest.newBuilder(URI.create(site.url("api/v1/gradients?model=rnn&steps=3"))).build(), HttpResponse.BodyHandlers.ofString());
        while (site.server().lifecycle().inFlight() == 0) Thread.sleep(5);

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return site.server().shutDown(Duration.ofSeconds(20));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepts(port) && System.nanoTime() < deadline) Thread.sleep(10);
        assertFalse(accepts(port), "no new connections while draining");
        assertEquals(Lifecycle.State.DRAINING, site.server().lifecycle().state());
        assertTrue(moduleStopped.get(), "modules told to stop their long-running work");
        assertFalse(stopped.isDone(), "waits for the request in flight");

        release.countDown();
        HttpResponse<String> answer = inFlight.get(20, TimeUnit.SECONDS);
        assertEquals(200, answer.statusCode());
        assertEquals("close", answer.headers().firstValue("Connection").orElse(""), "asks the client to reconnect elsewhere");
        assertTrue(stopped.get(20, TimeUnit.SECONDS), "every request finished");
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Object awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    private static List<JsonNode> awaitLines(ByteArrayOutputStream log, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            List<String> lines = log.toString(StandardCharsets.UTF_8).lines().toList();
            if (lines.size() >= count || System.nanoTime() > deadline) {
                List<JsonNode> parsed = new java.util.ArrayList<>();
                for (String line : lines) parsed.add(JSON.readTree(line));
                assertTrue(parsed.size() >= count, "log lines: " + lines);
                return parsed;
            }
            Thread.sleep(10);
        }
    }
}
