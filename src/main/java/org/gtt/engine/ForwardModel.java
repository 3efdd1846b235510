package org.gtt.engine;

/** Runs the forward pass once, keeping every state; subclasses record what their Jacobians need. */
abstract class ForwardModel implements StepModel {
    private final double[][] states;

    ForwardModel(int steps) {
        this.states = new double[steps + 1][];
    }

    /** Call at the end of the subclass constructor, once its fields are set. */
    final void run(double[] initialState) {
        states[0] = initialState.clone();
        for (int t = 1; t < states.length; t++) {
            states[t] = advance(t, states[t - 1], true);
            requireFinite(states[t], t);
        }
    }

    @Override
    public final int steps() { return states.length - 1; }

    final double[] state(int t) { return states[t]; }

    @Override
    public final double[] step(int t, double[] previous) {
        return advance(t, previous, false);
    }

    /** s_t from s_{t−1}; when {@code record}, also stores the slopes step t's Jacobian needs. */
    abstract double[] advance(int t, double[] previous, boolean record);

    static void requireFinite(double[] values, int t) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new StateOverflowException(t);
            }
        }
    }
}
