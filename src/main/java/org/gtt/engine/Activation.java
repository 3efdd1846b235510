package org.gtt.engine;

import java.util.Locale;
import org.gtt.engine.math.PortableMath;

/**
 * The element-wise nonlinearity φ of the vanilla RNN and the MLP. Derivatives are taken from the
 * pre-activation, not from φ's value, so saturated units keep their tiny but non-zero slope
 * (1 − tanh² cancels to 0 in double precision long before sech² underflows).
 */
public enum Activation {
    TANH(1.0) {
        @Override public double value(double a) { return PortableMath.tanh(a); }
        @Override public double derivative(double a) { return Nonlinear.tanhDerivative(a); }
    },
    SIGMOID(0.25) {
        @Override public double value(double a) { return Nonlinear.sigmoid(a); }
        @Override public double derivative(double a) { return Nonlinear.sigmoidDerivative(a); }
    },
    RELU(1.0) {
        @Override public double value(double a) { return a > 0 ? a : 0.0; }
        // PyTorch's convention: the slope at exactly 0 is 0.
        @Override public double derivative(double a) { return a > 0 ? 1.0 : 0.0; }
    },
    LINEAR(1.0) {
        @Override public double value(double a) { return a; }
        @Override public double derivative(double a) { return 1.0; }
    };

    private final double maxSlope;

    Activation(double maxSlope) { this.maxSlope = maxSlope; }

    public abstract double value(double a);

    public abstract double derivative(double a);

    /** γ = sup |φ′|, the constant in Pascanu et al.'s bound. */
    public double maxSlope() { return maxSlope; }

    public String jsonName() { return name().toLowerCase(Locale.ROOT); }
}
