package org.gtt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;

/** The warm-started power iteration against EJML's SVD (relative agreement 1e−10). */
class SpectralNormTest {

    /** A series of random products, as the Jacobian chain produces them, of several shapes. */
    @Test
    void agreesWithSvdAlongARandomProduct() {
        for (int n : new int[] {1, 2, 7, 32}) {
            SeededGaussian gaussian = new SeededGaussian(n, 3);
            SpectralNorm norm = new SpectralNorm();
            DMatrixRMaj product = CommonOps_DDRM.identity(n);
            for (int step = 0; step < 60; step++) {
                DMatrixRMaj factor = random(n, n, gaussian);
                DMatrixRMaj next = new DMatrixRMaj(n, n);
                CommonOps_DDRM.mult(product, factor, next);
                PowerOfTwo.normalize(next);
                product = next;
                assertAgrees(norm, product);
            }
        }
    }

    /**
     * Diagonal matrices whose largest entry moves to another index: the previous top vector is then
     * an exact eigenvector of the new A·Aᵀ for a smaller eigenvalue, the trap the perturbation avoids.
     */
    @Test
    void followsTheLargestEntryOfDiagonalMatrices() {
        SpectralNorm norm = new SpectralNorm();
        for (int top = 0; top < 6; top++) {
            DMatrixRMaj diagonal = new DMatrixRMaj(6, 6);
            for (int i = 0; i < 6; i++) {
                diagonal.set(i, i, i == top ? 1.5 : 1.0 + 0.01 * i);
            }
            assertEquals(1.5, norm.of(diagonal), 1e-12);
        }
    }

    /** Rectangular and nearly degenerate (two equal top singular values, slightly split). */
    @Test
    void handlesRectangularAndClusteredMatrices() {
        SeededGaussian gaussian = new SeededGaussian(5, 5);
        SpectralNorm norm = new SpectralNorm();
        assertAgrees(norm, random(9, 4, gaussian));
        assertAgrees(norm, random(4, 9, gaussian));
        DMatrixRMaj clustered = CommonOps_DDRM.diag(1.0, 1.0 - 1e-7, 0.5, 0.2);
        assertAgrees(norm, clustered);
    }

    private static void assertAgrees(SpectralNorm norm, DMatrixRMaj a) {
        double expected = FiniteDifference.spectralNorm(a);
        assertEquals(expected, norm.of(a), 1e-10 * expected);
    }

    private static DMatrixRMaj random(int rows, int cols, SeededGaussian gaussian) {
        DMatrixRMaj m = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = gaussian.next();
        }
        return m;
    }
}
