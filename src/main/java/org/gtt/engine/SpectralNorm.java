package org.gtt.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The largest singular value of a series of related matrices (the running product J_k, or
 * consecutive step Jacobians), as √λ_max of B = A·Aᵀ (or Aᵀ·A, whichever is smaller), by the
 * Lanczos process with full reorthogonalisation.
 *
 * <p>It starts from the previous matrix's top singular vector, which for J_k = J_{k+1}·A barely
 * moves, so a handful of matrix–vector products usually suffice. It stops when the top Ritz pair's
 * residual ‖By − θy‖ = β_j·|s_j| is at most 1e−10·θ (then θ is within 1e−10·θ of an eigenvalue of B,
 * so √θ within 5e−11 relative of a singular value), or when the Krylov space is the whole space
 * (then θ is λ_max to rounding). A random component of relative size 1e−2 is added to the start,
 * so that a start orthogonal to the true top vector (diagonal matrices whose largest entry moves)
 * cannot stop on the second singular value unless the two agree to about 1e−10·√n/1e−2.
 */
final class SpectralNorm {
    private static final double TOLERANCE = 1e-10;
    private static final double PERTURBATION = 1e-2;

    private final SeededGaussian random = new SeededGaussian(0, 7);
    private double[] warm = new double[0];
    private double[][] basis = new double[0][];
    private double[] alpha = new double[0];
    private double[] beta = new double[0];
    private double[][] tridiagonalWork = new double[6][0];
    private double[] ritz = new double[0];
    private double[] image = new double[0];
    private double[] middle = new double[0];
    private final DMatrixRMaj transposed = new DMatrixRMaj(1, 1);
    int products;

    /** ‖a‖₂ for a matrix that is not all zero. */
    double of(DMatrixRMaj a) {
        CommonOps_DDRM.transpose(a, transposed);
        boolean wide = a.numRows <= a.numCols;
        int size = wide ? a.numRows : a.numCols;
        prepare(size, wide ? a.numCols : a.numRows);
        double[] v = basis[0];
        System.arraycopy(warm, 0, v, 0, size);
        double theta;
        for (int j = 0; ; j++) {
            applyGram(a, wide, basis[j], image);
            products++;
            double[] w = image;
            alpha[j] = dot(w, basis[j], size);
            for (int i = 0; i <= j; i++) {
                axpy(-dot(w, basis[i], size), basis[i], w, size);
            }
            double b = Math.sqrt(dot(w, w, size));
            beta[j] = b;
            theta = SymmetricTridiagonal.topEigenpair(alpha, beta, j + 1, ritz, tridiagonalWork);
            boolean complete = j + 1 == size;
            if (complete || b == 0 || b * Math.abs(ritz[j]) <= TOLERANCE * theta) {
                keepRitzVector(j + 1, size);
                return Math.sqrt(theta);
            }
            double[] next = basis[j + 1];
            for (int i = 0; i < size; i++) {
                next[i] = w[i] / b;
            }
        }
    }

    private void prepare(int size, int other) {
        if (warm.length != size) {
            warm = new double[size];
            Arrays.fill(warm, 1.0 / Math.sqrt(size));
            basis = new double[size][size];
            alpha = new double[size];
            beta = new double[size];
            tridiagonalWork = new double[6][size];
            ritz = new double[size];
            image = new double[size];
        }
        if (middle.length != other) {
            middle = new double[other];
        }
        double scale = PERTURBATION / Math.sqrt(size);
        for (int i = 0; i < size; i++) {
            warm[i] += scale * random.next();
        }
        double norm = Math.sqrt(dot(warm, warm, size));
        for (int i = 0; i < size; i++) {
            warm[i] /= norm;
        }
    }

    /** The next start: the Ritz vector y = V·s of the top eigenvalue, s by inverse iteration. */
    private void keepRitzVector(int steps, int size) {
        double[] s = ritz;
        Arrays.fill(warm, 0.0);
        for (int i = 0; i < steps; i++) {
            axpy(s[i], basis[i], warm, size);
        }
        double norm = Math.sqrt(dot(warm, warm, size));
        if (!(norm > 0)) {
            Arrays.fill(warm, 1.0 / Math.sqrt(size));
            return;
        }
        for (int i = 0; i < size; i++) {
            warm[i] /= norm;
        }
    }

    /**
     * out = A·Aᵀ·v (wide) or Aᵀ·A·v (tall). Both products run over rows of A or Aᵀ in the
     * axpy form, which the JIT vectorises (a row-times-vector dot product it would not).
     */
    private void applyGram(DMatrixRMaj a, boolean wide, double[] v, double[] out) {
        if (wide) {
            transposeTimes(a, v, middle);
            transposeTimes(transposed, middle, out);
        } else {
            transposeTimes(transposed, v, middle);
            transposeTimes(a, middle, out);
        }
    }

    /** out = aᵀu, four rows of a per pass so each entry of out is loaded and stored once per four. */
    private static void transposeTimes(DMatrixRMaj a, double[] u, double[] out) {
        int cols = a.numCols;
        int rows = a.numRows;
        double[] data = a.data;
        Arrays.fill(out, 0, cols, 0.0);
        int i = 0;
        for (; i + 4 <= rows; i += 4) {
            double u0 = u[i];
            double u1 = u[i + 1];
            double u2 = u[i + 2];
            double u3 = u[i + 3];
            int b0 = i * cols;
            int b1 = b0 + cols;
            int b2 = b1 + cols;
            int b3 = b2 + cols;
            for (int j = 0; j < cols; j++) {
                out[j] += data[b0 + j] * u0 + data[b1 + j] * u1 + data[b2 + j] * u2 + data[b3 + j] * u3;
            }
        }
        for (; i < rows; i++) {
            double ui = u[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += data[base + j] * ui;
            }
        }
    }

    private static double dot(double[] x, double[] y, int size) {
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static void axpy(double factor, double[] x, double[] y, int size) {
        for (int i = 0; i < size; i++) {
            y[i] += factor * x[i];
        }
    }
}
