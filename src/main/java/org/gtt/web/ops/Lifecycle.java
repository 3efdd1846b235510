package org.gtt.web.ops;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The server's life: starting (pages still rendering), ready, draining (shutting down). Its Jetty handler
 * wraps every request, counting those in flight so a shutdown can wait for them, and, once draining, asks
 * each client to close its connection after the answer so nothing new arrives on a kept-alive one.
 */
public final class Lifecycle {
    public enum State { STARTING, READY, DRAINING }

    private volatile State state;
    private final AtomicInteger inFlight = new AtomicInteger();

    private Lifecycle(State state) {
        this.state = state;
    }

    /** Not ready until {@link #markReady()}: `serve` while its pages render. */
    public static Lifecycle starting() {
        return new Lifecycle(State.STARTING);
    }

    /** Ready at once: a server whose pages exist before it starts (tests). */
    public static Lifecycle ready() {
        return new Lifecycle(State.READY);
    }

    public State state() {
        return state;
    }

    public void markReady() {
        if (state == State.STARTING) state = State.READY;
    }

    public void markDraining() {
        state = State.DRAINING;
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Waits until no request is in flight or {@code limit} has passed; true when none is left. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight.get() > 0) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(20);
        }
        return true;
    }

    /** The outermost Jetty handler; the application's handlers go inside it. */
    public Handler.Wrapper handler() {
        return new Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                inFlight.incrementAndGet();
                if (state == State.DRAINING) response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                Callback counted = Callback.from(callback, inFlight::decrementAndGet);
                try {
                    if (super.handle(request, response, counted)) return true;
                } catch (Throwable e) {
                    inFlight.decrementAndGet();
                    throw e;
                }
                inFlight.decrementAndGet();
                return false;
            }
        };
    }
}
