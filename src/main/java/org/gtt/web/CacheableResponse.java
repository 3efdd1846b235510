package org.gtt.web;

import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Compressor;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Objects;

/**
 * A body with a strong validator, answered 304 when the client already has it. Javalin compresses a
 * body on the fly when the client accepts it, and the compressed bytes are another representation:
 * they get their own strong ETag ({@code "<tag>-gzip"}) and the answer says {@code Vary: Accept-Encoding},
 * so no cache hands the gzip bytes to a client that cannot read them, or revalidates one with the other's tag.
 */
final class CacheableResponse {
    private CacheableResponse() {}

    static void send(Context ctx, CompressionStrategy compression, byte[] body, String etag, String contentType,
                     String cacheControl) {
        String encoding = encodingJavalinWillUse(ctx, compression, body.length, contentType);
        String tag = encoding == null ? etag : etag.substring(0, etag.length() - 1) + "-" + encoding + '"';
        ctx.header(Header.ETAG, tag);
        ctx.header(Header.CACHE_CONTROL, cacheControl);
        ctx.header(Header.VARY, Header.ACCEPT_ENCODING);
        if (matches(ctx.header(Header.IF_NONE_MATCH), tag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType(contentType).result(body);
    }

    /**
     * The content coding Javalin's CompressedOutputStream will apply, or null: the same test it makes
     * (a compressor for a listed Accept-Encoding token, a body of at least the strategy's minimum size
     * (1500 bytes by default), a content type it does not exclude), asked of the server's own strategy.
     */
    static String encodingJavalinWillUse(Context ctx, CompressionStrategy compression, int length, String contentType) {
        if (length < compression.getDefaultMinSizeForCompression() || !compressible(compression, contentType)) {
            return null;
        }
        Compressor compressor = compression.findMatchingCompressor(
                Objects.requireNonNullElse(ctx.header(Header.ACCEPT_ENCODING), ""));
        return compressor == null ? null : compressor.encoding();
    }

    private static boolean compressible(CompressionStrategy compression, String contentType) {
        if (compression.getAllowedMimeTypes().contains(contentType)) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return compression.getExcludedMimeTypes().stream().noneMatch(excluded -> type.contains(excluded.toLowerCase(Locale.ROOT)));
    }

    /** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/"x" matches "x"; "*" matches anything. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String trimmed = candidate.trim();
            if (trimmed.equals("*")) return true;
            if (trimmed.startsWith("W/")) trimmed = trimmed.substring(2);
            if (trimmed.equals(etag)) return true;
        }
        return false;
    }
}
