package org.gtt.compute;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** For tests: other heavy work that holds one core of an allowance until {@link #release()}. */
public final class HeldCore {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Void> work;

    private HeldCore(CoreAllowance cores) throws InterruptedException {
        CountDownLatch holding = new CountDownLatch(1);
        work = CompletableFuture.runAsync(() -> cores.holdUninterruptibly(() -> {
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!holding.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("no core within 10 s");
    }

    /** Returns once the core is held. */
    public static HeldCore take(CoreAllowance cores) throws InterruptedException {
        return new HeldCore(cores);
    }

    /** Gives the core back and waits until it is. */
    public void release() throws Exception {
        release.countDown();
        work.get(10, TimeUnit.SECONDS);
    }
}
