package org.gtt.web;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gtt.site.Assets;
import org.gtt.site.LinkStyle;
import org.gtt.site.Site;
import org.gtt.site.Templates;
import org.gtt.web.admission.ClientAddress;
import org.gtt.web.ops.Lifecycle;

/** The real server on a free loopback port, serving the repository's own lessons, for tests. */
public final class RunningSite implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final WebServer server;
    private final Javalin app;
    private final String basePath;

    private RunningSite(WebServer server, Javalin app, String basePath) {
        this.server = server;
        this.app = app;
        this.basePath = basePath;
    }

    public static RunningSite start(String basePath, List<RouteModule> modules) throws Exception {
        return start(basePath, modules, Lifecycle.ready(), null, ClientAddress.peerOnly());
    }

    /** With a lifecycle of the test's own, and an access log written to {@code accessLog} (null: none). */
    public static RunningSite start(String basePath, List<RouteModule> modules, Lifecycle lifecycle, PrintStream accessLog,
                                    ClientAddress clients) throws Exception {
        return start(Path.of("content"), basePath, modules, lifecycle, accessLog, clients);
    }

    /** Serving the lessons in {@code content} instead (a test's own short course). */
    public static RunningSite start(Path content, List<RouteModule> modules) throws Exception {
        return start(content, "/", modules, Lifecycle.ready(), null, ClientAddress.peerOnly());
    }

    private static RunningSite start(Path content, String basePath, List<RouteModule> modules, Lifecycle lifecycle,
                                     PrintStream accessLog, ClientAddress clients) throws Exception {
        Assets assets = Assets.load(Path.of("static"));
        Site site = Site.load(content, Templates.precompiled(), LinkStyle.live(basePath, assets));
        PrerenderedSite pages = new PrerenderedSite(site, assets);
        WebServer server = new WebServer(() -> pages, modules, lifecycle);
        Javalin app = server.start(new WebServer.Options("127.0.0.1", 0, basePath, accessLog, clients));
        return new RunningSite(server, app, basePath);
    }

    public WebServer server() {
        return server;
    }

    public static RunningSite start() throws Exception {
        return start("/", List.of());
    }

    public int port() {
        return app.port();
    }

    /** The absolute URL of a path below the base path ("zh/" → http://127.0.0.1:port/base/zh/). */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + basePath + path;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)));
        for (int i = 0; i < headers.length; i += 2) request.header(headers[i], headers[i + 1]);
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /**
     * Sends the request line exactly as written: Java's client would normalise "..", and
     * traversal tests must reach the server with the dots still in place.
     */
    public String rawGet(String rawPath) throws IOException {
        return rawRequest("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    }

    /** Sends {@code request} byte for byte and returns the whole response. */
    public String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
