package org.gtt.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A training race: every model of the parameters trains on the same batches, in lockstep, one iteration
 * each per round, with a report to the listener every {@code reportEvery} iterations and when the race ends.
 * A model stops {@link TrainingParameters#AFTER_SOLVED} iterations after it solved the task (its report
 * then stays as it was); the race ends when every model has stopped or the budget is spent, or early
 * when the caller cancels or the time limit passes, checked before every iteration (or, when the race takes
 * {@link Turns turns} on a shared core, before every turn).
 *
 * <p>With {@code threads} &gt; 1 the models of one iteration are shared out between the calling thread and
 * helpers (the costliest first, each taken by whichever thread is free), and the iteration ends when all are
 * done. Every model has its own net, optimiser and data stream, so the race is the same to the bit whatever
 * the number of threads.
 */
public final class Race {
    public enum StopReason {
        SOLVED, BUDGET, CANCELLED, TIME_LIMIT;

        public String jsonName() {
            return this == TIME_LIMIT ? "timeLimit" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One report: the race's iteration and every model's state (in the order of the parameters). */
    public record Progress(int iteration, List<ModelReport> models) {
        public Progress {
            models = List.copyOf(models);
        }
    }

    /** How the race ended: each model's iteration of success (null if none), the wall time, why it stopped. */
    public record Finish(Map<ModelKind, Integer> solvedAt, double seconds, StopReason stoppedBy) {
        public Finish {
            solvedAt = Collections.unmodifiableMap(new LinkedHashMap<>(solvedAt));
        }
    }

    public interface Listener {
        void progress(Progress progress);

        default void done(Finish finish) {}
    }

    /** Helper threads, shared by all races and made on demand (daemons: they never keep the JVM alive). */
    private static final ExecutorService HELPERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "race-helper");
        thread.setDaemon(true);
        return thread;
    });

    private final TrainingParameters parameters;
    private final List<ModelTrainer> runners = new ArrayList<>();
    /** The runners in the order threads take them: costliest cell first, so the last ones taken are short. */
    private final List<ModelTrainer> byCost;

    public Race(TrainingParameters parameters) {
        this.parameters = parameters;
        EvaluationSet evaluation = EvaluationSet.of(parameters.steps());
        for (ModelKind kind : parameters.models()) runners.add(new ModelTrainer(kind, parameters, evaluation));
        byCost = new ArrayList<>(runners);
        byCost.sort((a, b) -> Integer.compare(b.kind().gates, a.kind().gates));
    }

    /** Runs to the end with no cancellation and no time limit. */
    public static Finish run(TrainingParameters parameters, Listener listener) {
        return run(parameters, listener, 1);
    }

    /** Runs to the end on up to {@code threads} threads. */
    public static Finish run(TrainingParameters parameters, Listener listener, int threads) {
        return new Race(parameters).run(listener, () -> false, Long.MAX_VALUE, threads);
    }

    /**
     * Runs the race on the calling thread. {@code cancelled} is asked before every iteration; after
     * {@code timeLimitNanos} the race stops too. Returns (and passes to the listener) how it ended.
     */
    public Finish run(Listener listener, BooleanSupplier cancelled, long timeLimitNanos) {
        return run(listener, cancelled, timeLimitNanos, 1);
    }

    /** As {@link #run(Listener, BooleanSupplier, long)}, the models of each iteration shared by up to {@code threads} threads. */
    public Finish run(Listener listener, BooleanSupplier cancelled, long timeLimitNanos, int threads) {
        return run(listener, cancelled, timeLimitNanos, threads, Turns.DIRECT);
    }

    /**
     * Where the race trains: at once, or in turns on a core it shares with other heavy work. A turn trains for
     * up to {@link #sliceNanos()} (at least one iteration, and never past a report), so a race waiting behind
     * long computations still makes progress in steps of useful size; between turns the race reports and asks
     * whether to go on, never holding a core while it talks to its listener.
     */
    public interface Turns {
        /** No sharing: one iteration per turn, so cancellation and the time limit are checked before every iteration. */
        Turns DIRECT = new Turns() {
            @Override
            public void take(Runnable slice) {
                slice.run();
            }

            @Override
            public long sliceNanos() {
                return 0;
            }
        };

        /** Runs {@code slice} once it may train, or skips it (the race then asks at once whether to go on). */
        void take(Runnable slice);

        /** How long one turn may train. */
        long sliceNanos();
    }

    /**
     * As {@link #run(Listener, BooleanSupplier, long, int)}, the training taken in {@code turns}; cancellation
     * and the time limit are checked between turns.
     */
    public Finish run(Listener listener, BooleanSupplier cancelled, long timeLimitNanos, int threads, Turns turns) {
        int helpers = Math.max(0, Math.min(threads, runners.size()) - 1);
        long start = System.nanoTime();
        ModelReport[] last = new ModelReport[runners.size()];
        Slice slice = new Slice(helpers, turns.sliceNanos());
        StopReason reason = null;
        while (reason == null) {
            if (cancelled.getAsBoolean()) {
                reason = StopReason.CANCELLED;
            } else if (System.nanoTime() - start > timeLimitNanos) {
                reason = StopReason.TIME_LIMIT;
            } else {
                slice.reportDue = false;
                turns.take(slice);
                reason = slice.ended;
                if (slice.reportDue) listener.progress(progress(slice.iteration, last));
            }
        }
        Map<ModelKind, Integer> solved = new LinkedHashMap<>();
        for (ModelTrainer runner : runners) solved.put(runner.kind(), runner.solvedAt());
        Finish finish = new Finish(solved, (System.nanoTime() - start) / 1e9, reason);
        listener.done(finish);
        return finish;
    }

    /** One turn's training: iterations until a report is due, the race ends, or the turn's time is up (at least one). */
    private final class Slice implements Runnable {
        private final int helpers;
        private final long nanos;
        int iteration;
        boolean reportDue;
        StopReason ended;

        Slice(int helpers, long nanos) {
            this.helpers = helpers;
            this.nanos = nanos;
        }

        @Override
        public void run() {
            long end = System.nanoTime() + nanos;
            do {
                iteration++;
                boolean due = iteration % parameters.reportEvery() == 0;
                stepAll(due, helpers);
                if (allFinished()) ended = allSolved() ? StopReason.SOLVED : StopReason.BUDGET;
                reportDue = due || ended != null;
            } while (!reportDue && System.nanoTime() < end);
        }
    }

    /** One iteration of every runner still training: on this thread, or shared with {@code helpers} more. */
    private void stepAll(boolean due, int helpers) {
        List<ModelTrainer> active = new ArrayList<>();
        for (ModelTrainer runner : byCost) if (!runner.finished()) active.add(runner);
        if (helpers == 0 || active.size() < 2) {
            for (ModelTrainer runner : active) runner.step(due || finishesNext(runner));
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable work = () -> {
            for (int i = next.getAndIncrement(); i < active.size(); i = next.getAndIncrement()) {
                ModelTrainer runner = active.get(i);
                runner.step(due || finishesNext(runner));
            }
        };
        List<Future<?>> started = new ArrayList<>();
        for (int i = 0; i < Math.min(helpers, active.size() - 1); i++) started.add(HELPERS.submit(work));
        work.run();
        for (Future<?> helper : started) await(helper);
    }

    private static void await(Future<?> helper) {
        try {
            helper.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a helper trained", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a model's iteration failed", e.getCause());
        }
    }

    /** Whether the runner's next iteration is its last, so its final report carries that iteration's step norms. */
    private boolean finishesNext(ModelTrainer runner) {
        int next = runner.iteration() + 1;
        Integer solved = runner.solvedAt();
        return next >= parameters.iterations() || (solved != null && next >= solved + TrainingParameters.AFTER_SOLVED);
    }

    private Progress progress(int iteration, ModelReport[] last) {
        List<ModelReport> reports = new ArrayList<>();
        for (int i = 0; i < runners.size(); i++) {
            ModelTrainer runner = runners.get(i);
            // a model that stopped keeps its final report (and its training loss) unchanged
            boolean stale = last[i] == null || last[i].iteration() != runner.iteration();
            if (stale) last[i] = runner.report();
            reports.add(last[i]);
        }
        return new Progress(iteration, reports);
    }

    private boolean allFinished() {
        return runners.stream().allMatch(ModelTrainer::finished);
    }

    private boolean allSolved() {
        return runners.stream().allMatch(r -> r.solvedAt() != null);
    }

    /** Bytes the race's arrays take: grows with the parameters (models, T, hidden, batch), nothing else. */
    public static long workspaceBytes(TrainingParameters parameters) {
        return parameters.workspaceBytes() + EvaluationSet.bytes(parameters.steps());
    }
}
