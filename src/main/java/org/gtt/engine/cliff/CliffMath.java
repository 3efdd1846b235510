package org.gtt.engine.cliff;

import org.gtt.engine.math.PortableMath;

/** The one place the cliff's code calls transcendental functions, so every platform gets the same bits. */
final class CliffMath {
    private CliffMath() {}

    static double exp(double a) {
        return PortableMath.exp(a);
    }

    static double sigmoid(double a) {
        double e = exp(-PortableMath.abs(a));
        return a >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /** √(a² + b²) without overflow, from the correctly rounded sqrt (hypot is not exact on every platform). */
    static double norm(double a, double b) {
        double x = PortableMath.abs(a);
        double y = PortableMath.abs(b);
        double big = PortableMath.max(x, y);
        if (big == 0.0 || big == Double.POSITIVE_INFINITY) return big;
        double r = PortableMath.min(x, y) / big;
        return big * PortableMath.sqrt(1.0 + r * r);
    }

    static double sigmoidDerivative(double a) {
        double e = exp(-PortableMath.abs(a));
        double d = 1.0 + e;
        return e / (d * d);
    }
}
