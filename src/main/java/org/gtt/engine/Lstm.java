package org.gtt.engine;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.gtt.engine.math.PortableMath;

/**
 * torch.nn.LSTM, one layer, gate rows i, f, g, o; state s = [h; c]. Without the forget gate
 * (Hochreiter & Schmidhuber 1997) f ≡ 1 and the f rows of the weights are unused.
 */
final class Lstm extends ForwardModel {
    private final RecurrentWeights weights;
    private final double[][] inputs;
    private final boolean forgetGate;
    private final int n;
    /** Per step t: the diagonal factors of ∂s_t/∂s_{t−1}, see {@link #stepJacobian}. */
    private final double[][] inputSlope;
    private final double[][] forgetSlope;
    private final double[][] candidateSlope;
    private final double[][] outputSlope;
    private final double[][] cellToHidden;
    private final double[][] forget;
    private final double[][] log10Forget;

    Lstm(RecurrentWeights weights, double[][] inputs, double[] h0, double[] c0, boolean forgetGate) {
        super(inputs.length);
        this.weights = weights;
        this.inputs = inputs;
        this.forgetGate = forgetGate;
        this.n = weights.hiddenSize();
        int rows = inputs.length + 1;
        inputSlope = new double[rows][];
        forgetSlope = new double[rows][];
        candidateSlope = new double[rows][];
        outputSlope = new double[rows][];
        cellToHidden = new double[rows][];
        forget = new double[rows][];
        log10Forget = new double[rows][];
        run(Vectors.concat(h0, c0));
    }

    @Override
    public int stateSize(int k) { return 2 * n; }

    @Override
    double[] advance(int t, double[] s, boolean record) {
        double[] pre = new double[4 * n];
        double[] fromInput = new double[4 * n];
        Vectors.affine(weights.weightIh(), weights.biasIh(), 0, inputs[t - 1], fromInput);
        Vectors.affine(weights.weightHh(), weights.biasHh(), 0, Arrays.copyOf(s, n), pre);
        for (int k = 0; k < pre.length; k++) {
            pre[k] += fromInput[k];
        }
        requireFinite(pre, t);
        double[] next = new double[2 * n];
        if (record) {
            allocateStep(t);
        }
        for (int u = 0; u < n; u++) {
            double ai = pre[u];
            double af = pre[n + u];
            double ag = pre[2 * n + u];
            double ao = pre[3 * n + u];
            double i = Nonlinear.sigmoid(ai);
            double f = forgetGate ? Nonlinear.sigmoid(af) : 1.0;
            double g = PortableMath.tanh(ag);
            double o = Nonlinear.sigmoid(ao);
            double cPrev = s[n + u];
            double c = f * cPrev + i * g;
            double tanhC = PortableMath.tanh(c);
            next[u] = o * tanhC;
            next[n + u] = c;
            if (record) {
                inputSlope[t][u] = g * Nonlinear.sigmoidDerivative(ai);
                forgetSlope[t][u] = forgetGate ? cPrev * Nonlinear.sigmoidDerivative(af) : 0.0;
                candidateSlope[t][u] = i * Nonlinear.tanhDerivative(ag);
                outputSlope[t][u] = tanhC * Nonlinear.sigmoidDerivative(ao);
                cellToHidden[t][u] = o * Nonlinear.tanhDerivative(c);
                forget[t][u] = f;
                log10Forget[t][u] = forgetGate ? Nonlinear.log10Sigmoid(af) : 0.0;
            }
        }
        return next;
    }

    private void allocateStep(int t) {
        inputSlope[t] = new double[n];
        forgetSlope[t] = new double[n];
        candidateSlope[t] = new double[n];
        outputSlope[t] = new double[n];
        cellToHidden[t] = new double[n];
        forget[t] = new double[n];
        log10Forget[t] = new double[n];
    }

    /**
     * With C = ∂c_t/∂h_{t−1} = diag(g⊙σ′(a_i)) W_hi + diag(c_{t−1}⊙σ′(a_f)) W_hf + diag(i⊙tanh′(a_g)) W_hg:
     * ∂c_t/∂c_{t−1} = diag(f), ∂h_t/∂h_{t−1} = diag(tanh(c_t)⊙σ′(a_o)) W_ho + diag(o⊙tanh′(c_t)) C,
     * ∂h_t/∂c_{t−1} = diag(o⊙tanh′(c_t)⊙f).
     */
    @Override
    public void stepJacobian(int t, DMatrixRMaj out) {
        out.zero();
        double[][] w = weights.weightHh();
        DiagonalScaling.rows(inputSlope[t], w, 0, out, n, 0, false);
        DiagonalScaling.rows(forgetSlope[t], w, n, out, n, 0, true);
        DiagonalScaling.rows(candidateSlope[t], w, 2 * n, out, n, 0, true);
        DiagonalScaling.rows(outputSlope[t], w, 3 * n, out, 0, 0, false);
        double[] data = out.data;
        int stride = 2 * n;
        for (int u = 0; u < n; u++) {
            double scale = cellToHidden[t][u];
            int hRow = u * stride;
            int cRow = (n + u) * stride;
            for (int j = 0; j < n; j++) {
                data[hRow + j] += scale * data[cRow + j];
            }
            data[cRow + n + u] = forget[t][u];
            data[hRow + n + u] = scale * forget[t][u];
        }
    }

    /**
     * The c-columns of the step Jacobian hold only two non-zeros each ((u, n+u) and (n+u, n+u)), so
     * only the h-columns need a dense product: half the work of a full 2n×2n product.
     */
    @Override
    public void multiplyLeft(DMatrixRMaj left, DMatrixRMaj factor, DMatrixRMaj out) {
        MatrixProduct.multiply(left, factor, out, n);
        int stride = 2 * n;
        for (int r = 0; r < left.numRows; r++) {
            int row = r * stride;
            for (int u = 0; u < n; u++) {
                out.data[row + n + u] = left.data[row + u] * factor.data[u * stride + n + u]
                        + left.data[row + n + u] * factor.data[(n + u) * stride + n + u];
            }
        }
    }

    /** log10 max_i ∏_{t=k+1..T} f_{t,i} for k = 0..T, from log-sigmoids so it never underflows. */
    double[] forgetProductLog10() {
        int steps = steps();
        double[] sums = new double[n];
        double[] result = new double[steps + 1];
        for (int t = steps; t >= 1; t--) {
            double max = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < n; u++) {
                sums[u] += log10Forget[t][u];
                max = PortableMath.max(max, sums[u]);
            }
            result[t - 1] = max;
        }
        return result;
    }
}
