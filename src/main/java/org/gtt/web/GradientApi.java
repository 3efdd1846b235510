package org.gtt.web;

import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.gtt.api.ApiException;
import org.gtt.api.ComputeGate;
import org.gtt.api.GradientService;

/**
 * The simulation API's routes: POST /api/v1/gradients (JSON body), GET /api/v1/gradients (scalar fields as
 * query parameters, cacheable), GET /api/v1/models (fields, defaults, bounds). The handlers check what is
 * HTTP's (content type, body size, validators) and leave the request itself to {@link GradientService}.
 */
public final class GradientApi implements RouteModule {
    static final String CACHE_CONTROL = "public, max-age=86400";
    /** Bodies up to this size are read and discarded before a 413, so the client hears the refusal. */
    static final long DISCARD_LIMIT = 16L << 20;

    private final GradientService service;
    /** The server's compression settings, to label a compressed answer with its own ETag. */
    private CompressionStrategy compression = CompressionStrategy.GZIP;

    public GradientApi() {
        this(new GradientService(64L << 20));
    }

    /** Answers cached up to {@code cacheBytes}; every computation asks {@code gate} first. */
    public GradientApi(long cacheBytes, ComputeGate gate) {
        this(new GradientService(cacheBytes, gate));
    }

    GradientApi(GradientService service) {
        this.service = service;
    }

    @Override
    public void register(JavalinConfig config) {
        compression = config.http.compressionStrategy;
        config.routes.post(GradientService.GRADIENTS, this::post);
        config.routes.get(GradientService.GRADIENTS, this::get);
        config.routes.get(GradientService.MODELS, this::models);
        // Javalin answers HEAD for a GET route with an empty 200 without running it; HEAD must be GET
        // without the body (same status and headers), so it runs the GET handler and Jetty drops the body.
        config.routes.head(GradientService.GRADIENTS, this::get);
        config.routes.head(GradientService.MODELS, this::models);
    }

    private void post(Context ctx) {
        long start = System.nanoTime();
        GradientService.Answer answer = service.fromJson(jsonBody(ctx));
        serverTiming(ctx, start, answer);
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.contentType("application/json").result(answer.body());
    }

    /** A POST's JSON body, after the checks that are HTTP's: its content type, and its size before reading it. */
    static byte[] jsonBody(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
            throw new ApiException(400, "the body must be JSON, sent as Content-Type: application/json",
                    "Content-Type", "application/json");
        }
        if (ctx.contentLength() > GradientService.MAX_BODY_BYTES) {
            discardBody(ctx);
            throw GradientService.tooLarge();
        }
        return ctx.bodyAsBytes();
    }

    private void get(Context ctx) {
        long start = System.nanoTime();
        GradientService.Answer answer = service.fromQuery(ctx.queryParamMap());
        serverTiming(ctx, start, answer);
        sendCacheable(ctx, answer);
    }

    /**
     * Reads a too-large body (up to {@link #DISCARD_LIMIT}) before refusing it: a server that answers 413 and
     * closes while the client is still uploading resets the connection, and many clients then lose the
     * answer. Anything larger than the limit is cut off as before.
     */
    private static void discardBody(Context ctx) {
        if (ctx.contentLength() > DISCARD_LIMIT) return;
        try (InputStream body = ctx.req().getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client went away; the 413 below is still the answer
        }
    }

    /**
     * Server-Timing: whether the answer came from the cache, and the handler's own time (parse, compute or
     * cache lookup, serialise), for clients, the benchmark and the access log.
     */
    static void serverTiming(Context ctx, long start, GradientService.Answer answer) {
        ctx.header("Server-Timing", String.format(Locale.ROOT, "cache;desc=%s, app;dur=%.3f",
                answer.cached() ? "hit" : "miss", (System.nanoTime() - start) / 1e6));
    }

    private void models(Context ctx) {
        sendCacheable(ctx, service.models());
    }

    private void sendCacheable(Context ctx, GradientService.Answer answer) {
        CacheableResponse.send(ctx, compression, answer.body(), answer.etag(), "application/json", CACHE_CONTROL);
    }
}
