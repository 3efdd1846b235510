package org.gtt.train;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 500 fixed evaluation sequences of a length T, the same for every seed and model (their own seed and
 * stream), so evaluation losses compare across runs. Kept as batches of 50 so evaluation reuses small
 * forward-only workspaces.
 */
final class EvaluationSet {
    static final int CHUNK = 50;
    private static final long SEED = 0x5EED;
    private static final long STREAM = 300;
    private static final Map<Integer, EvaluationSet> BY_STEPS = new ConcurrentHashMap<>();

    final AddingProblem.Batch[] chunks;

    private EvaluationSet(int steps) {
        AddingProblem problem = new AddingProblem(steps, SEED, STREAM);
        chunks = new AddingProblem.Batch[TrainingParameters.EVALUATION_SEQUENCES / CHUNK];
        for (int i = 0; i < chunks.length; i++) {
            chunks[i] = new AddingProblem.Batch(steps, CHUNK);
            problem.fill(chunks[i]);
        }
    }

    /** Shared: the sets are read only once made (at most one per T, a few hundred kB each). */
    static EvaluationSet of(int steps) {
        return BY_STEPS.computeIfAbsent(steps, EvaluationSet::new);
    }

    static long bytes(int steps) {
        return 8L * TrainingParameters.EVALUATION_SEQUENCES * (steps * AddingProblem.INPUTS + 1);
    }
}
