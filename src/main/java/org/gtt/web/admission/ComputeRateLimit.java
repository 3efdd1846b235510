package org.gtt.web.admission;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import org.gtt.api.BusyException;
import org.gtt.web.RouteModule;

/**
 * The per-client rate limit on the endpoints that compute (GET, HEAD and POST on the listed API prefixes),
 * as one before-handler, so routes added later under those prefixes are covered without touching them.
 * Pages, static files and {@code /api/v1/models} are never limited.
 */
public final class ComputeRateLimit implements RouteModule {
    /** Everything under these paths (below the base path) computes. */
    public static final List<String> COMPUTING = List.of("/api/v1/gradients", "/api/v1/cliff", "/api/v1/train");

    private final RateLimiter limiter;
    private final ClientAddress clients;

    public ComputeRateLimit(RateLimiter limiter, ClientAddress clients) {
        this.limiter = limiter;
        this.clients = clients;
    }

    @Override
    public void register(JavalinConfig config) {
        if (!limiter.enabled()) return;
        config.routes.before(this::check);
    }

    private void check(Context ctx) {
        HandlerType method = ctx.method();
        if (method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.POST) return;
        if (!computes(ctx.path().substring(Math.min(ctx.path().length(), ctx.contextPath().length())))) return;
        String client = clients.resolve(ctx.req().getRemoteAddr(), java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
        int wait = limiter.acquire(client);
        if (wait > 0) {
            throw new BusyException(429, "too many requests from your address: wait " + wait + " s", wait);
        }
    }

    static boolean computes(String path) {
        String normalised = path.startsWith("/") ? path : "/" + path;
        for (String prefix : COMPUTING) {
            if (normalised.equals(prefix) || normalised.startsWith(prefix + "/")) return true;
        }
        return false;
    }
}
