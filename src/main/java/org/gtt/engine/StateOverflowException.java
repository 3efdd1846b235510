package org.gtt.engine;

/** The forward pass left the double range: the weights or inputs are too large for this model. */
public final class StateOverflowException extends RuntimeException {
    private final int step;

    StateOverflowException(int step) {
        super("the forward pass overflows the double range at step " + step
                + " (a pre-activation is beyond ±1.8e308); use smaller weights, scale or inputs");
        this.step = step;
    }

    public int step() { return step; }
}
