package org.gtt.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The load generator's connection against a peer that closes each connection after one answer, as a server does
 * with a connection left idle past its timeout: an idempotent request on such a kept-alive connection is sent
 * once more on a new one (and counted), a POST is not, and a connection closed after part of an answer is an error.
 */
class LoadTestConnectionTest {
    /** Answers one request per connection and then closes it; {@code cutShort}: closes in the middle of the answer. */
    private static final class OneAnswerPerConnection implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger connections = new AtomicInteger();
        volatile boolean cutShort;

        OneAnswerPerConnection() throws IOException {
            Thread thread = new Thread(this::serve, "one-answer-server");
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    connections.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
                    for (String line; (line = in.readLine()) != null && !line.isEmpty(); ) {
                        // the request's head; the tests send no body
                    }
                    OutputStream out = socket.getOutputStream();
                    out.write((cutShort ? "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"
                            : "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    // Let the client read the answer before the close reaches it, as after an idle timeout.
                    Thread.sleep(50);
                } catch (IOException | InterruptedException e) {
                    // the next connection
                }
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void anIdempotentRequestOnAConnectionClosedWhileIdleIsSentOnceMoreAndCounted() throws Exception {
        try (OneAnswerPerConnection peer = new OneAnswerPerConnection()) {
            LoadTest test = new LoadTest(Map.of("url", peer.url()));
            List<Double> retried = new ArrayList<>();
            try (LoadTest.Connection connection = test.new Connection("10.0.0.1")) {
                assertEquals(200, connection.send("GET", "a", null, null, retried::add).status());
                Thread.sleep(200); // the peer has closed the connection meanwhile
                assertEquals(200, connection.send("DELETE", "api/v1/train/x", null, null, retried::add).status());
                assertEquals(1, retried.size(), "sent once more");
                assertTrue(retried.get(0) >= 0.15, "idle " + retried.get(0) + " s before");
                assertEquals(2, peer.connections.get());

                Thread.sleep(200);
                assertThrows(IOException.class, () -> connection.send("POST", "api/v1/train", "{}", null, retried::add),
                        "a POST may have been acted on: never sent twice");
                assertEquals(1, retried.size());
            }
        }
    }

    @Test
    void aConnectionClosedInTheMiddleOfAnAnswerIsAnErrorNotARetry() throws Exception {
        try (OneAnswerPerConnection peer = new OneAnswerPerConnection()) {
            peer.cutShort = true;
            LoadTest test = new LoadTest(Map.of("url", peer.url()));
            List<Double> retried = new ArrayList<>();
            try (LoadTest.Connection connection = test.new Connection("10.0.0.1")) {
                assertThrows(IOException.class, () -> connection.send("GET", "a", null, null, retried::add));
                assertEquals(0, retried.size());
            }
        }
    }
}
