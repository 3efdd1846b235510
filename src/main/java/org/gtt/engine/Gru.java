package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;
import org.gtt.engine.math.PortableMath;

/**
 * torch.nn.GRU, one layer, gate rows r, z, n:
 * n_t = tanh(W_in x_t + b_in + r ⊙ (W_hn h_{t−1} + b_hn)), h_t = (1 − z) ⊙ n_t + z ⊙ h_{t−1}.
 */
final class Gru extends ForwardModel {
    private final RecurrentWeights weights;
    private final double[][] inputs;
    private final int n;
    /** Per step t: ∂h_t/∂h_{t−1} = diag(z) + diag(newSlope) W_hn + diag(resetSlope) W_hr + diag(updateSlope) W_hz. */
    private final double[][] update;
    private final double[][] newSlope;
    private final double[][] resetSlope;
    private final double[][] updateSlope;

    Gru(RecurrentWeights weights, double[][] inputs, double[] h0) {
        super(inputs.length);
        this.weights = weights;
        this.inputs = inputs;
        this.n = weights.hiddenSize();
        int rows = inputs.length + 1;
        update = new double[rows][];
        newSlope = new double[rows][];
        resetSlope = new double[rows][];
        updateSlope = new double[rows][];
        run(h0);
    }

    @Override
    public int stateSize(int k) { return n; }

    @Override
    double[] advance(int t, double[] h, boolean record) {
        double[] fromInput = new double[3 * n];
        double[] fromHidden = new double[3 * n];
        Vectors.affine(weights.weightIh(), weights.biasIh(), 0, inputs[t - 1], fromInput);
        Vectors.affine(weights.weightHh(), weights.biasHh(), 0, h, fromHidden);
        requireFinite(fromInput, t);
        requireFinite(fromHidden, t);
        if (record) {
            update[t] = new double[n];
            newSlope[t] = new double[n];
            resetSlope[t] = new double[n];
            updateSlope[t] = new double[n];
        }
        double[] next = new double[n];
        for (int u = 0; u < n; u++) {
            double ar = fromInput[u] + fromHidden[u];
            double az = fromInput[n + u] + fromHidden[n + u];
            double hiddenNew = fromHidden[2 * n + u];
            double r = Nonlinear.sigmoid(ar);
            double an = fromInput[2 * n + u] + r * hiddenNew;
            double z = Nonlinear.sigmoid(az);
            // 1 − z from σ(−a_z) directly: with z rounded to 1 the difference would cancel to 0.
            double keep = Nonlinear.sigmoid(-az);
            double candidate = PortableMath.tanh(an);
            next[u] = keep * candidate + z * h[u];
            if (record) {
                double candidateSlope = keep * Nonlinear.tanhDerivative(an);
                update[t][u] = z;
                newSlope[t][u] = candidateSlope * r;
                resetSlope[t][u] = candidateSlope * hiddenNew * Nonlinear.sigmoidDerivative(ar);
                updateSlope[t][u] = (h[u] - candidate) * Nonlinear.sigmoidDerivative(az);
            }
        }
        return next;
    }

    @Override
    public void stepJacobian(int t, DMatrixRMaj out) {
        double[][] w = weights.weightHh();
        DiagonalScaling.rows(newSlope[t], w, 2 * n, out, 0, 0, false);
        DiagonalScaling.rows(resetSlope[t], w, 0, out, 0, 0, true);
        DiagonalScaling.rows(updateSlope[t], w, n, out, 0, 0, true);
        for (int u = 0; u < n; u++) {
            out.data[u * n + u] += update[t][u];
        }
    }
}
