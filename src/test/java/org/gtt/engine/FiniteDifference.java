package org.gtt.engine;

import java.util.function.Function;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;

/** Central finite differences, error O(h²): the reference every analytic derivative is checked against. */
final class FiniteDifference {
    static final double H = 1e-5;

    private FiniteDifference() {}

    /** ∂f/∂x at x, rows = outputs, columns = inputs. */
    static DMatrixRMaj jacobian(Function<double[], double[]> f, double[] x) {
        int outputs = f.apply(x).length;
        DMatrixRMaj jacobian = new DMatrixRMaj(outputs, x.length);
        for (int j = 0; j < x.length; j++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] += H;
            minus[j] -= H;
            double[] up = f.apply(plus);
            double[] down = f.apply(minus);
            for (int i = 0; i < outputs; i++) {
                jacobian.set(i, j, (up[i] - down[i]) / (2 * H));
            }
        }
        return jacobian;
    }

    /** ∂f/∂x for a scalar f, as a vector. */
    static double[] gradient(Function<double[], Double> f, double[] x) {
        double[] gradient = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[j] += H;
            minus[j] -= H;
            gradient[j] = (f.apply(plus) - f.apply(minus)) / (2 * H);
        }
        return gradient;
    }

    /** ‖a − b‖_F / ‖b‖_F. */
    static double relativeError(DMatrixRMaj actual, DMatrixRMaj expected) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < expected.getNumElements(); i++) {
            double d = actual.data[i] - expected.data[i];
            diff += d * d;
            norm += expected.data[i] * expected.data[i];
        }
        return Math.sqrt(diff / norm);
    }

    static double spectralNorm(DMatrixRMaj a) {
        double max = 0;
        for (double s : SingularOps_DDRM.singularValues(a)) {
            max = Math.max(max, s);
        }
        return max;
    }
}
