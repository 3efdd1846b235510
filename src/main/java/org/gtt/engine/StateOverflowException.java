package org.gtt.engine;

/**
 * A number the engine needs left the double range: the weights, inputs or initial state are too large
 * for this model. Thrown instead of letting ±∞ or NaN reach the answer (or an iteration that would
 * never converge on them).
 */
public final class StateOverflowException extends RuntimeException {
    private final int step;

    /** The forward pass: a pre-activation or a state at step {@code step} is beyond ±1.8e308. */
    StateOverflowException(int step) {
        this(step, "the forward pass overflows the double range at step " + step
                + " (a pre-activation is beyond ±1.8e308)");
    }

    private StateOverflowException(int step, String what) {
        super(what + "; use smaller weights, scale, inputs or initial state");
        this.step = step;
    }

    /** An entry of the step Jacobian ∂s_t/∂s_{t−1} is ±∞ or NaN (e.g. a huge slope times a huge weight). */
    static StateOverflowException inJacobian(int step) {
        return new StateOverflowException(step, "the step Jacobian ∂s_t/∂s_{t−1} at step " + step
                + " has an entry beyond ±1.8e308 (the double range)");
    }

    /** W_hh's spectral radius or largest singular value cannot be held by a double. */
    static StateOverflowException inRecurrentMatrix() {
        return new StateOverflowException(0, "the spectral radius or largest singular value of weight_hh_l0"
                + " is beyond ±1.8e308 (the double range)");
    }

    public int step() { return step; }
}
