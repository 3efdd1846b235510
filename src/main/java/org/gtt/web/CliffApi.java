package org.gtt.web;

import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.function.Function;
import org.gtt.api.CliffService;
import org.gtt.api.GradientService;

/**
 * The cliff's routes: GET (and HEAD) /api/v1/cliff, the error surface of Pascanu et al.'s single unit on a grid,
 * and /api/v1/cliff/descent, one plain or clipped descent on it. Cacheable like GET /api/v1/gradients.
 */
public final class CliffApi implements RouteModule {
    private final CliffService service;
    private CompressionStrategy compression = CompressionStrategy.GZIP;

    public CliffApi() {
        this(new CliffService(32L << 20));
    }

    /** Answers cached up to {@code cacheBytes}; every computation asks {@code gate} first (admission by cost). */
    public CliffApi(long cacheBytes, org.gtt.api.ComputeGate gate) {
        this(new CliffService(cacheBytes, gate));
    }

    CliffApi(CliffService service) {
        this.service = service;
    }

    @Override
    public void register(JavalinConfig config) {
        compression = config.http.compressionStrategy;
        Function<Context, GradientService.Answer> grid = ctx -> service.grid(ctx.queryParamMap());
        Function<Context, GradientService.Answer> descent = ctx -> service.descent(ctx.queryParamMap());
        // HEAD runs the GET handler (Jetty drops the body), so it answers with the same status and headers
        config.routes.get(CliffService.GRID, ctx -> answer(ctx, grid));
        config.routes.head(CliffService.GRID, ctx -> answer(ctx, grid));
        config.routes.get(CliffService.DESCENT, ctx -> answer(ctx, descent));
        config.routes.head(CliffService.DESCENT, ctx -> answer(ctx, descent));
    }

    private void answer(Context ctx, Function<Context, GradientService.Answer> compute) {
        long start = System.nanoTime();
        GradientService.Answer answer = compute.apply(ctx);
        GradientApi.serverTiming(ctx, start, answer);
        CacheableResponse.send(ctx, compression, answer.body(), answer.etag(), "application/json", GradientApi.CACHE_CONTROL);
    }
}
