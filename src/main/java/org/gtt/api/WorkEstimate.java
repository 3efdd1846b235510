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
     * The cliff's unit costs the same for every time step, at every grid point of {@code GET /api/v1/cliff} and
     * every iteration of {@code GET /api/v1/cliff/descent}: {@link #CLIFF_UNIT_STEP_MICROS} per point (or iteration)
     * and step, fitted to the engine alone on the default grid (101 × 101, T = 50): 110 ms in a bench run on a
     * loaded machine where the default rnn chart took 23.5 ms, 19.4× its reference 1.21 ms, so about 5.7 ms on the
     * reference machine (README, "Cliff grid"). Re-fit when the README's figure is re-measured on a quiet machine.
     */
    public static double cliffGridMillis(int n, int steps) {
        return CLIFF_UNIT_STEP_MICROS * n * (double) n * steps / 1000.0;
    }

    public static double cliffDescentMillis(int iterations, int steps) {
        return CLIFF_UNIT_STEP_MICROS * iterations * (double) steps / 1000.0;
    }

    static final double CLIFF_UNIT_STEP_MICROS = 0.011;

    private static double modelFactor(ModelType model) {
        return switch (model) {
            case RNN -> 1.0;
            case LSTM -> 0.62;
            case GRU -> 1.37;
            case MLP -> 0.46;
        };
    }
}
