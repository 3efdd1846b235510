package org.gtt.compute;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The cores that heavy work may occupy at once, shared by every kind of it (the expensive gradient and cliff
 * computations, the training races' iterations): each piece takes a turn, holding one core while it runs,
 * in the order they asked (a fair semaphore). The server allows cores − 1, so that however much heavy work
 * is waiting, a cheap request (a page, a file, a cached or default chart) finds a core free. A training race
 * holds its turn for a slice of iterations (up to 100 ms, never past a report) and then queues again, so a race
 * and an expensive computation alternate rather than compete.
 */
public final class CoreAllowance {
    private final Semaphore cores;
    private final int size;

    public CoreAllowance(int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores must be at least 1");
        this.cores = new Semaphore(cores, true);
        this.size = cores;
    }

    /** As many turns as anyone asks for at once: for a trainer or a test that runs alone. */
    public static CoreAllowance unlimited() {
        return new CoreAllowance(Integer.MAX_VALUE);
    }

    /** The cores heavy work may occupy at once. */
    public int size() {
        return size;
    }

    /** Turns being taken now (at most {@link #size()}). */
    public int inUse() {
        return size - cores.availablePermits();
    }

    /** Whether any work waits for a turn now. */
    public boolean anyoneWaiting() {
        return cores.hasQueuedThreads();
    }

    /** Runs {@code work} once a core is free, holding it until the work returns. */
    public <T> T hold(Supplier<T> work) throws InterruptedException {
        cores.acquire();
        try {
            return work.get();
        } finally {
            cores.release();
        }
    }

    /** {@link #hold(Supplier)} for work that must not be abandoned while it waits (a slice of training). */
    public void holdUninterruptibly(Runnable work) {
        cores.acquireUninterruptibly();
        try {
            work.run();
        } finally {
            cores.release();
        }
    }
}
