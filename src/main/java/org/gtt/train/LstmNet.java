package org.gtt.train;

/**
 * PyTorch's {@code nn.LSTM} cell, gates in its order i, f, g, o:
 * i = σ(·), f = σ(·), g = tanh(·), o = σ(·) of W_ih x_t + b_ih + W_hh h_{t−1} + b_hh;
 * c_t = f ⊙ c_{t−1} + i ⊙ g, h_t = o ⊙ tanh(c_t), h_0 = c_0 = 0.
 */
final class LstmNet extends RecurrentNet {
    private final double[] gates;
    private final double[] c;
    private final double[] tanhC;
    private final double[] h;
    private final double[] dh;
    private final double[] dhPrevious;
    private final double[] dc;
    private final double[] da;
    private final double[] squares;

    LstmNet(int hidden, int steps, int batch, double[] params) {
        super(ModelKind.LSTM, hidden, steps, batch, params);
        int block = hidden * batch;
        this.gates = new double[steps * 4 * block];
        this.c = new double[(steps + 1) * block];
        this.tanhC = new double[(steps + 1) * block];
        this.h = new double[(steps + 1) * block];
        this.dh = new double[block];
        this.dhPrevious = new double[block];
        this.dc = new double[block];
        this.da = new double[4 * block];
        this.squares = new double[batch];
    }

    @Override
    void forwardStates(double[] x) {
        int block = hidden * batch;
        for (int t = 1; t <= steps; t++) {
            int g0 = (t - 1) * 4 * block;
            int now = t * block;
            int before = now - block;
            inputTerms(gates, g0, x, t - 1, 0, rows, true);
            recurrentTerms(gates, g0, h, before, 0, rows);
            for (int i = 0; i < block; i++) {
                double in = sigmoid(gates[g0 + i]);
                double forget = sigmoid(gates[g0 + block + i]);
                double cell = tanh(gates[g0 + 2 * block + i]);
                double out = sigmoid(gates[g0 + 3 * block + i]);
                gates[g0 + i] = in;
                gates[g0 + block + i] = forget;
                gates[g0 + 2 * block + i] = cell;
                gates[g0 + 3 * block + i] = out;
                double state = forget * c[before + i] + in * cell;
                c[now + i] = state;
                double squashed = tanh(state);
                tanhC[now + i] = squashed;
                h[now + i] = out * squashed;
            }
        }
    }

    @Override
    void backwardStates(double[] x, double[] stepNorms, double[] cellNorms) {
        int block = hidden * batch;
        java.util.Arrays.fill(dc, 0.0);
        double[] gradient = dh;
        double[] previous = dhPrevious;
        for (int t = steps; t >= 1; t--) {
            if (stepNorms != null) stepNorms[t - 1] = sumOfColumnNorms(gradient, squares);
            int g0 = (t - 1) * 4 * block;
            int now = t * block;
            int before = now - block;
            for (int i = 0; i < block; i++) {
                double in = gates[g0 + i];
                double forget = gates[g0 + block + i];
                double cell = gates[g0 + 2 * block + i];
                double out = gates[g0 + 3 * block + i];
                double squashed = tanhC[now + i];
                double dState = dc[i] + gradient[i] * out * (1.0 - squashed * squashed);
                dc[i] = dState;
                da[i] = dState * cell * in * (1.0 - in);
                da[block + i] = dState * c[before + i] * forget * (1.0 - forget);
                da[2 * block + i] = dState * in * (1.0 - cell * cell);
                da[3 * block + i] = gradient[i] * squashed * out * (1.0 - out);
            }
            // dc now holds the total ∂L/∂c_t (through h_t and through c_{t+1})
            if (cellNorms != null) cellNorms[t - 1] = sumOfColumnNorms(dc, squares);
            for (int i = 0; i < block; i++) dc[i] *= gates[g0 + block + i];
            inputGradients(da, 0, x, t - 1, 0, rows, true);
            recurrentGradients(da, 0, h, before, 0, rows);
            if (t > 1) {
                java.util.Arrays.fill(previous, 0.0);
                backIntoHidden(previous, da, 0, 0, rows);
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
        return 8L * (gates.length + c.length + tanhC.length + h.length + dh.length + dhPrevious.length + dc.length
                + da.length + squares.length + params.length + grads.length + 2L * batch);
    }
}
