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
    /** ∂L/∂c_t going back (through c_{t+1} only, until the step adds the path through h_t). */
    private final double[] dc;
    private final double[] da;

    LstmNet(int hidden, int steps, int batch, double[] params) {
        super(ModelKind.LSTM, hidden, steps, batch, params);
        int block = hidden * batch;
        this.gates = new double[steps * 4 * block];
        this.c = new double[(steps + 1) * block];
        this.tanhC = new double[(steps + 1) * block];
        this.dc = new double[block];
        this.da = new double[4 * block];
    }

    @Override
    void forwardStates(double[] x) {
        int block = hidden * batch;
        for (int t = 1; t <= steps; t++) {
            int g0 = (t - 1) * 4 * block;
            int now = t * block;
            int before = now - block;
            inputTerms(gates, g0, x, t - 1, 0, rows, true);
            recurrentTerms(gates, g0, before, 0, rows);
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
    void startBackward() {
        java.util.Arrays.fill(dc, 0.0);
    }

    @Override
    double[] stepBack(double[] x, int t, double[] dhNow, double[] cellNorms) {
        int block = hidden * batch;
        int g0 = (t - 1) * 4 * block;
        int now = t * block;
        int before = now - block;
        for (int i = 0; i < block; i++) {
            double in = gates[g0 + i];
            double forget = gates[g0 + block + i];
            double cell = gates[g0 + 2 * block + i];
            double out = gates[g0 + 3 * block + i];
            double squashed = tanhC[now + i];
            double dState = dc[i] + dhNow[i] * out * (1.0 - squashed * squashed);
            dc[i] = dState;
            da[i] = dState * cell * in * (1.0 - in);
            da[block + i] = dState * c[before + i] * forget * (1.0 - forget);
            da[2 * block + i] = dState * in * (1.0 - cell * cell);
            da[3 * block + i] = dhNow[i] * squashed * out * (1.0 - out);
        }
        // dc now holds the total ∂L/∂c_t (through h_t and through c_{t+1})
        if (cellNorms != null) cellNorms[t - 1] = sumOfColumnNorms(dc);
        for (int i = 0; i < block; i++) dc[i] *= gates[g0 + block + i];
        inputGradients(da, 0, x, t - 1, 0, rows, true);
        return da;
    }

    @Override
    long cellBytes() {
        return 8L * (gates.length + c.length + tanhC.length + dc.length + da.length);
    }
}
