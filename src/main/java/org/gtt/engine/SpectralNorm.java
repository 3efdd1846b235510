package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * The largest singular value of a series of related matrices (the running product, or consecutive
 * step Jacobians). Power iteration on A·Aᵀ starts from the previous matrix's top left singular
 * vector, which for a product J_k = J_{k+1}·A barely moves, so a few matrix–vector products
 * usually suffice. It stops when the eigen-residual ‖AAᵀu − λu‖ ≤ 1e−12·λ. A small random
 * component is added to the start so that a start orthogonal to the true top vector (diagonal
 * matrices whose largest entry moves) cannot pass that test: a wrong answer would need a relative
 * gap below 1e−12/1e−3, i.e. an error below 1e−9. When the iteration is slow (close top singular
 * values), an SVD answers instead.
 */
final class SpectralNorm {
    private static final double TOLERANCE = 1e-12;
    private static final double PERTURBATION = 1e-3;
    private static final int MAX_ITERATIONS = 64;

    private final SeededGaussian random = new SeededGaussian(0, 7);
    private double[] left = new double[0];
    private double[] right = new double[0];
    private double[] image = new double[0];
    private SingularValueDecomposition_F64<DMatrixRMaj> svd;
    private int svdRows = -1;
    private int svdCols = -1;
    int iterations;
    int svdFallbacks;

    /** ‖a‖₂ for a matrix that is not all zero. */
    double of(DMatrixRMaj a) {
        int rows = a.numRows;
        int cols = a.numCols;
        prepare(rows, cols);
        double[] u = left;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            iterations++;
            double lambda = transposeTimes(a, u, right);
            if (lambda == 0) {
                break;
            }
            times(a, right, image);
            double residual = 0;
            double imageNorm = 0;
            for (int i = 0; i < rows; i++) {
                double diff = image[i] - lambda * u[i];
                residual += diff * diff;
                imageNorm += image[i] * image[i];
            }
            double scale = 1.0 / Math.sqrt(imageNorm);
            for (int i = 0; i < rows; i++) {
                u[i] = image[i] * scale;
            }
            if (Math.sqrt(residual) <= TOLERANCE * lambda) {
                return Math.sqrt(lambda);
            }
        }
        svdFallbacks++;
        return largestSingularValue(a);
    }

    private void prepare(int rows, int cols) {
        if (left.length != rows) {
            left = new double[rows];
            image = new double[rows];
            java.util.Arrays.fill(left, 1.0 / Math.sqrt(rows));
        }
        if (right.length != cols) {
            right = new double[cols];
        }
        double sum = 0;
        for (int i = 0; i < rows; i++) {
            left[i] += PERTURBATION * random.next() / Math.sqrt(rows);
            sum += left[i] * left[i];
        }
        double scale = 1.0 / Math.sqrt(sum);
        for (int i = 0; i < rows; i++) {
            left[i] *= scale;
        }
    }

    /** out = aᵀu; returns ‖out‖², the Rayleigh quotient of a·aᵀ at the unit vector u. */
    private static double transposeTimes(DMatrixRMaj a, double[] u, double[] out) {
        java.util.Arrays.fill(out, 0.0);
        double[] data = a.data;
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double ui = u[i];
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += data[base + j] * ui;
            }
        }
        double sum = 0;
        for (double x : out) {
            sum += x * x;
        }
        return sum;
    }

    private static void times(DMatrixRMaj a, double[] v, double[] out) {
        double[] data = a.data;
        int cols = a.numCols;
        for (int i = 0; i < a.numRows; i++) {
            double sum = 0;
            int base = i * cols;
            for (int j = 0; j < cols; j++) {
                sum += data[base + j] * v[j];
            }
            out[i] = sum;
        }
    }

    private double largestSingularValue(DMatrixRMaj a) {
        if (svd == null || svdRows != a.numRows || svdCols != a.numCols) {
            svd = DecompositionFactory_DDRM.svd(a.numRows, a.numCols, false, false, true);
            svdRows = a.numRows;
            svdCols = a.numCols;
        }
        if (!svd.decompose(a.copy())) {
            throw new ArithmeticException("the SVD did not converge");
        }
        double max = 0;
        for (double s : svd.getSingularValues()) {
            max = Math.max(max, s);
        }
        return max;
    }
}
