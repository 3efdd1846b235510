package org.gtt.train;

import org.gtt.engine.SeededGaussian;

/**
 * The adding problem (Hochreiter &amp; Schmidhuber 1997; Le, Jaitly &amp; Hinton 2015). A sequence has T
 * steps of two inputs x_t = (u_t, m_t): u_t ~ U[0, 1) and a marker m_t that is 1 at exactly two steps,
 * the first drawn uniformly from the first max(1, ⌊T/10⌋) steps, the second uniformly from the rest.
 * The target is the sum of the two marked u. The target has mean 1 and variance 1/6, so predicting the
 * constant 1 scores an MSE of 1/6 (chance); success is an MSE of at most 1/60.
 *
 * <p>Sequences come from {@link SeededGaussian}'s SplitMix64 uniforms: per sequence T values of u, then
 * the two positions (⌊U·n⌋ for a range of n steps). The same seed and stream give the same batches
 * on every JVM.
 */
public final class AddingProblem {
    /** Loss of the best constant prediction (1): the variance of a sum of two U[0, 1). */
    public static final double CHANCE_MSE = 1.0 / 6.0;
    public static final double SUCCESS_MSE = CHANCE_MSE / 10.0;
    /** A prediction counts as correct within this distance of the target. */
    public static final double ACCURACY_TOLERANCE = 0.04;
    static final int INPUTS = 2;

    private final int steps;
    private final SeededGaussian random;

    public AddingProblem(int steps, long seed, long stream) {
        if (steps < 2) throw new IllegalArgumentException("the adding problem needs at least 2 steps");
        this.steps = steps;
        this.random = new SeededGaussian(seed, stream);
    }

    /** Steps holding the first marker: the first 10 %, at least one. */
    static int firstRange(int steps) {
        return Math.max(1, steps / 10);
    }

    /** Fills the next {@code batch.size} sequences, overwriting the markers and targets of the previous ones. */
    public void fill(Batch batch) {
        int n = batch.size;
        double[] x = batch.inputs;
        int first = firstRange(steps);
        for (int b = 0; b < n; b++) {
            for (int t = 0; t < steps; t++) {
                x[(t * INPUTS) * n + b] = random.uniform();
                x[(t * INPUTS + 1) * n + b] = 0.0;
            }
            int p1 = (int) (random.uniform() * first);
            int p2 = first + (int) (random.uniform() * (steps - first));
            x[(p1 * INPUTS + 1) * n + b] = 1.0;
            x[(p2 * INPUTS + 1) * n + b] = 1.0;
            batch.targets[b] = x[(p1 * INPUTS) * n + b] + x[(p2 * INPUTS) * n + b];
        }
    }

    /**
     * A batch laid out batch-innermost: input i of sequence b at step t is {@code inputs[(t·2 + i)·size + b]},
     * so every loop over the batch runs over consecutive doubles (and the JIT vectorises it).
     */
    public static final class Batch {
        final int size;
        final int steps;
        final double[] inputs;
        final double[] targets;

        public Batch(int steps, int size) {
            this.size = size;
            this.steps = steps;
            this.inputs = new double[steps * INPUTS * size];
            this.targets = new double[size];
        }

        public double input(int t, int i, int b) { return inputs[(t * INPUTS + i) * size + b]; }
        public double target(int b) { return targets[b]; }
        public int size() { return size; }
        public int steps() { return steps; }
    }
}
