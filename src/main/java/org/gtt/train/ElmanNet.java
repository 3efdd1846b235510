package org.gtt.train;

/**
 * The Elman cell h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), h_0 = 0, with φ = tanh (rnn) or ReLU
 * (irnn), as PyTorch's {@code nn.RNN}.
 */
final class ElmanNet extends RecurrentNet {
    private final boolean relu;
    private final double[] da;

    ElmanNet(ModelKind kind, int hidden, int steps, int batch, double[] params) {
        super(kind, hidden, steps, batch, params);
        this.relu = kind == ModelKind.IRNN;
        this.da = new double[hidden * batch];
    }

    @Override
    void forwardStates(double[] x) {
        int block = hidden * batch;
        for (int t = 1; t <= steps; t++) {
            int now = t * block;
            inputTerms(h, now, x, t - 1, 0, hidden, true);
            recurrentTerms(h, now, now - block, 0, hidden);
            for (int i = now; i < now + block; i++) {
                h[i] = relu ? Math.max(0.0, h[i]) : tanh(h[i]);
            }
        }
    }

    @Override
    double[] stepBack(double[] x, int t, double[] dhNow, double[] cellNorms) {
        int block = hidden * batch;
        int now = t * block;
        for (int i = 0; i < block; i++) {
            double state = h[now + i];
            da[i] = dhNow[i] * (relu ? (state > 0.0 ? 1.0 : 0.0) : 1.0 - state * state);
        }
        inputGradients(da, 0, x, t - 1, 0, hidden, true);
        return da;
    }

    @Override
    long cellBytes() {
        return 8L * da.length;
    }
}
