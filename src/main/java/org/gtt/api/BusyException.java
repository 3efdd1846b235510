package org.gtt.api;

/**
 * A request refused because the server (503) or this client's share of it (429) is used up for now,
 * not because anything is wrong with it: the client may send it again after {@link #retryAfterSeconds()}.
 */
public final class BusyException extends ApiException {
    private final int retryAfterSeconds;

    public BusyException(int status, String error, int retryAfterSeconds) {
        super(status, error, null, "the same request after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A refusal is an answer, not a fault: no stack trace to fill (an overloaded server sends hundreds a second). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
