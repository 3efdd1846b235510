package org.gtt.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.gtt.api.ApiException;
import org.gtt.api.BusyException;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.SitePath;
import org.gtt.web.admission.ClientAddress;
import org.gtt.web.ops.AccessLog;
import org.gtt.web.ops.HealthRoutes;
import org.gtt.web.ops.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: the course pages, their files, and the route modules (the gradient API).
 * Everything lives under the base path, so the site can sit behind a reverse proxy at a sub-path.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String API_PREFIX = "/api/";

    /** No resource from another host, no inline script, no eval: the pages need none of them. */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data: blob:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    /**
     * Where to listen; {@code accessLog}: where to write one JSON line per request (null: no log);
     * {@code clients}: who counts as a trusted proxy when the log names the client.
     */
    public record Options(String host, int port, String basePath, PrintStream accessLog, ClientAddress clients) {
        public Options(String host, int port, String basePath) {
            this(host, port, basePath, null, ClientAddress.peerOnly());
        }
    }

    /** Asked once per request: a live site (serve --dev) is read afresh, a rendered one may still be on its way. */
    private final Supplier<? extends SiteSource> site;
    private final List<RouteModule> modules;
    private final Lifecycle lifecycle;
    private CompressionStrategy compression = CompressionStrategy.GZIP;
    private Javalin app;
    private Server jetty;
    private AccessLog accessLog;

    /** A server that is ready as soon as it listens (its pages exist already). */
    public WebServer(Supplier<? extends SiteSource> site, List<RouteModule> modules) {
        this(site, modules, Lifecycle.ready());
    }

    public WebServer(Supplier<? extends SiteSource> site, List<RouteModule> modules, Lifecycle lifecycle) {
        this.site = site;
        this.modules = new ArrayList<>(modules);
        this.modules.add(new HealthRoutes(lifecycle));
        this.lifecycle = lifecycle;
    }

    public Javalin start(Options options) {
        app = Javalin.create(config -> configure(config, options)).start(options.host(), options.port());
        return app;
    }

    public Lifecycle lifecycle() {
        return lifecycle;
    }

    /**
     * Graceful shutdown: /readyz answers 503, the server stops accepting connections, each module stops its
     * long-running work (training jobs), and requests in flight get up to {@code wait} to finish before the
     * server stops. True when every request finished in time.
     */
    public boolean shutDown(Duration wait) throws InterruptedException {
        lifecycle.markDraining();
        for (Connector connector : jetty.getConnectors()) connector.shutdown();
        for (RouteModule module : modules) module.shutDown();
        boolean finished = lifecycle.awaitIdle(wait);
        app.stop();
        if (accessLog != null) accessLog.awaitWritten(Duration.ofSeconds(1));
        return finished;
    }

    private void configure(JavalinConfig config, Options options) {
        String basePath = options.basePath();
        config.startup.showJavalinBanner = false;
        compression = config.http.compressionStrategy;
        config.router.contextPath = basePath.equals("/") ? "/" : stripTrailingSlash(basePath);
        config.http.maxRequestSize = 1_000_000;
        config.http.prefer405over404 = true;
        config.jetty.modifyServer(server -> {
            jetty = server;
            server.setErrorHandler(new JettyErrorHandler(() -> site.get().notFound(Lang.EN)));
            // Javalin puts its own handlers inside the innermost wrapper it finds.
            server.setHandler(lifecycle.handler());
            if (options.accessLog() != null) {
                accessLog = new AccessLog(options.accessLog(), options.clients());
                server.setRequestLog(accessLog);
            }
        });
        config.routes.before(ctx -> addSecurityHeaders(ctx));
        for (RouteModule module : modules) module.register(config);
        config.routes.get("/static/<path>", ctx -> serveAsset(ctx, "static/" + ctx.pathParam("path")));
        config.routes.get("/webjars/<path>", ctx -> serveAsset(ctx, "webjars/" + ctx.pathParam("path")));
        config.routes.get("/", ctx -> servePage(ctx, ""));
        config.routes.get("/<path>", ctx -> servePage(ctx, ctx.pathParam("path")));
        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e instanceof BusyException busy) ctx.header(Header.RETRY_AFTER, Integer.toString(busy.retryAfterSeconds()));
            apiError(ctx, e.status(), e.getMessage(), e.field(), e.allowed());
        });
        config.routes.exception(Exception.class, (e, ctx) -> {
            if (fromTheClientsConnection(e)) {
                // The client hung up or sent fewer bytes than it announced: its fault, not the server's.
                apiError(ctx, HttpStatus.BAD_REQUEST.getCode(), "the request ended before its body was complete", null,
                        "a body of exactly Content-Length bytes");
                return;
            }
            LOG.error("request failed: {} {}", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
        });
        config.routes.error(HttpStatus.NOT_FOUND.getCode(), ctx -> error(ctx, HttpStatus.NOT_FOUND, "no such resource"));
        config.routes.error(HttpStatus.METHOD_NOT_ALLOWED.getCode(), ctx -> error(ctx, HttpStatus.METHOD_NOT_ALLOWED, "method not allowed"));
        config.routes.error(HttpStatus.CONTENT_TOO_LARGE.getCode(), ctx -> error(ctx, HttpStatus.CONTENT_TOO_LARGE, "request body over 1 MB"));
    }

    /** An I/O failure reading the request (early EOF, reset) anywhere in the cause chain. */
    private static boolean fromTheClientsConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) return true;
        }
        return false;
    }

    private static void addSecurityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
    }

    private void servePage(Context ctx, String path) {
        Optional<SitePath> address = SitePath.parse(path);
        if (address.isEmpty()) {
            notFound(ctx);
            return;
        }
        Optional<String> html = site.get().page(address.get());
        if (html.isEmpty()) {
            notFound(ctx);
            return;
        }
        if (!path.isEmpty() && !path.endsWith("/") && !ctx.path().endsWith("/")) {
            // Pages link relatively, so they must be read from their folder address.
            ctx.redirect(path.substring(path.lastIndexOf('/') + 1) + "/", HttpStatus.MOVED_PERMANENTLY);
            return;
        }
        ctx.header(Header.CACHE_CONTROL, "no-cache");
        ctx.html(html.get());
    }

    private void serveAsset(Context ctx, String path) {
        SiteSource files = site.get();
        Optional<Assets.Asset> asset = files.asset(path);
        if (asset.isEmpty()) {
            notFound(ctx);
            return;
        }
        CacheableResponse.send(ctx, compression, asset.get().bytes(), '"' + asset.get().hash().substring(0, 16) + '"',
                asset.get().contentType(), isVersioned(ctx, path, asset.get(), files.live()) ? "public, max-age=31536000, immutable" : "no-cache");
    }

    /**
     * Safe to cache for a year only when the address pins the content: a WebJar path carries its
     * version, and the pages ask for static files with their content hash in {@code ?v=}.
     */
    private static boolean isVersioned(Context ctx, String path, Assets.Asset asset, boolean live) {
        if (live) return false;
        if (path.startsWith("webjars/")) return true;
        String version = ctx.queryParam("v");
        return version != null && asset.hash().startsWith(version) && version.length() >= 10;
    }

    private void notFound(Context ctx) {
        error(ctx, HttpStatus.NOT_FOUND, "no such resource");
    }

    /** JSON for the API's addresses, the course's own pages for everything else. */
    private void error(Context ctx, HttpStatus status, String message) {
        if (isApi(ctx) && ctx.resultInputStream() != null && isJson(ctx)) {
            return; // a handler's own JSON answer with this status (a 404 naming what is missing) stays
        }
        if (isApi(ctx)) {
            apiError(ctx, status.getCode(), message, null, null);
            return;
        }
        String relative = relativePath(ctx);
        Lang lang = relative.equals("zh") || relative.startsWith("zh/") ? Lang.ZH : Lang.EN;
        ctx.status(status).header(Header.CACHE_CONTROL, "no-cache").html(site.get().notFound(lang));
    }

    private static void apiError(Context ctx, int status, String message, String field, String allowed) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        body.put("field", field);
        body.put("allowed", allowed);
        ctx.status(status).header(Header.CACHE_CONTROL, "no-store").contentType("application/json").result(body.toString());
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith("application/json");
    }

    private static boolean isApi(Context ctx) {
        return ("/" + relativePath(ctx)).startsWith(API_PREFIX);
    }

    private static String relativePath(Context ctx) {
        String path = ctx.path();
        String contextPath = ctx.contextPath();
        if (path.startsWith(contextPath)) path = path.substring(contextPath.length());
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
