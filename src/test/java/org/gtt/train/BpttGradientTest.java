package org.gtt.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gtt.engine.SeededGaussian;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-written BPTT against central finite differences: for every parameter θ_i of every model,
 * (L(θ + h e_i) − L(θ − h e_i)) / 2h with h = 1e-5, whose error is O(h²) ≈ 1e-10 (plus rounding
 * ≈ 1e-16·L/h), must match ∂L/∂θ_i within 1e-7 + 1e-6·|∂L/∂θ_i|. Small sizes (H = 3, T = 6, B = 4) and
 * parameters drawn U(−0.8, 0.8), so every gate works away from saturation and every ReLU away from its kink.
 */
class BpttGradientTest {
    private static final double H = 1e-5;
    private static final int HIDDEN = 3;
    private static final int STEPS = 6;
    private static final int BATCH = 4;

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyParameterGradientMatchesCentralDifferences(ModelKind kind) {
        checkEveryGradient(kind, HIDDEN, BATCH, 0.8, 0.9);
    }

    /**
     * The same at H = 9, B = 10: sizes where the W_hh products run through MatrixProduct's 2 × 8 tiles and their
     * remainders (at H = 3, B = 4 only the remainders run); parameters U(−0.5, 0.5), as nine terms add up. Some
     * of the irnn's ReLU units stay below zero on every step of every sequence here, and all their weights
     * (and their columns of W_hh) get zero gradients, so fewer of its gradients are non-zero.
     */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void gradientsMatchAtSizesThatFillTheTiles(ModelKind kind) {
        checkEveryGradient(kind, 9, 10, 0.5, kind == ModelKind.IRNN ? 0.4 : 0.9);
    }

    private static void checkEveryGradient(ModelKind kind, int hidden, int batch, double scale, double nonZeroShare) {
        double[] params = randomParameters(kind, hidden, scale, 7);
        RecurrentNet net = RecurrentNet.create(kind, hidden, STEPS, batch, params);
        AddingProblem.Batch data = new AddingProblem.Batch(STEPS, batch);
        new AddingProblem(STEPS, 3, 1).fill(data);
        net.forward(data);
        net.backward(data, null, null);
        double[] analytic = net.grads.clone();
        assertEquals(RecurrentNet.parameterCount(kind, hidden), analytic.length);
        int nonZero = 0;
        for (int i = 0; i < params.length; i++) {
            double saved = params[i];
            params[i] = saved + H;
            double up = net.forward(data);
            params[i] = saved - H;
            double down = net.forward(data);
            params[i] = saved;
            double numeric = (up - down) / (2 * H);
            double tolerance = 1e-7 + 1e-6 * Math.abs(analytic[i]);
            assertEquals(numeric, analytic[i], tolerance, kind + " parameter " + i + " of " + params.length);
            if (Math.abs(analytic[i]) > 1e-6) nonZero++;
        }
        // the check is not passed by gradients that are all zero
        assertTrue(nonZero > params.length * nonZeroShare, kind + ": only " + nonZero + " of " + params.length + " gradients non-zero");
    }

    /**
     * At k = T the step norm has a closed form: ∂ℓ_b/∂h_T = 2(ŷ_b − y_b)·w_out, so the batch average is
     * 2‖w_out‖·mean|ŷ_b − y_b|; for the lstm ∂ℓ_b/∂c_T = ∂ℓ_b/∂h_T ⊙ o_T ⊙ (1 − tanh² c_T) is checked
     * through the sum over time in the next test instead.
     */
    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void lastStepNormHasItsClosedForm(ModelKind kind) {
        double[] params = randomParameters(kind, 11);
        RecurrentNet net = RecurrentNet.create(kind, HIDDEN, STEPS, BATCH, params);
        AddingProblem.Batch data = new AddingProblem.Batch(STEPS, BATCH);
        new AddingProblem(STEPS, 5, 1).fill(data);
        net.forward(data);
        double[] steps = new double[STEPS];
        double[] cells = kind == ModelKind.LSTM ? new double[STEPS] : null;
        net.backward(data, steps, cells);
        double out = 0;
        for (int j = 0; j < HIDDEN; j++) out += params[net.wOut + j] * params[net.wOut + j];
        double meanError = 0;
        for (int b = 0; b < BATCH; b++) meanError += Math.abs(net.predictions[b] - data.targets[b]) / BATCH;
        assertEquals(2 * Math.sqrt(out) * meanError, steps[STEPS - 1], 1e-12);
        for (double norm : steps) assertTrue(norm > 0 && Double.isFinite(norm));
        if (cells != null) for (double norm : cells) assertTrue(norm > 0 && Double.isFinite(norm));
    }

    /**
     * ‖∂ℓ/∂h_k‖ for k &lt; T for one sequence (B = 1), recomputed from the stored states by the closed-form
     * chain ∂ℓ/∂h_{k−1} = W_hhᵀ diag(φ′(a_k)) ∂ℓ/∂h_k of the Elman cell, from ∂ℓ/∂h_T = 2(ŷ − y)·w_out.
     */
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"RNN", "IRNN"})
    void earlierStepNormsFollowTheJacobianChain(ModelKind kind) {
        double[] params = randomParameters(kind, 13);
        RecurrentNet net = RecurrentNet.create(kind, HIDDEN, STEPS, 1, params);
        AddingProblem.Batch data = new AddingProblem.Batch(STEPS, 1);
        new AddingProblem(STEPS, 9, 1).fill(data);
        net.forward(data);
        double[] steps = new double[STEPS];
        net.backward(data, steps, null);
        double[] h = net.hiddenStates();
        double[] dh = new double[HIDDEN];
        for (int j = 0; j < HIDDEN; j++) dh[j] = 2 * (net.predictions[0] - data.targets[0]) * params[net.wOut + j];
        for (int k = STEPS; k >= 1; k--) {
            assertEquals(norm(dh), steps[k - 1], 1e-12 * (1 + norm(dh)), "step " + k);
            double[] previous = new double[HIDDEN];
            for (int j = 0; j < HIDDEN; j++) {
                double state = h[k * HIDDEN + j];
                double da = dh[j] * (kind == ModelKind.IRNN ? (state > 0 ? 1 : 0) : 1 - state * state);
                for (int i = 0; i < HIDDEN; i++) previous[i] += params[net.wHh + j * HIDDEN + i] * da;
            }
            dh = previous;
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    private static double[] randomParameters(ModelKind kind, long seed) {
        return randomParameters(kind, HIDDEN, 0.8, seed);
    }

    private static double[] randomParameters(ModelKind kind, int hidden, double scale, long seed) {
        SeededGaussian random = new SeededGaussian(seed, kind.ordinal());
        double[] params = new double[RecurrentNet.parameterCount(kind, hidden)];
        for (int i = 0; i < params.length; i++) params[i] = scale * (2 * random.uniform() - 1);
        return params;
    }
}
