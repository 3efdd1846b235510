package org.gtt.engine.cliff;

/** The one place the cliff's code calls transcendental functions, so every platform gets the same bits. */
final class CliffMath {
    private CliffMath() {}

    static double exp(double a) {
        return StrictMath.exp(a);
    }

    static double sigmoid(double a) {
        double e = exp(-Math.abs(a));
        return a >= 0 ? 1.0 / (1.0 + e) : e / (1.0 + e);
    }

    /** √(a² + b²) without overflow, from the correctly rounded sqrt (hypot is not exact on every platform). */
    static double norm(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        double big = Math.max(x, y);
        if (big == 0.0 || big == Double.POSITIVE_INFINITY) return big;
        double r = Math.min(x, y) / big;
        return big * Math.sqrt(1.0 + r * r);
    }

    static double sigmoidDerivative(double a) {
        double e = exp(-Math.abs(a));
        double d = 1.0 + e;
        return e / (d * d);
    }
}
