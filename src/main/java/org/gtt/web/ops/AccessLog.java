package org.gtt.web.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.gtt.web.admission.ClientAddress;

/**
 * One JSON line per request: time, method, path, query (cut short: a query can be long), status, bytes
 * sent, duration in ms, whether the answer came from the response cache, and the client. Logged by Jetty
 * after each request, so requests Jetty refuses itself (a malformed header) are logged too. Lines are
 * written by a background thread from a bounded queue: a slow stdout never slows a request, and if the
 * queue is full the line is dropped and counted (the next line written says how many).
 */
public final class AccessLog implements RequestLog {
    static final int MAX_PATH = 200;
    static final int MAX_QUERY = 120;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUEUE = 16_384;

    private final ClientAddress clients;
    private final BlockingQueue<String> lines = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();

    public AccessLog(PrintStream out, ClientAddress clients) {
        this.clients = clients;
        Thread writer = new Thread(() -> write(out), "gtt-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void log(Request request, Response response) {
        if (!lines.offer(line(request, response))) dropped.incrementAndGet();
    }

    String line(Request request, Response response) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.ofEpochMilli(Request.getTimeStamp(request)).toString());
        line.put("method", cut(request.getMethod(), 16));
        line.put("path", cut(request.getHttpURI().getPath(), MAX_PATH));
        String query = request.getHttpURI().getQuery();
        if (query != null) line.put("query", cut(query, MAX_QUERY));
        line.put("status", response.getStatus());
        line.put("bytes", Response.getContentBytesWritten(response));
        line.put("ms", Math.round((System.nanoTime() - request.getBeginNanoTime()) / 1e4) / 100.0);
        String cache = cacheOutcome(response.getHeaders().getField("Server-Timing"));
        if (cache != null) line.put("cache", cache);
        List<String> forwarded = request.getHeaders().getValuesList("X-Forwarded-For");
        line.put("client", cut(clients.resolve(Request.getRemoteAddr(request), forwarded == null ? Collections.emptyList() : forwarded), 64));
        return line.toString();
    }

    /** "hit" or "miss" from the API's {@code Server-Timing: cache;desc=hit}, null for answers that have no cache. */
    private static String cacheOutcome(HttpField timing) {
        if (timing == null) return null;
        String value = timing.getValue().toLowerCase(Locale.ROOT);
        if (value.contains("cache;desc=hit")) return "hit";
        if (value.contains("cache;desc=miss")) return "miss";
        return null;
    }

    private static String cut(String text, int max) {
        if (text == null) return "";
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /** Waits (at most {@code limit}) until every line logged so far is written: before the process exits. */
    public void awaitWritten(java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!lines.isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
        Thread.sleep(10);
    }

    private void write(PrintStream out) {
        try {
            while (true) {
                String line = lines.take();
                long lost = dropped.getAndSet(0);
                if (lost > 0) out.println("{\"accessLogDropped\":" + lost + "}");
                out.println(line);
                if (lines.isEmpty()) out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
