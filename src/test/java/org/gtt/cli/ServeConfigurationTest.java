package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** serve's settings come from flags and GTT_* environment variables (a flag wins), and are printed at start-up. */
class ServeConfigurationTest {
    @Test
    void environmentVariablesSetOptionsAndFlagsWin() {
        Options options = Options.parse(new String[] {"--port", "8081"}, ServeCommand.SPEC,
                Map.of("GTT_PORT", "9090", "GTT_BASE_PATH", "/dl-course/", "GTT_RATE_LIMIT", "7", "GTT_DEV", "yes"));
        assertEquals(8081, options.intValue("port", 0, 65535));
        assertEquals("flag", options.source("port"));
        assertEquals("/dl-course/", options.basePath("base-path"));
        assertEquals("GTT_BASE_PATH", options.source("base-path"));
        assertEquals(7.0, options.doubleValue("rate-limit", 0, 100));
        assertTrue(options.flag("dev"));
        assertEquals("default", options.source("queue"));
    }

    @Test
    void aBadValueInTheEnvironmentIsAUsageError() {
        assertThrows(UsageException.class, () -> Options.parse(new String[0], ServeCommand.SPEC, Map.of("GTT_DEV", "maybe")));
        Options options = Options.parse(new String[0], ServeCommand.SPEC, Map.of("GTT_WORKERS", "many"));
        UsageException error = assertThrows(UsageException.class, () -> options.intValue("workers", 1, 1024));
        assertTrue(error.getMessage().contains("--workers"), error.getMessage());
    }

    @Test
    void helpNamesTheEnvironmentVariables() {
        String help = ServeCommand.SPEC.help();
        for (String variable : new String[] {"GTT_PORT", "GTT_HOST", "GTT_BASE_PATH", "GTT_CONTENT", "GTT_CACHE_MB", "GTT_WORKERS",
                "GTT_QUEUE", "GTT_RATE_LIMIT", "GTT_TRUSTED_PROXIES", "GTT_ACCESS_LOG", "GTT_DRAIN_SECONDS"}) {
            assertTrue(help.contains(variable), variable + " in\n" + help);
        }
    }

    @Test
    void theConfigurationIsPrintedAtStartUpAndTheServerUsesIt() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        Options options = Options.parse(new String[] {"--port", "0", "--access-log", "off"}, ServeCommand.SPEC,
                Map.of("GTT_RATE_LIMIT", "0.5", "GTT_RATE_BURST", "1", "GTT_TRUSTED_PROXIES", "127.0.0.1"));
        ServeCommand.Running running = ServeCommand.startServer(options, print, print);
        try {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.matches("(?s).*rate-limit\\s+0\\.5\\s+\\(GTT_RATE_LIMIT\\).*"), printed);
            assertTrue(printed.matches("(?s).*trusted-proxies\\s+127\\.0\\.0\\.1\\s+\\(GTT_TRUSTED_PROXIES\\).*"), printed);
            assertTrue(printed.matches("(?s).*access-log\\s+off\\s+\\(flag\\).*"), printed);
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest chart = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.app().port() + "/api/v1/gradients?model=rnn&steps=4"))
                    .header("X-Forwarded-For", "203.0.113.5").build();
            assertEquals(200, client.send(chart, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertEquals(429, client.send(chart, HttpResponse.BodyHandlers.ofString()).statusCode(), "burst of 1 from GTT_RATE_BURST");
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.app().port() + "/readyz")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(!printed.contains("\"method\""), "no access log lines with --access-log off");
        } finally {
            assertTrue(ServeCommand.stopGracefully(running));
        }
    }
}
