package org.gtt.engine;

import org.gtt.engine.math.PortableMath;

/**
 * Sigmoid and tanh with their derivatives, written so that no result depends on the platform
 * ({@link PortableMath} only) and saturated arguments keep full relative precision.
 */
final class Nonlinear {
    private Nonlinear() {}

    static double sigmoid(double a) {
        if (a >= 0) {
            return 1.0 / (1.0 + PortableMath.exp(-a));
        }
        double e = PortableMath.exp(a);
        return e / (1.0 + e);
    }

    /** σ(a)·σ(−a), from one exponential; never computes 1 − σ(a), which cancels to 0. */
    static double sigmoidDerivative(double a) {
        double e = PortableMath.exp(-PortableMath.abs(a));
        double d = 1.0 + e;
        return e / (d * d);
    }

    /** 1 − tanh²(a) = sech²(a); the direct form is used only where it loses no precision. */
    static double tanhDerivative(double a) {
        if (PortableMath.abs(a) < 0.5) {
            double t = PortableMath.tanh(a);
            return 1.0 - t * t;
        }
        double e = PortableMath.exp(-2.0 * PortableMath.abs(a));
        double d = 1.0 + e;
        return 4.0 * e / (d * d);
    }

    /** log10 σ(a) without underflow: −log10(1 + e^{−a}). */
    static double log10Sigmoid(double a) {
        if (a >= 0) {
            return -PortableMath.log1p(PortableMath.exp(-a)) / LN10;
        }
        return (a - PortableMath.log1p(PortableMath.exp(a))) / LN10;
    }

    static final double LN10 = PortableMath.log(10.0);
}
