package org.gtt.engine;

import org.gtt.engine.math.PortableMath;

/** The few dense vector operations the forward passes need. */
final class Vectors {
    private Vectors() {}

    static final double LOG10_2 = PortableMath.log10(2.0);

    /** out[i] = bias[from + i] + Σ_j w[from + i][j] x[j] for i < out.length. */
    static void affine(double[][] w, double[] bias, int from, double[] x, double[] out) {
        for (int i = 0; i < out.length; i++) {
            double[] row = w[from + i];
            double sum = bias[from + i];
            for (int j = 0; j < x.length; j++) {
                sum += row[j] * x[j];
            }
            out[i] = sum;
        }
    }

    static double[] concat(double[] a, double[] b) {
        double[] out = new double[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** log10 of the Euclidean norm without overflow or underflow; −∞ for the zero vector. */
    static double log10Norm(double[] v) {
        double max = 0;
        for (double x : v) {
            max = PortableMath.max(max, PortableMath.abs(x));
        }
        if (max == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        int exponent = PortableMath.getExponent(max);
        double sum = 0;
        for (double x : v) {
            double scaled = PortableMath.scalb(x, -exponent);
            sum += scaled * scaled;
        }
        return PortableMath.log10(PortableMath.sqrt(sum)) + exponent * LOG10_2;
    }
}
