package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gtt.web.admission.AdmissionControl;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random and malformed requests, byte for byte over raw sockets, against the real server:
 * bad JSON, huge numbers, deep nesting, wrong types, unicode and control characters, over-long headers
 * and URLs, traversal paths, bad methods, slow and truncated bodies. Every answer must be a 4xx with a
 * JSON error on the API's addresses (the 404 page, or JSON for what Jetty refuses itself, elsewhere) or
 * a proper 2xx/3xx; never a 5xx, never a stack trace. Afterwards the server gives the same numbers as before.
 * The generator is seeded: a failure names its request and the seed reproduces the run.
 */
class FuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("fuzz.seed", 20261202L);
    private static final int THREADS = 4;

    /** One request: its bytes, how to send them, and a name for the report. */
    record Probe(String kind, byte[] bytes, Delivery delivery, boolean api) {
        String shown() {
            String text = new String(bytes, 0, Math.min(bytes.length, 160), StandardCharsets.ISO_8859_1);
            return kind + ": " + text.replaceAll("[\\r\\n]+", "⏎").replaceAll("[^\\x20-\\x7e⏎]", "?");
        }
    }

    /** All at once; dripped 16 bytes per 40 ms; all but the last 20 bytes, then end of stream; all, then end of stream. */
    enum Delivery { WHOLE, SLOW, TRUNCATED, HALF_CLOSED }

    record Answer(int status, String contentType, String body) {}

    private static final String KNOWN_POST = "{\"model\": \"rnn\", \"steps\": 4, \"hidden\": 2, \"inputSize\": 1,"
            + " \"weights\": {\"weight_ih_l0\": [[0.5], [-0.3]], \"weight_hh_l0\": [[0.9, 0.2], [-0.1, 0.8]],"
            + " \"bias_ih_l0\": [0, 0], \"bias_hh_l0\": [0.1, -0.1]}, \"inputs\": [[1.0], [0.5], [-0.5], [0.0]]}";

    @Test
    void thousandsOfRandomAndMalformedRequestsGetHonestAnswersAndChangeNothing() throws Exception {
        TrainingApi training = new TrainingApi();
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(2, 64, 20));
             RunningSite site = RunningSite.start("/", List.of(new GradientApi(8L << 20, admission), training))) {
            byte[] chartBefore = site.getBytes("api/v1/gradients?model=lstm&steps=20&hidden=8&seed=3").body();
            Answer customBefore = send(site.port(), post(KNOWN_POST, "application/json"), Delivery.WHOLE);
            assertEquals(200, customBefore.status(), customBefore.body());

            Random random = new Random(SEED);
            List<Probe> probes = new ArrayList<>();
            for (int i = 0; i < 1900; i++) probes.add(queryProbe(random));
            for (int i = 0; i < 1900; i++) probes.add(bodyProbe(random));
            for (int i = 0; i < 900; i++) probes.add(rawProbe(random));
            for (int i = 0; i < 400; i++) probes.add(pageProbe(random));
            for (int i = 0; i < 400; i++) probes.add(trainProbe(random));
            for (int i = 0; i < 24; i++) probes.add(new Probe("slow body", post(KNOWN_POST, "application/json"), Delivery.SLOW, true));
            for (int i = 0; i < 40; i++) probes.add(new Probe("truncated body", post(KNOWN_POST, "application/json"), Delivery.TRUNCATED, true));
            Collections.shuffle(probes, random);

            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicInteger unanswered = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (Probe probe : probes) {
                done.add(pool.submit(() -> {
                    try {
                        Answer answer = send(site.port(), probe.bytes(), probe.delivery());
                        if (answer == null) {
                            // A client that stops sending early may simply be hung up on; nothing else may go unanswered.
                            if (probe.delivery() == Delivery.WHOLE || probe.delivery() == Delivery.SLOW) failures.add("no answer to " + probe.shown());
                            unanswered.incrementAndGet();
                            return;
                        }
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        String problem = judge(probe, answer);
                        if (problem != null) failures.add(problem + " — " + probe.shown() + " → " + answer.status() + " "
                                + answer.body().substring(0, Math.min(120, answer.body().length())).replaceAll("\\s+", " "));
                    } catch (IOException e) {
                        failures.add(e + " on " + probe.shown());
                    }
                }));
            }
            for (Future<?> future : done) future.get();
            pool.shutdown();
            System.out.println("fuzz: " + probes.size() + " requests (seed " + SEED + "), statuses " + new java.util.TreeMap<>(statuses)
                    + ", hung up on " + unanswered + " that stopped sending early");

            assertTrue(probes.size() >= 5000);
            assertTrue(failures.isEmpty(), failures.size() + " bad answers, e.g.\n" + String.join("\n", failures.subList(0, Math.min(40, failures.size()))));
            assertTrue(statuses.getOrDefault(200, new AtomicInteger()).get() > 100, "some requests were valid: " + statuses);

            assertArrayEquals(chartBefore, site.getBytes("api/v1/gradients?model=lstm&steps=20&hidden=8&seed=3").body());
            Answer customAfter = send(site.port(), post(KNOWN_POST, "application/json"), Delivery.WHOLE);
            assertEquals(customBefore.body(), customAfter.body(), "a computed (uncached) answer gives the same numbers afterwards");
            Answer race = send(site.port(), request("POST", "/api/v1/train", List.of("Content-Type: application/json"), TINY_RACE), Delivery.WHOLE);
            assertEquals(200, race.status(), race.body());
            assertTrue(race.body().contains("event: done"), "a training run still streams to its end: " + race.body());
        } finally {
            training.shutDown();
        }
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String judge(Probe probe, Answer answer) {
        int status = answer.status();
        if (status >= 500) return "server error";
        if (status < 200) return "informational status";
        if (answer.body().contains("Exception") || answer.body().contains("at org.") || answer.body().contains("at java.")) return "stack trace";
        if (status < 400) return null;
        boolean json = answer.contentType().startsWith("application/json");
        if (new String(probe.bytes(), 0, Math.min(5, probe.bytes().length), StandardCharsets.ISO_8859_1).startsWith("HEAD ")) {
            return json || !probe.api() ? null : "an API error that is not JSON"; // HEAD: the headers of the GET answer, no body
        }
        if (unreadableTarget(probe) && answer.contentType().startsWith("text/html") && answer.body().contains("class=\"not-found\"")) {
            return null; // Jetty could not read the address at all, so it cannot know it was the API's: the 404 page
        }
        if (json) {
            try {
                JsonNode body = JSON.readTree(answer.body());
                return body != null && body.isObject() && body.path("error").isTextual() && !body.get("error").asText().isBlank()
                        ? null : "JSON without an error message";
            } catch (IOException e) {
                return "not valid JSON";
            }
        }
        if (probe.api()) return "an API error that is not JSON";
        return answer.contentType().startsWith("text/html") && answer.body().contains("class=\"not-found\"") ? null : "neither JSON nor the 404 page";
    }

    /** Raw bytes outside printable ASCII in the request line: Jetty drops such a target before any route sees it. */
    private static boolean unreadableTarget(Probe probe) {
        for (byte b : probe.bytes()) {
            if (b == '\r') return false;
            if ((b & 0xFF) < 0x20 || (b & 0xFF) > 0x7E) return true;
        }
        return false;
    }

    // ---- the requests -------------------------------------------------------------------------------

    private static final String[] FIELDS = {"model", "steps", "hidden", "inputSize", "activation", "init", "scale", "forgetBias",
            "updateBias", "forgetGate", "seed", "returnWeights", "weights", "inputs", "h0", "c0", "target", "bogus", "", "MODEL", "steps[]"};
    private static final String[] MODELS = {"rnn", "lstm", "gru", "mlp", "RNN", "transformer", "", "rnn\u0000", "ガウス", "null"};
    private static final String[] NUMBERS = {"0", "1", "2", "3", "7", "16", "-1", "0.5", "2.5", "-0", "1e3", "1e999", "-1e999", "NaN",
            "Infinity", "-Infinity", "99999999999999999999999", "9007199254740993", "0x10", "1_000", "0.0000001", "5e-324", "+1", "١٢", "50", "64"};
    private static final String[] WORDS = {"tanh", "sigmoid", "relu", "linear", "gelu", "gaussian", "orthogonal", "identity", "xavier", "he",
            "true", "false", "yes", "", " ", "\u202e", "😀", "\u0000", "\u0007", "\\", "\"", "'", "<script>", "%", "ü", "\ud7ff"};

    private static Probe queryProbe(Random random) {
        StringBuilder query = new StringBuilder();
        int fields = random.nextInt(7);
        if (random.nextInt(10) < 8) query.append("model=").append(encode(pick(random, MODELS), random));
        for (int i = 0; i < fields; i++) {
            String field = pick(random, FIELDS);
            String value = random.nextBoolean() ? pick(random, NUMBERS) : pick(random, WORDS);
            if (field.equals("steps") || field.equals("hidden") || field.equals("inputSize")) value = smallOrBad(random);
            query.append(query.length() > 0 ? "&" : "").append(encode(field, random)).append('=').append(encode(value, random));
        }
        if (random.nextInt(20) == 0) query.append("&seed=").append("9".repeat(random.nextInt(4000)));
        if (random.nextInt(30) == 0) query.append("&%ZZ=%").append(random.nextBoolean() ? "G1" : "");
        String method = random.nextInt(15) == 0 ? "HEAD" : "GET";
        return new Probe("query", request(method, "/api/v1/gradients?" + query, List.of(), null), Delivery.WHOLE, true);
    }

    /** Sizes that keep a valid request cheap, or plainly invalid ones. */
    private static String smallOrBad(Random random) {
        return random.nextInt(4) == 0 ? pick(random, NUMBERS) : Integer.toString(1 + random.nextInt(random.nextBoolean() ? 8 : 40));
    }

    private static Probe bodyProbe(Random random) {
        String body = switch (random.nextInt(12)) {
            case 0 -> "[".repeat(1 + random.nextInt(5000)) + "]".repeat(random.nextInt(3));
            case 1 -> "{\"model\":\"rnn\",\"weights\":" + "{\"a\":".repeat(1 + random.nextInt(400)) + "1" + "}".repeat(random.nextInt(400)) + "}";
            case 2 -> randomBytes(random);
            case 3 -> KNOWN_POST.substring(0, random.nextInt(KNOWN_POST.length()));
            case 4 -> KNOWN_POST + pick(random, new String[] {"x", "{}", " ,", "\u0000", "]"});
            case 5 -> "{\"model\":\"rnn\",\"steps\":" + pick(random, NUMBERS) + ",\"steps\":" + smallOrBad(random) + "}";
            case 6 -> "{\"model\":\"rnn\",\"seed\":\"" + "x".repeat(random.nextInt(200_000)) + "\"}";
            case 7 -> "\ufeff{\"model\":\"gru\"}";
            case 8 -> mutatedWeights(random);
            default -> randomObject(random);
        };
        String type = random.nextInt(12) == 0 ? pick(random, new String[] {"text/plain", "application/x-www-form-urlencoded", "",
                "application/json; charset=utf-16", "APPLICATION/JSON", "application/jsonx"}) : "application/json";
        return new Probe("body", post(body, type), Delivery.WHOLE, true);
    }

    private static String randomObject(Random random) {
        StringBuilder json = new StringBuilder("{");
        json.append("\"model\":").append(quoteOrNot(pick(random, MODELS), random));
        int fields = random.nextInt(7);
        for (int i = 0; i < fields; i++) {
            json.append(",\"").append(escape(pick(random, FIELDS))).append("\":").append(value(random, 0));
        }
        if (random.nextInt(15) == 0) json.append(",\"\\ud800\":1");
        return json.append(random.nextInt(40) == 0 ? "" : "}").toString();
    }

    private static String value(Random random, int depth) {
        return switch (depth > 3 ? random.nextInt(4) : random.nextInt(7)) {
            case 0 -> pick(random, NUMBERS);
            case 1 -> quoteOrNot(pick(random, WORDS), random);
            case 2 -> random.nextBoolean() ? "true" : "null";
            case 3 -> smallOrBad(random);
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(5); i > 0; i--) array.append(value(random, depth + 1)).append(i > 1 ? "," : "");
                yield array.append(']').toString();
            }
            case 5 -> "{\"" + escape(pick(random, FIELDS)) + "\":" + value(random, depth + 1) + "}";
            default -> "\"" + escape(pick(random, WORDS)) + pick(random, WORDS).repeat(random.nextInt(3)) + "\"";
        };
    }

    private static String mutatedWeights(Random random) {
        String[] replacements = {"[[0.5], [-0.3], [1]]", "[[0.5, 1], [-0.3]]", "[[\"0.5\"], [-0.3]]", "[[1e999], [0]]", "[[NaN], [0]]",
                "[]", "{}", "null", "[[0.5], [-0.3]]"};
        return KNOWN_POST.replace("[[0.5], [-0.3]]", pick(random, replacements))
                .replace("[[1.0], [0.5], [-0.5], [0.0]]", random.nextBoolean() ? "[[1.0], [0.5]]" : "[[1.0], [0.5], [-0.5], [0.0]]");
    }

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "FOO", "get",
            "G E T", "PROPFIND", "HEAD"};
    private static final String[] PATHS = {"/api/v1/gradients", "/api/v1/models", "/api/v1/", "/api/v2/gradients", "/", "/zh/",
            "/static/css/site.css", "/webjars/uplot/1.6.30/dist/uPlot.iife.min.js", "/healthz", "/readyz", "/no-such-page/"};
    private static final String[] TRAVERSALS = {"/../../etc/passwd", "/static/../../pom.xml", "/static/%2e%2e/%2e%2e/pom.xml",
            "/static/..%2f..%2fpom.xml", "/static/..%5c..%5cpom.xml", "//etc/passwd", "/static//../content/en", "/%2e%2e/%2e%2e/etc/passwd",
            "/webjars/../../../etc/passwd", "/api/v1/../../etc/passwd", "/static/%c0%ae%c0%ae/pom.xml", "/./././", "/static/%00.css"};

    private static Probe rawProbe(Random random) {
        String path = random.nextBoolean() ? pick(random, PATHS) : pick(random, TRAVERSALS);
        boolean api = path.startsWith("/api/") && !path.contains(".."); // a traversal gets the 404 page wherever it starts
        return switch (random.nextInt(14)) {
            case 0 -> {
                String method = pick(random, METHODS);
                // CONNECT names a host, not a path, and a request line with spaces in the method has no readable path:
                // either way the server cannot know the address was the API's.
                yield new Probe("method", request(method, path, List.of(), random.nextBoolean() ? "{}" : null), Delivery.WHOLE,
                        api && !method.equals("CONNECT") && !method.contains(" "));
            }
            case 1 -> new Probe("long header", request("GET", path, List.of("X-Long: " + "a".repeat(8_000 + random.nextInt(200_000))), null),
                    Delivery.WHOLE, api);
            case 2 -> new Probe("many headers", request("GET", path, manyHeaders(random), null), Delivery.WHOLE, api);
            case 3 -> new Probe("long url", request("GET", path + "?q=" + "x".repeat(10_000 + random.nextInt(100_000)), List.of(), null),
                    Delivery.WHOLE, api);
            case 4 -> new Probe("bad header", request("GET", path, List.of(pick(random, new String[] {"Bad Header", "NoColon",
                    "X-Nul: a\u0000b", " Leading: space", "X-Ctl: \u0001\u0002", "Host: a\r\nHost: b", "X-Utf8: \u00e9\u4e2d",
                    ": empty-name", "Content-Length: abc", "Content-Length: -5", "Transfer-Encoding: gzip"})), null), Delivery.WHOLE, api);
            // Incomplete requests (a TLS hello, a blank line only) are sent, then the client stops sending (TRUNCATED):
            // the server sees the end of the stream instead of waiting for its idle timeout.
            case 5 -> new Probe("bad request line", pick(random, new String[] {"GET\r\n\r\n", "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
                    "GET / FOO/1.1\r\nHost: x\r\n\r\n", "\r\n\r\n\r\n", "GET /\u0000 HTTP/1.1\r\nHost: x\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n",
                    "GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", "\u0016\u0003\u0001\u0000",
                    "GET / HTTP/1.0\r\n\r\n", "GET /api/v1/gradients?model=rnn HTTP/1.1\r\n\r\n"}).getBytes(StandardCharsets.ISO_8859_1),
                    Delivery.HALF_CLOSED, false);
            case 6 -> new Probe("chunked", chunked(random), Delivery.HALF_CLOSED, true);
            case 7 -> new Probe("length mismatch", ("POST /api/v1/gradients HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (random.nextBoolean() ? "5" : "2000000")
                    + "\r\n\r\n{\"model\":\"rnn\"}").getBytes(StandardCharsets.ISO_8859_1), Delivery.TRUNCATED, true);
            case 8 -> new Probe("encoded path", request("GET", "/" + encode(pick(random, WORDS) + pick(random, WORDS), random) + "/", List.of(), null),
                    Delivery.WHOLE, false);
            case 9 -> new Probe("traversal", request("GET", pick(random, TRAVERSALS), List.of(), null), Delivery.WHOLE, false);
            case 10 -> new Probe("unicode path", request("GET", "/api/v1/gradients?model=" + pick(random, WORDS), List.of(), null), Delivery.WHOLE, true);
            case 11 -> new Probe("conditional", request("GET", "/api/v1/gradients?model=rnn&steps=3", List.of("If-None-Match: "
                    + pick(random, new String[] {"*", "W/\"x\"", "\"", ",,,", "\u00ff"}), "Accept-Encoding: " + pick(random, new String[] {
                    "gzip", "br", "*", "identity;q=0", "gzip;q=abc"})), null), Delivery.WHOLE, true);
            case 12 -> new Probe("huge body", post("{\"model\":\"rnn\",\"inputs\":[" + "1,".repeat(600_000) + "1]}", "application/json"),
                    Delivery.WHOLE, true);
            default -> new Probe("host", request("GET", path, List.of(), null, pick(random, new String[] {"", "[::1", "a b", "x".repeat(3000), "é"})),
                    Delivery.WHOLE, api);
        };
    }

    /** A valid race that costs next to nothing; every random training body keeps these sizes, so a valid one is as cheap. */
    private static final String TINY_RACE = "{\"iterations\": 3, \"steps\": 3, \"hidden\": 2, \"batch\": 2, \"models\": [\"gru\"]}";
    private static final String[] TRAIN_FIELDS = {"models", "learningRate", "optimizer", "clip", "clipMode", "forgetBias", "seed",
            "reportEvery", "model", "bogus", ""};

    private static Probe trainProbe(Random random) {
        if (random.nextInt(8) == 0) {
            // ids Jetty can read (an encoded NUL makes the whole address unreadable: the 404 page, judged elsewhere)
            String id = pick(random, new String[] {"0".repeat(32), Long.toHexString(random.nextLong()).repeat(2), "-1", "1e999", "%C3%A9",
                    "x".repeat(2000), "%20", "null", ""});
            return new Probe("train delete", request(random.nextInt(4) == 0 ? "GET" : "DELETE", "/api/v1/train/" + id, List.of(), null),
                    Delivery.WHOLE, true);
        }
        String sizes = "{\"iterations\":" + (1 + random.nextInt(5)) + ",\"steps\":" + (2 + random.nextInt(3)) + ",\"hidden\":"
                + (1 + random.nextInt(3)) + ",\"batch\":" + (1 + random.nextInt(3));
        String body = switch (random.nextInt(6)) {
            case 0 -> TINY_RACE;
            case 1 -> TINY_RACE.substring(0, random.nextInt(TINY_RACE.length()));
            case 2 -> sizes + ",\"models\":" + value(random, 0) + "}";
            case 3 -> sizes + ",\"" + pick(random, new String[] {"steps", "iterations", "hidden"}) + "\":" + pick(random, NUMBERS) + "}";
            default -> {
                StringBuilder json = new StringBuilder(sizes);
                for (int i = random.nextInt(4); i > 0; i--) {
                    json.append(",\"").append(escape(pick(random, TRAIN_FIELDS))).append("\":").append(value(random, 0));
                }
                yield json.append(random.nextInt(30) == 0 ? "" : "}").toString();
            }
        };
        String type = random.nextInt(12) == 0 ? "text/plain" : "application/json";
        return new Probe("train", request("POST", "/api/v1/train", List.of("Content-Type: " + type), body), Delivery.WHOLE, true);
    }

    private static Probe pageProbe(Random random) {
        String[] pages = {"/", "/zh/", "/vanishing-and-exploding/", "/zh/vanishing-and-exploding/", "/backprop-through-time", "/nope/",
                "/zh/nope/", "/static/js/nope.js", "/static/", "/webjars/katex/0.16.47/dist/katex.min.css", "/api/", "/favicon.ico",
                "/static/css/site.css?v=" + "0".repeat(random.nextInt(50)), "/index.html", "/zh", "/%E4%B8%AD%E6%96%87/"};
        String path = pick(random, pages);
        return new Probe("page", request(random.nextInt(10) == 0 ? "HEAD" : "GET", path, List.of(), null), Delivery.WHOLE, path.startsWith("/api/"));
    }

    private static List<String> manyHeaders(Random random) {
        List<String> headers = new ArrayList<>();
        for (int i = 0, n = 50 + random.nextInt(2000); i < n; i++) headers.add("X-H" + i + ": " + i);
        return headers;
    }

    private static byte[] chunked(Random random) {
        String chunks = switch (random.nextInt(4)) {
            case 0 -> "f\r\n{\"model\":\"rnn\"}\r\n0\r\n\r\n";
            case 1 -> "zz\r\n{\"model\":\"rnn\"}\r\n0\r\n\r\n";
            case 2 -> "ffffffffffffffff\r\nabc\r\n";
            default -> "5\r\n{\"mod\r\n";
        };
        return ("POST /api/v1/gradients HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                + (random.nextBoolean() ? "Content-Length: 15\r\n" : "") + "Transfer-Encoding: chunked\r\n\r\n" + chunks)
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] post(String body, String contentType) {
        return request("POST", "/api/v1/gradients", contentType.isEmpty() ? List.of() : List.of("Content-Type: " + contentType), body);
    }

    private static byte[] request(String method, String target, List<String> headers, String body) {
        return request(method, target, headers, body, "127.0.0.1");
    }

    private static byte[] request(String method, String target, List<String> headers, String body, String host) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ").append(host)
                .append("\r\nConnection: close\r\n");
        for (String header : headers) head.append(header).append("\r\n");
        if (body != null) head.append("Content-Length: ").append(content.length).append("\r\n");
        head.append("\r\n");
        out.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        return out.toByteArray();
    }

    /** Percent-encodes some characters, leaves others raw (the server must cope with both). */
    private static String encode(String text, Random random) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
            out.append(plain || (random.nextInt(8) == 0 && c > 0x20 && c < 0x7f && c != '&' && c != '#') ? String.valueOf((char) c)
                    : String.format(Locale.ROOT, "%%%02X", c));
        }
        return out.toString();
    }

    private static String quoteOrNot(String text, Random random) {
        return random.nextInt(8) == 0 ? text.isEmpty() ? "0" : text : "\"" + escape(text) + "\"";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else out.append(c);
        }
        return out.toString();
    }

    private static String randomBytes(Random random) {
        char[] chars = new char[random.nextInt(300)];
        for (int i = 0; i < chars.length; i++) chars[i] = (char) random.nextInt(random.nextBoolean() ? 128 : 0xD000);
        return new String(chars);
    }

    private static <T> T pick(Random random, T[] options) {
        return options[random.nextInt(options.length)];
    }

    // ---- the wire -----------------------------------------------------------------------------------

    /** Sends the bytes (all at once, dripped, or cut short) and reads the whole answer; null if the server hung up without one. */
    static Answer send(int port, byte[] request, Delivery delivery) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            try {
                switch (delivery) {
                    case WHOLE -> out.write(request);
                    case SLOW -> {
                        int headEnd = indexOf(request, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)) + 4;
                        out.write(request, 0, headEnd);
                        for (int i = headEnd; i < request.length; i += 16) {
                            out.write(request, i, Math.min(16, request.length - i));
                            out.flush();
                            Thread.sleep(40);
                        }
                    }
                    case TRUNCATED -> {
                        out.write(request, 0, Math.max(1, request.length - 20));
                        out.flush();
                        socket.shutdownOutput();
                    }
                    case HALF_CLOSED -> {
                        out.write(request);
                        out.flush();
                        socket.shutdownOutput();
                    }
                }
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it has read everything (an over-long header): read what it said.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            byte[] response;
            try {
                response = readAll(socket.getInputStream());
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within 15 s", e);
            }
            return response.length == 0 ? null : parse(response);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) out.write(buffer, 0, n);
        } catch (java.net.SocketException e) {
            // a reset after the answer was sent still leaves the answer
        }
        return out.toByteArray();
    }

    private static Answer parse(byte[] response) throws IOException {
        int headEnd = indexOf(response, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        if (headEnd < 0) throw new IOException("an answer without a complete head: " + new String(response, StandardCharsets.ISO_8859_1));
        String head = new String(response, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) throw new IOException("not an HTTP answer: " + lines[0]);
        String contentType = "";
        boolean chunked = false;
        for (String line : lines) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) contentType = lower.substring(13).trim();
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        byte[] body = java.util.Arrays.copyOfRange(response, headEnd + 4, response.length);
        if (chunked) body = dechunk(body);
        return new Answer(Integer.parseInt(statusLine[1]), contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(body, at, body.length), "\r\n".getBytes(StandardCharsets.ISO_8859_1));
            if (lineEnd < 0) break;
            int size = Integer.parseInt(new String(body, at, lineEnd, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            if (size == 0) break;
            at += lineEnd + 2;
            out.write(body, at, Math.min(size, body.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }
}
