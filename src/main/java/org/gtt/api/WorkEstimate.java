package org.gtt.api;

import org.gtt.engine.GradientRequest;
import org.gtt.engine.ModelType;

/**
 * What a gradient (or cliff) request will cost, known from its sizes before it runs, so the server can decide
 * whether it may run at once or must wait for a place in the bounded pool.
 *
 * <p>Each step (each layer of an mlp) multiplies a d×d Jacobian into the running product and takes
 * spectral norms by Lanczos: about d³ work for the product plus d² per Lanczos step, with d the state
 * size (n, or 2n for the lstm's [h; c]). So a step costs {@code a·d³ + b·d} microseconds; a and b were
 * fitted to the rnn's timings in the README (T = 500, n = 8…64, a quiet 2-core machine), and each
 * model's factor to its largest request there (lstm 249 ms, gru 92 ms, mlp 274 ms). The estimate is
 * a figure for ranking and admission, not a promise: within a factor of two on that machine.
 */
public final class WorkEstimate {
    private WorkEstimate() {}

    private static final double CUBIC_MICROS = 3.4e-4;
    private static final double LINEAR_MICROS = 0.74;

    /** Estimated engine time in milliseconds on the reference machine. */
    public static double millis(GradientRequest request) {
        ModelType model = request.model();
        int d = model == ModelType.LSTM ? 2 * request.hidden() : request.hidden();
        double perStepMicros = CUBIC_MICROS * d * (double) d * d + LINEAR_MICROS * d;
        return modelFactor(model) * request.steps() * perStepMicros / 1000.0;
    }

    /**
     * The cliff's unit costs the same for every time step at every grid point of {@code GET /api/v1/cliff}:
     * {@link #CLIFF_UNIT_STEP_MICROS} per point and step, fitted to the engine alone on the default grid (101 × 101,
     * T = 50: 1.30 ms in the README's "Cliff grid" run, a quiet machine) and within a factor of two of the largest
     * grid there (201 × 201, T = 200: 11.6 ms, less per step because more of its points settle on a fixed point early).
     */
    public static double cliffGridMillis(int n, int steps) {
        return CLIFF_UNIT_STEP_MICROS * n * (double) n * steps / 1000.0;
    }

    /**
     * A descent's iterations cost {@link #CLIFF_DESCENT_STEP_MICROS} per iteration and step: one point at a time, so
     * none of the grid's SIMD throughput; fitted to the longest descent in the README's run (1,000 iterations,
     * T = 200: 8.2 ms).
     */
    public static double cliffDescentMillis(int iterations, int steps) {
        return CLIFF_DESCENT_STEP_MICROS * iterations * (double) steps / 1000.0;
    }

    static final double CLIFF_UNIT_STEP_MICROS = 0.002;
    static final double CLIFF_DESCENT_STEP_MICROS = 0.04;

    private static double modelFactor(ModelType model) {
        return switch (model) {
            case RNN -> 1.0;
            case LSTM -> 0.62;
            case GRU -> 1.37;
            case MLP -> 0.46;
        };
    }
}
