package org.gtt.train;

/**
 * The Elman cell h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh), h_0 = 0, with φ = tanh (rnn) or ReLU
 * (irnn), as PyTorch's {@code nn.RNN}.
 */
final class ElmanNet extends RecurrentNet {
    private final boolean relu;
    private final double[] h;
    private final double[] dh;
    private final double[] dhPrevious;
    private final double[] da;
    private final double[] squares;

    ElmanNet(ModelKind kind, int hidden, int steps, int batch, double[] params) {
        super(kind, hidden, steps, batch, params);
        this.relu = kind == ModelKind.IRNN;
        int block = hidden * batch;
        this.h = new double[(steps + 1) * block];
        this.dh = new double[block];
        this.dhPrevious = new double[block];
        this.da = new double[block];
        this.squares = new double[batch];
    }

    @Override
    void forwardStates(double[] x) {
        int block = hidden * batch;
        for (int t = 1; t <= steps; t++) {
            int now = t * block;
            inputTerms(h, now, x, t - 1, 0, hidden, true);
            recurrentTerms(h, now, h, now - block, 0, hidden);
            for (int i = now; i < now + block; i++) {
                h[i] = relu ? Math.max(0.0, h[i]) : tanh(h[i]);
            }
        }
    }

    @Override
    void backwardStates(double[] x, double[] stepNorms, double[] cellNorms) {
        int block = hidden * batch;
        double[] gradient = dh;
        double[] previous = dhPrevious;
        for (int t = steps; t >= 1; t--) {
            if (stepNorms != null) stepNorms[t - 1] = sumOfColumnNorms(gradient, squares);
            int now = t * block;
            for (int i = 0; i < block; i++) {
                double state = h[now + i];
                da[i] = gradient[i] * (relu ? (state > 0.0 ? 1.0 : 0.0) : 1.0 - state * state);
            }
            inputGradients(da, 0, x, t - 1, 0, hidden, true);
            recurrentGradients(da, 0, h, now - block, 0, hidden);
            if (t > 1) {
                java.util.Arrays.fill(previous, 0.0);
                backIntoHidden(previous, da, 0, 0, hidden);
                double[] swap = gradient;
                gradient = previous;
                previous = swap;
            }
        }
    }

    @Override
    double[] hiddenStates() { return h; }

    @Override
    double[] hiddenGradient() { return dh; }

    @Override
    long workspaceBytes() {
        return 8L * (h.length + dh.length + dhPrevious.length + da.length + squares.length
                + params.length + grads.length + 2L * batch);
    }
}
