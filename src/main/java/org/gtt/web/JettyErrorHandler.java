package org.gtt.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before any route runs: malformed requests (a broken or over-long header,
 * a bad request line, a URI it cannot read, a truncated body). They get the same kind of answer as the
 * routes give:
 * <ul>
 * <li>a dot-segment path ("/static/%2e%2e/x", "/../../etc/passwd") is to a visitor simply an address with no
 * page, so it gets the 404 page with the usual security headers. When the path climbs above the root,
 * Jetty's parser has already dropped it and reports the request as "/badMessage"; that is recognised too;</li>
 * <li>everything else is JSON, {@code {"error": ..., "field": null, "allowed": null}}, with Jetty's status
 * (400, 413, 414, 431 …) and its reason in plain words: API clients read JSON, and a browser never sends
 * such a request. An unknown HTTP version ("GET / FOO/1.1", "HTTP/9.9"), for which Jetty says 505, is a
 * malformed request line to us: 400.</li>
 * </ul>
 * Never a stack trace.
 */
final class JettyErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Jetty names a request whose URI it could not read. */
    private static final String UNREADABLE_URI = "/badMessage";

    private final Supplier<String> notFoundPage;

    JettyErrorHandler(Supplier<String> notFoundPage) {
        this.notFoundPage = notFoundPage;
        setShowStacks(false);
        setShowCauses(false);
    }

    /** Jetty writes no body for methods other than GET, POST and HEAD; a refused PUT deserves its reason too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        securityHeaders(response);
        if (code == 400 && (climbsOut(request.getHttpURI().toString()) || UNREADABLE_URI.equals(request.getHttpURI().getPath()))) {
            response.setStatus(404);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.write(true, ByteBuffer.wrap(notFoundPage.get().getBytes(StandardCharsets.UTF_8)), callback);
            return;
        }
        if (code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505) {
            // "GET / FOO/1.1": a request line that is not HTTP is the client's mistake, like any other malformed line.
            code = HttpStatus.BAD_REQUEST_400;
            message = "unknown HTTP version";
            response.setStatus(code);
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("error", describe(code, message));
        body.putNull("field");
        body.putNull("allowed");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body.toString().getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static void securityHeaders(Response response) {
        response.getHeaders().put("Content-Security-Policy", WebServer.CONTENT_SECURITY_POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
    }

    /** Jetty's reason (e.g. "Request Header Fields Too Large", "Bad Message 400: reason: Illegal character"), kept short and plain. */
    private static String describe(int code, String message) {
        String reason = HttpStatus.getMessage(code);
        String detail = message == null ? "" : message.replaceAll("[^\\x20-\\x7E]", "?");
        if (detail.length() > 120) detail = detail.substring(0, 120);
        String text = (code < 500 ? "malformed request: " : "the server could not answer: ") + reason.toLowerCase(Locale.ROOT);
        return detail.isBlank() || detail.equalsIgnoreCase(reason) ? text : text + " (" + detail + ")";
    }

    private static boolean climbsOut(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return lower.contains("..") || lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c");
    }
}
