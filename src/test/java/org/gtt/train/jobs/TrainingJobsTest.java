package org.gtt.train.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gtt.compute.CoreAllowance;
import org.gtt.compute.HeldCore;
import org.gtt.train.ModelKind;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;
import org.junit.jupiter.api.Test;

/** The pool without HTTP: its bounds, the time limit, and the one done every listener hears however its job ends. */
class TrainingJobsTest {
    /**
     * A race that only a cancel or the time limit ends: the tanh RNN never solves T = 50 (AddingClaimTest), so it
     * trains its whole budget of 20,000 iterations (seconds, far longer than any test waits); the GRU at T = 10
     * used before solves and stops within the 0.3 s time limit since the trainer got faster.
     */
    private static final TrainingParameters LONG = TrainingParameters.defaults().withModels(List.of(ModelKind.RNN)).withSteps(50)
            .withIterations(20_000);

    /** Records what a job's listener hears. */
    static final class Heard implements TrainingJobs.Listener {
        final CompletableFuture<Race.Finish> done = new CompletableFuture<>();
        final AtomicInteger dones = new AtomicInteger();
        final AtomicInteger progress = new AtomicInteger();
        volatile boolean connected = true;

        @Override
        public void progress(Race.Progress report) {
            progress.incrementAndGet();
        }

        @Override
        public void done(Race.Finish finish) {
            dones.incrementAndGet();
            done.complete(finish);
        }

        @Override
        public boolean connected() {
            return connected;
        }

        Race.Finish finish() throws Exception {
            return done.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aRaceStopsAtItsTimeLimit() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(new TrainingJobs.Settings(1, 0, Duration.ofMillis(300)))) {
            Heard heard = new Heard();
            jobs.reserve(LONG, heard).start();
            Race.Finish finish = heard.finish();
            assertEquals(Race.StopReason.TIME_LIMIT, finish.stoppedBy());
            assertTrue(finish.seconds() >= 0.3 && finish.seconds() < 10, "stopped near its limit: " + finish.seconds());
        }
    }

    @Test
    void beyondRunningAndWaitingTheNextIsRefusedAndCancelledJobsHearDoneOnce() throws Exception {
        try (TrainingJobs jobs = new TrainingJobs(new TrainingJobs.Settings(1, 1, Duration.ofSeconds(30)))) {
            Heard running = new Heard();
            Heard waiting = new Heard();
            TrainingJobs.Job first = jobs.reserve(LONG, running);
            TrainingJobs.Job second = jobs.reserve(LONG, waiting);
            assertNotEquals(first.id(), second.id());
            assertTrue(first.id().matches("[0-9a-f]{32}"));
            assertEquals(0, first.start(), "a free thread: it runs");
            assertEquals(1, second.start(), "next in line");
            TrainingJobs.Refused refused = assertThrows(TrainingJobs.Refused.class, () -> jobs.reserve(LONG, new Heard()));
            assertEquals(TrainingJobs.Refused.Reason.FULL, refused.reason());
            assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 60);

            assertTrue(jobs.cancel(second.id()), "the waiting job");
            assertEquals(Race.StopReason.CANCELLED, waiting.finish().stoppedBy());
            assertEquals(0, waiting.progress.get(), "it never trained");
            running.connected = false; // its client went away
            assertEquals(Race.StopReason.CANCELLED, running.finish().stoppedBy());
            assertTrue(!jobs.cancel(first.id()) && jobs.job(first.id()).isEmpty(), "a finished job is gone");
            assertEquals(1, running.dones.get());
            assertEquals(1, waiting.dones.get());
        }
    }

    @Test
    void closingCancelsEveryJobAndRefusesNewOnes() throws Exception {
        TrainingJobs jobs = new TrainingJobs(new TrainingJobs.Settings(1, 2, Duration.ofSeconds(30)));
        Heard running = new Heard();
        Heard waiting = new Heard();
        Heard reserved = new Heard();
        jobs.reserve(LONG, running).start();
        jobs.reserve(LONG, waiting).start();
        TrainingJobs.Job notYetStarted = jobs.reserve(LONG, reserved);
        jobs.close();
        assertEquals(TrainingJobs.Refused.Reason.CLOSED, assertThrows(TrainingJobs.Refused.class, () -> jobs.reserve(LONG, new Heard())).reason());
        assertEquals(Race.StopReason.CANCELLED, running.finish().stoppedBy());
        assertEquals(Race.StopReason.CANCELLED, waiting.finish().stoppedBy());
        notYetStarted.start();
        assertEquals(Race.StopReason.CANCELLED, reserved.finish().stoppedBy(), "started after the close: ends at once");
        assertEquals(0, jobs.running());
        assertEquals(0, jobs.queued());
    }

    @Test
    void aRaceTrainsOnlyOnItsTurnOnTheSharedCoresAndLetsOtherHeavyWorkHaveTurns() throws Exception {
        CoreAllowance cores = new CoreAllowance(1);
        try (TrainingJobs jobs = new TrainingJobs(new TrainingJobs.Settings(1, 0, Duration.ofSeconds(30)), cores)) {
            HeldCore otherWork = HeldCore.take(cores);
            Heard heard = new Heard();
            jobs.reserve(LONG, heard).start();
            Thread.sleep(300); // 50 iterations (a report) take well under that with a core
            assertEquals(0, heard.progress.get(), "no iteration while the only core is taken");

            otherWork.release();
            while (heard.progress.get() == 0 && !heard.done.isDone()) Thread.sleep(5);
            assertTrue(heard.progress.get() > 0, "it trains once the core is free");
            // The race keeps asking for the core, a turn (up to 100 ms) at a time: another piece of heavy work still gets a turn.
            int progressBefore = heard.progress.get();
            assertEquals(1, CompletableFuture.supplyAsync(() -> {
                try {
                    return cores.hold(cores::inUse);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }).get(10, TimeUnit.SECONDS), "one piece of heavy work at a time");
            assertTrue(!heard.done.isDone(), "the race was still training when the other work had its turn (progress " + progressBefore + ")");
        }
    }
}
