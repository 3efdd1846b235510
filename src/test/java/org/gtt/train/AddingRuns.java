package org.gtt.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Single-model races on the adding problem with the defaults (issue 9), one per (model, T, seed, learning
 * rate), run two at a time on the two cores and kept for the rest of the test JVM: the train package's claim
 * test and lesson 8's claims test ask for many of the same runs, which take minutes. A model's run does not
 * depend on its rivals ({@link RaceDeterminismTest}), so a run alone is the run the race shows.
 */
public final class AddingRuns {
    /** One run: the iteration it solved the task at (null if never) and every report it made, in order. */
    public record Run(Integer solvedAt, List<ModelReport> reports) {}

    private static final Map<TrainingParameters, Future<Run>> RUNS = new ConcurrentHashMap<>();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "adding-runs");
        thread.setDaemon(true);
        return thread;
    });

    private AddingRuns() {}

    /** The run of {@code kind} at length {@code steps} for each seed, keyed by seed; all are started before any is awaited. */
    public static Map<Long, Run> seeds(ModelKind kind, int steps, double learningRate, long... seeds) {
        Map<Long, Future<Run>> started = new LinkedHashMap<>();
        for (long seed : seeds) started.put(seed, start(kind, steps, seed, learningRate));
        Map<Long, Run> runs = new LinkedHashMap<>();
        started.forEach((seed, run) -> runs.put(seed, await(run)));
        return runs;
    }

    /** Starts the run (or finds it started) without waiting for it, so callers can queue many at once. */
    public static Future<Run> start(ModelKind kind, int steps, long seed, double learningRate) {
        TrainingParameters parameters = TrainingParameters.defaults().withModels(List.of(kind)).withSteps(steps)
                .withSeed(seed).withLearningRate(learningRate);
        return RUNS.computeIfAbsent(parameters, p -> POOL.submit(() -> run(p, kind)));
    }

    private static Run run(TrainingParameters parameters, ModelKind kind) {
        List<ModelReport> reports = new ArrayList<>();
        Race.Finish finish = Race.run(parameters, progress -> reports.add(progress.models().get(0)));
        return new Run(finish.solvedAt().get(kind), List.copyOf(reports));
    }

    private static Run await(Future<Run> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
