package org.gtt.browser;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain static file server for a built snapshot, as a web space serves it: the file at the path (index.html for
 * a folder), its type by extension, 404 otherwise, no API. Under /strict/ the same files come with a
 * Content-Security-Policy header, when one is given.
 */
final class StaticFileServer implements AutoCloseable {
    private final Path site;
    private final HttpServer server;

    private StaticFileServer(Path site, String strictPolicy) throws IOException {
        this.site = site;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serveFile);
        if (strictPolicy != null) {
            server.createContext("/strict/", this::serveFile).getFilters().add(new Filter() {
                @Override
                public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                    exchange.getResponseHeaders().add("Content-Security-Policy", strictPolicy);
                    chain.doFilter(exchange);
                }

                @Override
                public String description() { return "the site's CSP"; }
            });
        }
        server.start();
    }

    /** Serves {@code site}; {@code strictPolicy} (or null) is the policy sent under /strict/. */
    static StaticFileServer start(Path site, String strictPolicy) throws IOException {
        return new StaticFileServer(site, strictPolicy);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private void serveFile(HttpExchange exchange) throws IOException {
        Path file = site.resolve(exchange.getRequestURI().getPath().replaceFirst("^/(strict/)?", "")).normalize();
        if (Files.isDirectory(file)) file = file.resolve("index.html");
        if (!file.startsWith(site) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] bytes = Files.readAllBytes(file);
        exchange.getResponseHeaders().add("Content-Type", org.gtt.site.MediaTypes.of(file.toString()));
        exchange.sendResponseHeaders(200, bytes.length);
        try (var body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
