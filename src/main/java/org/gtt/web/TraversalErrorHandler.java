package org.gtt.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty refuses dot-segment paths ("/static/%2e%2e/x", "/../../etc/passwd") with 400 before any route
 * sees them. To a visitor that is simply an address with no page, so it gets the 404 page like any
 * other, with the same security headers. When the path climbs above the root, Jetty's parser has
 * already dropped it and reports the request as "/badMessage"; that stand-in is recognised too.
 * Other malformed requests (a broken header, say) keep Jetty's plain 400, without stack traces.
 */
final class TraversalErrorHandler extends ErrorHandler {
    /** What Jetty names a request whose URI it could not read. */
    private static final String UNREADABLE_URI = "/badMessage";

    private final Supplier<String> notFoundPage;

    TraversalErrorHandler(Supplier<String> notFoundPage) {
        this.notFoundPage = notFoundPage;
        setShowStacks(false);
        setShowCauses(false);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        if (code == 400 && (climbsOut(request.getHttpURI().toString()) || UNREADABLE_URI.equals(request.getHttpURI().getPath()))) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put("Content-Security-Policy", WebServer.CONTENT_SECURITY_POLICY);
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            response.write(true, ByteBuffer.wrap(notFoundPage.get().getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        super.generateResponse(request, response, code, message, cause, callback);
    }

    private static boolean climbsOut(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.contains("..") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c");
    }
}
