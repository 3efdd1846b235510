package org.gtt.engine;

import org.gtt.engine.math.PortableMath;

/**
 * The largest eigenvalue of a symmetric tridiagonal matrix (diagonal α, off-diagonal β) by
 * Rayleigh-quotient iteration checked by a Sturm count (bisection when that fails), with its unit
 * eigenvector: what the Lanczos process needs to judge convergence.
 */
final class SymmetricTridiagonal {
    private SymmetricTridiagonal() {}

    /**
     * Each bisection halves [lo, hi]; from a width of at most 2^1025 it reaches the spacing of the
     * smallest subnormals (2^−1074) within 2100 halvings, so the cap is never what stops a finite matrix.
     */
    private static final int MAX_BISECTIONS = 2200;

    /**
     * Largest eigenvalue of the leading size×size block, to a few ulps. A NaN or infinite entry is a
     * caller's bug (the Jacobian chain refuses such matrices): it throws rather than bisect on NaN,
     * where every comparison is false and the interval would never shrink.
     */
    static double largestEigenvalue(double[] alpha, double[] beta, int size) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < size; i++) {
            double radius = (i > 0 ? PortableMath.abs(beta[i - 1]) : 0) + (i < size - 1 ? PortableMath.abs(beta[i]) : 0);
            lo = PortableMath.min(lo, alpha[i] - radius);
            hi = PortableMath.max(hi, alpha[i] + radius);
        }
        if (!(Double.isFinite(lo) && Double.isFinite(hi))) {
            throw new ArithmeticException("the tridiagonal matrix has an infinite or NaN entry");
        }
        for (int bisection = 0; bisection < MAX_BISECTIONS; bisection++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi || hi - lo <= 4 * PortableMath.ulp(PortableMath.max(PortableMath.abs(lo), PortableMath.abs(hi)))) {
                return hi;
            }
            if (countBelow(alpha, beta, size, mid) == size) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    /** The number of eigenvalues below x (Sturm sequence from the LDLᵀ factorisation of T − xI). */
    private static int countBelow(double[] alpha, double[] beta, int size, double x) {
        int count = 0;
        double q = alpha[0] - x;
        for (int i = 0; ; i++) {
            if (q == 0) {
                q = -Double.MIN_NORMAL;
            }
            if (q < 0) {
                count++;
            }
            if (i + 1 == size) {
                return count;
            }
            q = alpha[i + 1] - x - beta[i] * beta[i] / q;
        }
    }

    /**
     * The top eigenpair of the leading size×size block: Rayleigh-quotient iteration from
     * {@code vector} (the previous top eigenvector, padded with zeros), accepted only if a Sturm
     * count shows no eigenvalue above it; otherwise bisection plus inverse iteration. On return
     * {@code vector} holds the unit eigenvector; the eigenvalue is returned.
     */
    static double topEigenpair(double[] alpha, double[] beta, int size, double[] vector, double[][] work) {
        if (size == 1) {
            vector[0] = 1.0;
        }
        normalize(vector, size);
        double[] product = work[5];
        for (int iteration = 0; iteration < 6; iteration++) {
            double mu = rayleighQuotient(alpha, beta, size, vector, product);
            double residual = 0;
            double scale = 0;
            for (int i = 0; i < size; i++) {
                double r = product[i] - mu * vector[i];
                residual += r * r;
                scale = PortableMath.max(scale, PortableMath.abs(alpha[i]) + (i < size - 1 ? 2 * PortableMath.abs(beta[i]) : 0));
            }
            residual = PortableMath.sqrt(residual);
            if (residual <= 64 * PortableMath.ulp(scale)) {
                double above = mu + 2 * residual + 16 * PortableMath.ulp(scale);
                if (countBelow(alpha, beta, size, above) == size) {
                    return mu;
                }
                break;
            }
            solveShifted(alpha, beta, size, mu, vector, work);
            normalize(vector, size);
        }
        double theta = largestEigenvalue(alpha, beta, size);
        java.util.Arrays.fill(vector, 0, size, 1.0);
        for (int pass = 0; pass < 2; pass++) {
            solveShifted(alpha, beta, size, theta, vector, work);
            normalize(vector, size);
        }
        return theta;
    }

    private static double rayleighQuotient(double[] alpha, double[] beta, int size, double[] x, double[] product) {
        double quotient = 0;
        for (int i = 0; i < size; i++) {
            double value = alpha[i] * x[i];
            if (i > 0) {
                value += beta[i - 1] * x[i - 1];
            }
            if (i < size - 1) {
                value += beta[i] * x[i + 1];
            }
            product[i] = value;
            quotient += value * x[i];
        }
        return quotient;
    }

    private static void normalize(double[] x, int size) {
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = PortableMath.max(max, PortableMath.abs(x[i]));
        }
        double inverse = 1.0 / max;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            x[i] *= inverse;
            sum += x[i] * x[i];
        }
        double length = 1.0 / PortableMath.sqrt(sum);
        for (int i = 0; i < size; i++) {
            x[i] *= length;
        }
    }

    /** Overwrites x with (T − θI)⁻¹x; a zero pivot is replaced by a tiny one, as inverse iteration allows. */
    private static void solveShifted(double[] alpha, double[] beta, int size, double theta, double[] x, double[][] work) {
        double[] diag = work[1];
        double[] upper = work[2];
        double[] upper2 = work[3];
        double[] sub = work[4];
        for (int i = 0; i < size; i++) {
            diag[i] = alpha[i] - theta;
            upper[i] = i < size - 1 ? beta[i] : 0;
            upper2[i] = 0;
            sub[i] = i < size - 1 ? beta[i] : 0;
        }
        double tiny = PortableMath.ulp(1.0) * (PortableMath.abs(theta) + Double.MIN_NORMAL);
        for (int i = 0; i < size - 1; i++) {
            if (PortableMath.abs(sub[i]) > PortableMath.abs(diag[i])) {
                // Swap rows i and i+1.
                double d = diag[i];
                double u = upper[i];
                double u2 = upper2[i];
                double b = x[i];
                diag[i] = sub[i];
                upper[i] = diag[i + 1];
                upper2[i] = upper[i + 1];
                x[i] = x[i + 1];
                sub[i] = d;
                diag[i + 1] = u;
                upper[i + 1] = u2;
                x[i + 1] = b;
            }
            if (diag[i] == 0) {
                diag[i] = tiny;
            }
            double factor = sub[i] / diag[i];
            diag[i + 1] -= factor * upper[i];
            upper[i + 1] -= factor * upper2[i];
            x[i + 1] -= factor * x[i];
        }
        if (diag[size - 1] == 0) {
            diag[size - 1] = tiny;
        }
        for (int i = size - 1; i >= 0; i--) {
            double value = x[i];
            if (i + 1 < size) {
                value -= upper[i] * x[i + 1];
            }
            if (i + 2 < size) {
                value -= upper2[i] * x[i + 2];
            }
            x[i] = value / diag[i];
        }
    }
}
