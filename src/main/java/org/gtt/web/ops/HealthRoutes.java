package org.gtt.web.ops;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.gtt.web.RouteModule;

/**
 * {@code GET /healthz}: the process answers (liveness), with the version. {@code GET /readyz}: 200 once the
 * pages are rendered and until a shutdown begins, 503 before and after, for a load balancer's health check.
 * Both live under the base path, like everything else the server answers.
 */
public final class HealthRoutes implements RouteModule {
    public static final String VERSION = readVersion();

    private final Lifecycle lifecycle;

    public HealthRoutes(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/healthz", this::health);
        config.routes.get("/readyz", this::ready);
    }

    private void health(Context ctx) {
        json(ctx, 200, "{\"status\":\"ok\",\"version\":\"" + VERSION + "\"}");
    }

    private void ready(Context ctx) {
        Lifecycle.State state = lifecycle.state();
        boolean ready = state == Lifecycle.State.READY;
        if (!ready) ctx.header(Header.RETRY_AFTER, "1");
        json(ctx, ready ? 200 : 503, "{\"status\":\"" + state.name().toLowerCase(java.util.Locale.ROOT) + "\",\"version\":\"" + VERSION + "\"}");
    }

    private static void json(Context ctx, int status, String body) {
        ctx.status(status).header(Header.CACHE_CONTROL, "no-store").contentType("application/json").result(body);
    }

    private static String readVersion() {
        try (InputStream in = HealthRoutes.class.getResourceAsStream("/gtt-version.properties")) {
            Properties properties = new Properties();
            if (in != null) properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.matches("[A-Za-z0-9._-]+") ? version : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
