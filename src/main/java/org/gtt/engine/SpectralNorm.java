package org.gtt.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.gtt.engine.math.PortableMath;

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
    private static final int SMALL = 32;

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
    private final DMatrixRMaj compact = new DMatrixRMaj(1, 1);
    /** The rows of the current matrix that are not all zero: the matrix itself, or {@code compact}. */
    private DMatrixRMaj rows;
    private int[] usedRows = new int[0];
    private int usedCount;
    private double[] gathered = new double[0];

    /** ‖a‖₂ for a finite matrix that is not all zero (a NaN entry throws, in the eigenvalue bisection). */
    double of(DMatrixRMaj a) {
        rows = compactRows(a);
        CommonOps_DDRM.transpose(rows, transposed);
        boolean wide = a.numRows <= a.numCols;
        int size = wide ? a.numRows : a.numCols;
        prepare(size, wide ? a.numCols : a.numRows);
        double[] v = basis[0];
        System.arraycopy(warm, 0, v, 0, size);
        int checked = 0;
        // At j = size − 1 the Krylov space is the whole space and the loop returns: at most size steps.
        for (int j = 0; j < size; j++) {
            double b = extendBasis(j, wide, size);
            boolean complete = j + 1 == size;
            boolean invariant = b <= TOLERANCE * PortableMath.abs(alpha[j]);
            // A check costs O(j), a Lanczos step O(n²): small matrices check every other step only.
            if (complete || invariant || size > SMALL || j % 2 == 1) {
                // Start from the last top eigenvector padded with zeros; the first time from e_1, the warm start.
                Arrays.fill(ritz, checked, j + 1, 0.0);
                if (checked == 0) {
                    ritz[0] = 1.0;
                }
                double theta = SymmetricTridiagonal.topEigenpair(alpha, beta, j + 1, ritz, tridiagonalWork);
                checked = j + 1;
                if (complete || invariant || b * PortableMath.abs(ritz[j]) <= TOLERANCE * theta) {
                    keepRitzVector(j + 1, size);
                    return PortableMath.sqrt(theta);
                }
            }
            double[] next = basis[j + 1];
            for (int i = 0; i < size; i++) {
                next[i] = image[i] / b;
            }
        }
        throw new IllegalStateException("unreachable: the last Lanczos step returns");
    }

    /**
     * One Lanczos step: w = B·v_j, α_j = w·v_j, w minus its components along v_0..v_j (the
     * three-term recurrence, then full reorthogonalisation); leaves w in {@code image}, returns β_j = ‖w‖.
     */
    private double extendBasis(int j, boolean wide, int size) {
        double[] w = image;
        applyGram(wide, basis[j], w);
        alpha[j] = dot(w, basis[j], size);
        axpy(-alpha[j], basis[j], w, size);
        if (j > 0) {
            axpy(-beta[j - 1], basis[j - 1], w, size);
        }
        double before = PortableMath.sqrt(dot(w, w, size));
        double b = orthogonalize(w, j, size);
        if (b < 0.7 * before) {
            // Much of w cancelled, so rounding left it off-orthogonal: once more ("twice is enough").
            b = orthogonalize(w, j, size);
        }
        beta[j] = b;
        return b;
    }

    /** Removes from w its components along basis[0..j]; returns the new ‖w‖. */
    private double orthogonalize(double[] w, int j, int size) {
        for (int i = 0; i <= j; i++) {
            axpy(-dot(w, basis[i], size), basis[i], w, size);
        }
        return PortableMath.sqrt(dot(w, w, size));
    }

    private void prepare(int size, int other) {
        if (warm.length != size) {
            warm = new double[size];
            Arrays.fill(warm, 1.0 / PortableMath.sqrt(size));
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
        if (gathered.length < usedCount) {
            gathered = new double[PortableMath.max(usedCount, PortableMath.max(size, other))];
        }
        double scale = PERTURBATION / PortableMath.sqrt(size);
        for (int i = 0; i < size; i++) {
            warm[i] += scale * random.next();
        }
        double norm = PortableMath.sqrt(dot(warm, warm, size));
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
        double norm = PortableMath.sqrt(dot(warm, warm, size));
        if (!(norm > 0)) {
            Arrays.fill(warm, 1.0 / PortableMath.sqrt(size));
            return;
        }
        for (int i = 0; i < size; i++) {
            warm[i] /= norm;
        }
    }

    /**
     * Copies the rows of a that are not all zero into {@code compact} (inactive ReLUs zero half the
     * rows of a step Jacobian): they add nothing to A·Aᵀ or Aᵀ·A but would cost as much as the rest.
     */
    private DMatrixRMaj compactRows(DMatrixRMaj a) {
        if (usedRows.length < a.numRows) {
            usedRows = new int[a.numRows];
        }
        int count = 0;
        for (int i = 0; i < a.numRows; i++) {
            int base = i * a.numCols;
            for (int j = 0; j < a.numCols; j++) {
                if (a.data[base + j] != 0) {
                    usedRows[count++] = i;
                    break;
                }
            }
        }
        usedCount = count;
        if (count == a.numRows) {
            return a;
        }
        compact.reshape(count, a.numCols);
        for (int r = 0; r < count; r++) {
            System.arraycopy(a.data, usedRows[r] * a.numCols, compact.data, r * a.numCols, a.numCols);
        }
        return compact;
    }

    /**
     * out = A·Aᵀ·v (wide: vectors indexed by all rows of A) or Aᵀ·A·v (tall), from the compact
     * rows. Both products run over rows in the axpy form, which the JIT vectorises (a row-times-
     * vector dot product it would not).
     */
    private void applyGram(boolean wide, double[] v, double[] out) {
        if (wide) {
            for (int r = 0; r < usedCount; r++) {
                gathered[r] = v[usedRows[r]];
            }
            transposeTimes(rows, gathered, middle);
            transposeTimes(transposed, middle, gathered);
            Arrays.fill(out, 0.0);
            for (int r = 0; r < usedCount; r++) {
                out[usedRows[r]] = gathered[r];
            }
        } else {
            transposeTimes(transposed, v, gathered);
            transposeTimes(rows, gathered, out);
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
