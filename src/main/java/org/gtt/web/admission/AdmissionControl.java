package org.gtt.web.admission;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.gtt.api.BusyException;
import org.gtt.api.ComputeGate;

/**
 * Admission by cost. A request estimated under {@code expensiveMillis} runs at once on the thread that
 * received it, so cheap work (the default charts) never waits behind expensive work. Anything costlier runs
 * in a pool of {@code workers} threads with a queue of {@code queue} places; when both are taken the answer
 * is an immediate 503 with Retry-After. A computation that waited in the queue longer than {@code maxWaitMillis}
 * (a machine slower than planned) is refused with 503 when its turn comes instead of being computed late. The HTTP
 * threads held by expensive work are therefore at most workers + queue, and the memory it holds is bounded by the
 * engine's size limits.
 */
public final class AdmissionControl implements ComputeGate, AutoCloseable {
    public record Settings(int workers, int queue, double expensiveMillis, long maxWaitMillis) {
        /** The longest a computation waits for a worker by default. */
        public static final long DEFAULT_MAX_WAIT_MILLIS = 2000;

        public Settings {
            if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
            if (queue < 0) throw new IllegalArgumentException("queue must not be negative");
        }

        public Settings(int workers, int queue, double expensiveMillis) {
            this(workers, queue, expensiveMillis, DEFAULT_MAX_WAIT_MILLIS);
        }
    }

    private final Settings settings;
    private final ThreadPoolExecutor pool;
    private final AtomicLong refused = new AtomicLong();

    public AdmissionControl(Settings settings) {
        this.settings = settings;
        AtomicInteger threads = new AtomicInteger();
        // A SynchronousQueue would refuse as soon as every worker is busy; queue = 0 means exactly that.
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.SECONDS,
                settings.queue() == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue()),
                work -> {
                    Thread thread = new Thread(work, "gtt-compute-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    public Settings settings() {
        return settings;
    }

    /** Expensive computations waiting for a worker now. */
    public int queued() {
        return pool.getQueue().size();
    }

    /** Expensive requests refused so far. */
    public long refused() {
        return refused.get();
    }

    @Override
    public <T> T run(double estimatedMillis, Supplier<T> work) {
        if (estimatedMillis < settings.expensiveMillis()) return work.get();
        Future<T> result;
        long queued = System.nanoTime();
        try {
            result = pool.submit(() -> {
                if ((System.nanoTime() - queued) / 1_000_000 > settings.maxWaitMillis()) {
                    refused.incrementAndGet();
                    throw new BusyException(503, "the server fell behind: this computation waited over " + settings.maxWaitMillis()
                            + " ms for a worker; try again shortly, or choose smaller sizes", retryAfterSeconds(estimatedMillis));
                }
                return work.get();
            });
        } catch (RejectedExecutionException e) {
            throw busy(estimatedMillis);
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new BusyException(503, "the server is shutting down", 1);
        }
    }

    private BusyException busy(double estimatedMillis) {
        refused.incrementAndGet();
        return new BusyException(503, "the server is busy with large computations: try again shortly, or choose smaller sizes",
                retryAfterSeconds(estimatedMillis));
    }

    /** Time for the pool to work off what is ahead of a new request of this size, in whole seconds (1 to 60). */
    private int retryAfterSeconds(double estimatedMillis) {
        double ahead = (pool.getQueue().size() + settings.workers()) * estimatedMillis / settings.workers();
        return (int) Math.max(1, Math.min(60, Math.ceil(ahead / 1000.0)));
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
