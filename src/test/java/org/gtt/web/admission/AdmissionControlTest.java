package org.gtt.web.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gtt.api.ApiException;
import org.gtt.api.BusyException;
import org.gtt.compute.CoreAllowance;
import org.gtt.compute.HeldCore;
import org.junit.jupiter.api.Test;

class AdmissionControlTest {
    @Test
    void cheapWorkRunsAtOnceOnTheCallersThreadAndExpensiveWorkInThePool() {
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 1, 20))) {
            Thread caller = Thread.currentThread();
            assertSame(caller, admission.run(19.9, Thread::currentThread));
            assertNotEquals(caller, admission.run(20, Thread::currentThread));
        }
    }

    @Test
    void beyondWorkersAndQueueTheAnswerIsAnImmediate503WithRetryAfter() throws Exception {
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 1, 20))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = occupyTheWorker(admission, release);
            CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> admission.run(500, () -> "queued"));
            while (admission.queued() == 0) Thread.sleep(5);

            // Worker and queue stay taken until release: an answer at all means the third did not wait.
            BusyException refused = assertThrows(BusyException.class, () -> admission.run(500, () -> "third"));
            assertEquals(503, refused.status());
            assertTrue(refused.retryAfterSeconds() >= 1, "Retry-After " + refused.retryAfterSeconds());
            assertEquals("cheap", admission.run(1, () -> "cheap"), "cheap work is never refused or queued");
            assertEquals(1, admission.refused());

            release.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
            assertEquals("queued", queued.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void workThatWaitedTooLongIsRefusedWhenItsTurnComesInsteadOfComputedLate() throws Exception {
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 1, 20, 50))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = occupyTheWorker(admission, release);
            CompletableFuture<String> late = CompletableFuture.supplyAsync(() -> admission.run(500, () -> "computed late"));
            while (admission.queued() == 0) Thread.sleep(5);
            Thread.sleep(100);
            release.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
            java.util.concurrent.ExecutionException refused = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> late.get(10, TimeUnit.SECONDS));
            assertEquals(503, ((BusyException) refused.getCause()).status());
        }
    }

    @Test
    void theWorksOwnRefusalReachesTheCallerUnchanged() {
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 0, 20))) {
            ApiException thrown = new ApiException(422, "cannot", "scale", "finite");
            assertSame(thrown, assertThrows(ApiException.class, () -> admission.run(100, () -> {
                throw thrown;
            })));
        }
    }

    @Test
    void expensiveWorkWaitsForItsTurnOnCoresSharedWithOtherHeavyWorkWhileCheapWorkDoesNot() throws Exception {
        CoreAllowance cores = new CoreAllowance(1);
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 1, 20), cores)) {
            HeldCore training = HeldCore.take(cores);
            CompletableFuture<Integer> expensive = CompletableFuture.supplyAsync(() -> admission.run(500, cores::inUse));
            assertEquals("cheap", admission.run(1, () -> "cheap"), "cheap work needs no turn");
            Thread.sleep(200);
            assertTrue(!expensive.isDone(), "the expensive computation waits while the other heavy work holds the core");
            training.release();
            assertEquals(1, expensive.get(10, TimeUnit.SECONDS), "then it runs, holding the core itself");
        }
    }

    @Test
    void aRefusalCarriesNoStackTrace() throws Exception {
        try (AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(1, 0, 20))) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> first = occupyTheWorker(admission, release);
            BusyException refused = assertThrows(BusyException.class, () -> admission.run(500, () -> "second"));
            assertEquals(0, refused.getStackTrace().length, "refusing is an answer, cheap to make");
            release.countDown();
            assertEquals("first", first.get(10, TimeUnit.SECONDS));
        }
    }

    /** Starts expensive work that holds the only worker until {@code release}; returns once it runs. */
    private static CompletableFuture<String> occupyTheWorker(AdmissionControl admission, CountDownLatch release) throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.run(500, () -> {
            running.countDown();
            await(release);
            return "first";
        }));
        assertTrue(running.await(10, TimeUnit.SECONDS));
        return first;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
