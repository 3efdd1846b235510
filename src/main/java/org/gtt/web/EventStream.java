package org.gtt.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One Server-Sent Events response: {@code event:}/{@code data:} frames, each flushed to the client as it is
 * written, and comment lines ({@code :}) as keep-alives. A client that went away shows on the next write
 * (TCP refuses the second write after the peer closed), so keep-alives double as the check that someone
 * still listens. Writes come from several threads (the request's, the job's, the keep-alive timer's), one
 * at a time.
 */
final class EventStream {
    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastWriteNanos = System.nanoTime();
    private volatile boolean broken;

    EventStream(OutputStream out) {
        this.out = out;
    }

    /** Writes one event; throws UncheckedIOException when the client is gone. {@code json} is one line. */
    void event(String name, String json) {
        lock.lock();
        try {
            write(("event: " + name + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * A keep-alive comment when nothing was written for {@code intervalNanos}; false once the client is known
     * to be gone. Never waits: when another thread is writing, that write is the sign of life.
     */
    boolean keepAlive(long intervalNanos) {
        if (broken) return false;
        if (System.nanoTime() - lastWriteNanos < intervalNanos || !lock.tryLock()) return true;
        try {
            write(KEEP_ALIVE);
        } catch (IOException e) {
            // broken is set: the caller hears false
        } finally {
            lock.unlock();
        }
        return !broken;
    }

    /** Runs {@code work} with the stream to itself, so events of other threads wait (the queued event follows started). */
    void exclusively(Runnable work) {
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    boolean broken() {
        return broken;
    }

    private void write(byte[] bytes) throws IOException {
        if (broken) throw new IOException("the client has gone");
        try {
            out.write(bytes);
            out.flush();
            lastWriteNanos = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            broken = true;
            throw e instanceof IOException io ? io : new IOException(e);
        }
    }
}
