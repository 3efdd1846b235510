package org.gtt.engine;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.gtt.engine.math.PortableMath;

/** Eigenvalues of a real square matrix as {re, im} pairs, largest modulus first. */
final class Eigenvalues {
    private Eigenvalues() {}

    static double[][] of(double[][] square) {
        return of(new DMatrixRMaj(square));
    }

    /** The matrix itself may be overwritten. */
    static double[][] of(DMatrixRMaj square) {
        int n = square.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false);
        if (!eig.decompose(square)) {
            throw new ArithmeticException("the eigenvalue iteration did not converge");
        }
        double[][] values = new double[n][];
        for (int i = 0; i < n; i++) {
            Complex_F64 value = eig.getEigenvalue(i);
            values[i] = new double[] {value.real, value.imaginary};
        }
        Arrays.sort(values, Comparator.<double[]>comparingDouble(v -> -PortableMath.hypot(v[0], v[1]))
                .thenComparingDouble(v -> -v[0]).thenComparingDouble(v -> -v[1]));
        return values;
    }

    /** The largest modulus; the values come sorted, so it is the first one's. */
    static double spectralRadius(double[][] eigenvalues) {
        return eigenvalues.length == 0 ? 0 : PortableMath.hypot(eigenvalues[0][0], eigenvalues[0][1]);
    }
}
