package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.gtt.api.TrainingJson;
import org.gtt.api.TrainingRequestParser;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;
import org.gtt.train.jobs.TrainingJobs;
import org.gtt.web.admission.ClientAddress;
import org.gtt.web.ops.Lifecycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * POST /api/v1/train and DELETE /api/v1/train/{id} on a real port: the event stream's frames and numbers, bad
 * input, the full pool's 429, cancelling by id, by closing the connection and by shutting down. The races are
 * tiny (T = 5, n = 4) unless a test needs one that outlives it (then it is cancelled long before its budget).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainingApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String TINY = "{\"models\": [\"rnn\", \"lstm\"], \"steps\": 5, \"hidden\": 4, \"batch\": 4,"
            + " \"iterations\": 20, \"reportEvery\": 10}";
    /**
     * Runs far longer than any test waits for it (the pool's time limit stops it at worst): at a learning rate of 10⁻⁵
     * the GRU stays near chance for its whole budget, so it never ends by solving, however fast the trainer gets.
     */
    private static final String LONG = "{\"models\": [\"gru\"], \"steps\": 20, \"hidden\": 8, \"batch\": 8,"
            + " \"learningRate\": 0.00001, \"iterations\": 20000, \"reportEvery\": 1000}";

    private static final Lifecycle LIFECYCLE = Lifecycle.ready();
    private static TrainingApi api;
    private static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        api = new TrainingApi(new TrainingJobs.Settings(2, 1, Duration.ofSeconds(30)), LIFECYCLE);
        site = RunningSite.start("/", List.of(api), LIFECYCLE, null, ClientAddress.peerOnly());
    }

    @AfterAll
    static void stop() {
        site.close();
        api.shutDown();
    }

    @AfterEach
    void poolIsIdleAgain() throws Exception {
        await(() -> api.jobs().running() == 0 && api.jobs().queued() == 0, "every job ended");
    }

    /** One event as the stream framed it. */
    record Event(String name, JsonNode data) {}

    /** A stream being read: its response headers and its events as they arrive (a null name: the stream ended). */
    record Stream(HttpResponse<java.util.stream.Stream<String>> response, BlockingQueue<Event> events) {
        Event next() throws InterruptedException {
            Event event = events.poll(20, TimeUnit.SECONDS);
            assertTrue(event != null, "an event within 20 s");
            return event;
        }

        /** Every event up to the end of the stream. */
        List<Event> rest() throws InterruptedException {
            List<Event> all = new ArrayList<>();
            for (Event event = next(); event.name() != null; event = next()) all.add(event);
            return all;
        }
    }

    private static HttpRequest.Builder post(String body) {
        return HttpRequest.newBuilder(URI.create(site.url("api/v1/train"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static Stream open(String body) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = CLIENT.send(post(body).build(), HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        if (response.statusCode() == 200) {
            Thread reader = new Thread(() -> readEvents(response.body().iterator(), events), "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }
        return new Stream(response, events);
    }

    /** Frames: "event: NAME", "data: JSON", a blank line; lines starting with ":" are comments (keep-alives). */
    private static void readEvents(Iterator<String> lines, BlockingQueue<Event> events) {
        String name = null;
        String data = null;
        try {
            while (lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ")) data = line.substring(6);
                else if (line.isEmpty() && data != null) {
                    events.add(new Event(name, JSON.readTree(data)));
                    name = null;
                    data = null;
                } else if (!line.isEmpty() && !line.startsWith(":")) {
                    throw new AssertionError("not an SSE line: " + line);
                }
            }
        } catch (Exception e) {
            events.add(new Event("reader failed: " + e, null));
        }
        events.add(new Event(null, null));
    }

    private static HttpResponse<String> delete(String id) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(site.url("api/v1/train/" + id))).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within 5 s");
            Thread.sleep(10);
        }
    }

    /** The stream carries the race the trainer runs in-process with the same parameters, number for number. */
    @Test
    void aShortRaceStreamsStartedProgressAndDone() throws Exception {
        Stream stream = open(TINY);
        assertEquals(200, stream.response().statusCode());
        assertEquals("text/event-stream", stream.response().headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", stream.response().headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no", stream.response().headers().firstValue("X-Accel-Buffering").orElseThrow());

        Event started = stream.next();
        assertEquals("started", started.name());
        assertTrue(started.data().get("id").asText().matches("[0-9a-f]{32}"), started.data().toString());
        TrainingParameters parameters = TrainingRequestParser.parse(TINY.getBytes(StandardCharsets.UTF_8));
        assertEquals(reread(TrainingJson.parameters(parameters)), started.data().get("parameters"));

        List<Event> rest = stream.rest();
        List<Race.Progress> expected = new ArrayList<>();
        Race.Finish finish = Race.run(parameters, expected::add);
        assertEquals(List.of("progress", "progress", "done"), rest.stream().map(Event::name).toList());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = withoutTimings(reread(TrainingJson.progress(expected.get(i))));
            assertEquals(want, withoutTimings(rest.get(i).data()), "progress " + i);
        }
        JsonNode models = rest.get(1).data().get("models");
        assertEquals(20, rest.get(1).data().get("iteration").asInt());
        assertEquals(5, models.get(0).get("stepGradientNorms").size(), "one norm per step, T = 5");
        assertEquals(5, models.get(1).get("cellGradientNorms").size(), "the lstm's cell norms");
        JsonNode done = rest.get(2).data();
        assertEquals("budget", done.get("stoppedBy").asText());
        assertEquals(reread(TrainingJson.done(finish)).get("solvedAt"), done.get("solvedAt"));
        assertTrue(done.get("seconds").asDouble() >= 0);
    }

    /** As a client reads it (numbers typed by their text, as in the stream). */
    private static JsonNode reread(com.fasterxml.jackson.databind.node.ObjectNode node) throws Exception {
        return JSON.readTree(TrainingJson.text(node));
    }

    private static JsonNode withoutTimings(JsonNode progress) {
        JsonNode copy = progress.deepCopy();
        for (JsonNode model : copy.get("models")) ((com.fasterxml.jackson.databind.node.ObjectNode) model).remove("iterationsPerSecond");
        return copy;
    }

    @Test
    void badRequestsAre400sNamingTheField() throws Exception {
        String[][] cases = {
                {"{\"steps\": 1}", "steps"}, {"{\"models\": [\"rnn\", \"rnn\"]}", "models"}, {"{\"models\": []}", "models"},
                {"{\"colour\": \"red\"}", "colour"}, {"{\"clip\": \"none\"}", "clip"}, {"{\"iterations\": 1e9}", "iterations"}};
        for (String[] bad : cases) {
            HttpResponse<String> response = CLIENT.send(post(bad[0]).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, response.statusCode(), bad[0]);
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode body = JSON.readTree(response.body());
            assertEquals(bad[1], body.get("field").asText(), response.body());
            assertTrue(body.get("error").isTextual() && body.has("allowed"), response.body());
        }
        HttpResponse<String> malformed = CLIENT.send(post("{\"steps\": ").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, malformed.statusCode());
        assertTrue(JSON.readTree(malformed.body()).get("error").asText().startsWith("malformed JSON"), malformed.body());
        HttpResponse<String> notJson = CLIENT.send(HttpRequest.newBuilder(URI.create(site.url("api/v1/train")))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, notJson.statusCode());
        assertEquals("Content-Type", JSON.readTree(notJson.body()).get("field").asText());
        HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create(site.url("api/v1/train"))).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(get.statusCode() == 404 || get.statusCode() == 405, "GET starts nothing: " + get.statusCode());
        assertTrue(JSON.readTree(get.body()).has("error"));
    }

    /** Two run, one waits (and hears where), the next is refused at once; DELETE ends each, the waiting one too. */
    @Test
    void aFullPoolRefusesWith429AndDeleteCancels() throws Exception {
        List<Stream> streams = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Stream stream = open(LONG);
            assertEquals(200, stream.response().statusCode());
            Event started = stream.next();
            ids.add(started.data().get("id").asText());
            streams.add(stream);
        }
        Event queued = streams.get(2).next();
        assertEquals("queued", queued.name());
        assertEquals(ids.get(2), queued.data().get("id").asText());
        assertEquals(1, queued.data().get("position").asInt());
        assertEquals(2, api.jobs().running());

        long start = System.nanoTime();
        HttpResponse<String> refused = CLIENT.send(post(TINY).build(), HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        assertEquals(429, refused.statusCode(), refused.body());
        assertTrue(millis < 1000, "refused at once, not after waiting: " + millis + " ms");
        assertTrue(Integer.parseInt(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        assertTrue(JSON.readTree(refused.body()).get("error").asText().contains("training slot"), refused.body());

        assertEquals(204, delete(ids.get(2)).statusCode(), "the waiting job");
        assertEquals(204, delete(ids.get(0)).statusCode(), "a running job");
        assertEquals(204, delete(ids.get(1)).statusCode());
        for (Stream stream : streams) {
            List<Event> rest = stream.rest();
            Event done = rest.get(rest.size() - 1);
            assertEquals("done", done.name());
            assertEquals("cancelled", done.data().get("stoppedBy").asText());
        }
        HttpResponse<String> again = delete(ids.get(0));
        assertEquals(404, again.statusCode(), "a finished job is gone");
        assertEquals("id", JSON.readTree(again.body()).get("field").asText());
        assertEquals(404, delete("not-a-job").statusCode());
    }

    /** A client that hangs up stops its job: the next write fails (keep-alives come every 100 ms) and the race ends. */
    @Test
    void closingTheConnectionCancelsTheJob() throws Exception {
        byte[] body = LONG.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", site.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/train HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            while (!seen.toString(StandardCharsets.UTF_8).contains("event: started")) seen.write(in.read());
            await(() -> api.jobs().running() == 1, "the job runs");
        }
        long closed = System.nanoTime();
        await(() -> api.jobs().running() == 0, "the job stops after the client left");
        assertTrue((System.nanoTime() - closed) / 1e9 < 2, "within two seconds");
    }

    /** Draining refuses new jobs with 503; the shutdown cancels the running one, whose stream ends with done. Last: it stops the server. */
    @Test
    @Order(Integer.MAX_VALUE)
    void shutdownCancelsJobsAndDrainingRefusesNewOnes() throws Exception {
        Stream stream = open(LONG);
        assertEquals(200, stream.response().statusCode());
        assertEquals("started", stream.next().name());

        LIFECYCLE.markDraining();
        HttpResponse<String> refused = CLIENT.send(post(TINY).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());

        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(() -> {
            try {
                return site.server().shutDown(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        List<Event> rest = stream.rest();
        assertEquals("cancelled", rest.get(rest.size() - 1).data().get("stoppedBy").asText());
        assertTrue(stopped.get(15, TimeUnit.SECONDS), "every request finished within the drain time");
    }
}
