package org.gtt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.gtt.engine.Activation;
import org.gtt.engine.DenseLayer;
import org.gtt.engine.RecurrentWeights;

/**
 * The test's own forward pass h_t = φ(W_t h_{t−1} + c_t), t = 1..T, written from the lessons'
 * equations (mlp: W_t = W_ℓ, c_t = b_ℓ; rnn: W_t = W_hh, c_t = W_ih x_t + b_ih + b_hh). It is the
 * oracle for the lessons' formulas: its Jacobian products are checked against finite differences of
 * its own forward pass, and the engine's norms against them.
 */
final class Unrolled {
    private final Activation activation;
    private final List<double[][]> weights;
    private final List<double[]> offsets;
    private final List<double[]> states = new ArrayList<>();
    private final List<double[]> preActivations = new ArrayList<>();

    private Unrolled(Activation activation, List<double[][]> weights, List<double[]> offsets, double[] start) {
        this.activation = activation;
        this.weights = weights;
        this.offsets = offsets;
        states.add(start);
        preActivations.add(null);
        for (int t = 1; t <= weights.size(); t++) {
            double[] a = affine(t, states.get(t - 1));
            preActivations.add(a);
            states.add(apply(a));
        }
    }

    static Unrolled mlp(Activation activation, List<DenseLayer> layers, double[] input) {
        List<double[][]> w = new ArrayList<>();
        List<double[]> c = new ArrayList<>();
        for (DenseLayer layer : layers) {
            w.add(layer.weight());
            c.add(layer.bias());
        }
        return new Unrolled(activation, w, c, input);
    }

    static Unrolled rnn(Activation activation, RecurrentWeights rw, double[][] inputs, double[] h0) {
        List<double[][]> w = new ArrayList<>();
        List<double[]> c = new ArrayList<>();
        for (double[] x : inputs) {
            double[] offset = new double[rw.weightHh().length];
            for (int i = 0; i < offset.length; i++) {
                offset[i] = rw.biasIh()[i] + rw.biasHh()[i];
                for (int j = 0; j < x.length; j++) {
                    offset[i] += rw.weightIh()[i][j] * x[j];
                }
            }
            w.add(rw.weightHh());
            c.add(offset);
        }
        return new Unrolled(activation, w, c, h0);
    }

    int steps() { return weights.size(); }

    double[] state(int t) { return states.get(t); }

    /** diag(φ′(a_t)) W_t, the Jacobian ∂h_t/∂h_{t−1}. */
    DMatrixRMaj stepJacobian(int t) {
        double[][] w = weights.get(t - 1);
        double[] a = preActivations.get(t);
        DMatrixRMaj j = new DMatrixRMaj(w);
        for (int r = 0; r < j.numRows; r++) {
            double slope = activation.derivative(a[r]);
            for (int col = 0; col < j.numCols; col++) {
                j.set(r, col, slope * j.get(r, col));
            }
        }
        return j;
    }

    /** ‖diag φ′(a_t)‖₂ = max_i |φ′(a_t,i)|. */
    double maxSlope(int t) {
        double max = 0;
        for (double a : preActivations.get(t)) {
            max = Math.max(max, Math.abs(activation.derivative(a)));
        }
        return max;
    }

    /** ∂h_T/∂h_k = J_T J_{T−1} ⋯ J_{k+1}, the highest step on the left. */
    DMatrixRMaj jacobian(int k) {
        DMatrixRMaj product = CommonOps_DDRM.identity(state(steps()).length);
        for (int t = steps(); t > k; t--) {
            DMatrixRMaj next = new DMatrixRMaj(product.numRows, weights.get(t - 1)[0].length);
            CommonOps_DDRM.mult(product, stepJacobian(t), next);
            product = next;
        }
        return product;
    }

    /** ∂h_T/∂h_k by central differences of the forward pass restarted at step k. */
    DMatrixRMaj finiteDifferenceJacobian(int k, double step) {
        double[] hk = state(k);
        DMatrixRMaj result = new DMatrixRMaj(state(steps()).length, hk.length);
        for (int j = 0; j < hk.length; j++) {
            double[] plus = hk.clone();
            double[] minus = hk.clone();
            plus[j] += step;
            minus[j] -= step;
            double[] up = runFrom(k, plus);
            double[] down = runFrom(k, minus);
            for (int i = 0; i < up.length; i++) {
                result.set(i, j, (up[i] - down[i]) / (2 * step));
            }
        }
        return result;
    }

    /** The product formula agrees with central differences (step 1e-6) to 1e-6 of its Frobenius norm. */
    void assertJacobianMatchesFiniteDifferences(int k) {
        DMatrixRMaj product = jacobian(k);
        DMatrixRMaj fd = finiteDifferenceJacobian(k, 1e-6);
        double scale = NormOps_DDRM.normF(product);
        for (int i = 0; i < product.getNumElements(); i++) {
            assertEquals(fd.get(i), product.get(i), 1e-6 * scale + 1e-9, "∂h_T/∂h_k, k = " + k);
        }
    }

    private double[] runFrom(int k, double[] h) {
        double[] s = h;
        for (int t = k + 1; t <= steps(); t++) {
            s = apply(affine(t, s));
        }
        return s;
    }

    private double[] affine(int t, double[] h) {
        double[][] w = weights.get(t - 1);
        double[] a = offsets.get(t - 1).clone();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < h.length; j++) {
                a[i] += w[i][j] * h[j];
            }
        }
        return a;
    }

    private double[] apply(double[] a) {
        double[] h = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            h[i] = activation.value(a[i]);
        }
        return h;
    }

    static double[] transposeTimes(DMatrixRMaj m, double[] v) {
        double[] out = new double[m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            for (int j = 0; j < m.numCols; j++) {
                out[j] += m.get(i, j) * v[i];
            }
        }
        return out;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    static double[] minus(double[] a, double[] b) {
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            d[i] = a[i] - b[i];
        }
        return d;
    }
}
