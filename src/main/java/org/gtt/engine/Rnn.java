package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;

/** torch.nn.RNN, one layer: h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh). */
final class Rnn extends ForwardModel {
    private final RecurrentWeights weights;
    private final double[][] inputs;
    private final Activation activation;
    private final double[][] slopes;

    Rnn(RecurrentWeights weights, double[][] inputs, double[] h0, Activation activation) {
        super(inputs.length);
        this.weights = weights;
        this.inputs = inputs;
        this.activation = activation;
        this.slopes = new double[inputs.length + 1][];
        run(h0);
    }

    @Override
    public int stateSize(int k) { return weights.hiddenSize(); }

    @Override
    double[] advance(int t, double[] h, boolean record) {
        int n = h.length;
        double[] a = new double[n];
        double[] fromInput = new double[n];
        Vectors.affine(weights.weightIh(), weights.biasIh(), 0, inputs[t - 1], fromInput);
        Vectors.affine(weights.weightHh(), weights.biasHh(), 0, h, a);
        double[] next = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] += fromInput[i];
            next[i] = activation.value(a[i]);
        }
        requireFinite(a, t);
        if (record) {
            double[] slope = new double[n];
            for (int i = 0; i < n; i++) {
                slope[i] = activation.derivative(a[i]);
            }
            slopes[t] = slope;
        }
        return next;
    }

    /** ∂h_t/∂h_{t−1} = diag(φ′(a_t)) W_hh. */
    @Override
    public void stepJacobian(int t, DMatrixRMaj out) {
        DiagonalScaling.rows(slopes[t], weights.weightHh(), 0, out, 0, 0, false);
    }
}
