package org.gtt.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A training race: every model of the parameters trains on the same batches, in lockstep, one iteration
 * each per round, with a report to the listener every {@code reportEvery} iterations and when the race ends.
 * A model stops {@link TrainingParameters#AFTER_SOLVED} iterations after it solved the task (its report
 * then stays as it was); the race ends when every model has stopped or the budget is spent, or early
 * when the caller cancels or the time limit passes, checked before every iteration.
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

    private final TrainingParameters parameters;
    private final List<ModelTrainer> runners = new ArrayList<>();

    public Race(TrainingParameters parameters) {
        this.parameters = parameters;
        EvaluationSet evaluation = EvaluationSet.of(parameters.steps());
        for (ModelKind kind : parameters.models()) runners.add(new ModelTrainer(kind, parameters, evaluation));
    }

    /** Runs to the end with no cancellation and no time limit. */
    public static Finish run(TrainingParameters parameters, Listener listener) {
        return new Race(parameters).run(listener, () -> false, Long.MAX_VALUE);
    }

    /**
     * Runs the race on the calling thread. {@code cancelled} is asked before every iteration; after
     * {@code timeLimitNanos} the race stops too. Returns (and passes to the listener) how it ended.
     */
    public Finish run(Listener listener, BooleanSupplier cancelled, long timeLimitNanos) {
        long start = System.nanoTime();
        ModelReport[] last = new ModelReport[runners.size()];
        StopReason reason = null;
        int iteration = 0;
        while (reason == null) {
            if (cancelled.getAsBoolean()) {
                reason = StopReason.CANCELLED;
            } else if (System.nanoTime() - start > timeLimitNanos) {
                reason = StopReason.TIME_LIMIT;
            } else {
                iteration++;
                boolean due = iteration % parameters.reportEvery() == 0;
                for (ModelTrainer runner : runners) {
                    if (!runner.finished()) runner.step(due || finishesNext(runner));
                }
                if (allFinished()) reason = allSolved() ? StopReason.SOLVED : StopReason.BUDGET;
                if (due || reason != null) listener.progress(progress(iteration, last));
            }
        }
        Map<ModelKind, Integer> solved = new LinkedHashMap<>();
        for (ModelTrainer runner : runners) solved.put(runner.kind(), runner.solvedAt());
        Finish finish = new Finish(solved, (System.nanoTime() - start) / 1e9, reason);
        listener.done(finish);
        return finish;
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
