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
import org.gtt.compute.CoreAllowance;

/**
 * Admission by cost. A request estimated under {@code expensiveMillis} runs at once on the thread that
 * received it, so cheap work (the default charts) never waits behind expensive work. Anything costlier runs
 * in a pool of {@code workers} threads with a queue of {@code queue} places; when both are taken the answer
 * is an immediate 503 with Retry-After. A computation that waited in the queue longer than {@code maxWaitMillis}
 * (a machine slower than planned) is refused with 503 when its turn comes instead of being computed late. The HTTP
 * threads held by expensive work are therefore at most workers + queue, and the memory it holds is bounded by the
 * engine's size limits. Each expensive computation also takes its turn on the {@link CoreAllowance} it shares with
 * the training races, so that heavy work of both kinds together never occupies more cores than allowed.
 *
 * <p>A refusal is cheap: no stack trace, no lock, no description of the pool (the overload test sends hundreds a
 * second, and each one's answer time is measured).
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

    /** Thrown by the pool when it is full; made once, without a stack trace, and caught below. */
    private static final RejectedExecutionException FULL = new RejectedExecutionException("full", null) {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final Settings settings;
    private final CoreAllowance cores;
    private final ThreadPoolExecutor pool;
    private final AtomicLong refused = new AtomicLong();

    /** A pool whose computations occupy at most {@code workers} cores of their own. */
    public AdmissionControl(Settings settings) {
        this(settings, new CoreAllowance(settings.workers()));
    }

    /** A pool whose computations take turns on {@code cores} with the other heavy work that shares it. */
    public AdmissionControl(Settings settings, CoreAllowance cores) {
        this.settings = settings;
        this.cores = cores;
        AtomicInteger threads = new AtomicInteger();
        // A SynchronousQueue would refuse as soon as every worker is busy; queue = 0 means exactly that.
        this.pool = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.SECONDS,
                settings.queue() == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(settings.queue()),
                work -> {
                    Thread thread = new Thread(work, "gtt-compute-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                (work, executor) -> {
                    throw FULL;
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
                try {
                    return cores.hold(work);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BusyException(503, "the server is shutting down", 1);
                }
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
