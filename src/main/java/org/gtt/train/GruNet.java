package org.gtt.train;

/**
 * PyTorch's {@code nn.GRU} cell, gates in its order r, z, n:
 * r = σ(W_ir x + b_ir + W_hr h + b_hr), z = σ(W_iz x + b_iz + W_hz h + b_hz),
 * n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h_t = (1 − z) ⊙ n + z ⊙ h_{t−1}, h_0 = 0.
 */
final class GruNet extends RecurrentNet {
    /** Per step: r, z, n and W_hn h + b_hn, each H×B. */
    private final double[] gates;
    /** Pre-activation gradients of the W_hh side: r, z, and n's r ⊙ (…); the W_ih side differs only in n. */
    private final double[] da;
    private final double[] daInputN;
    private final double[] inputN;

    GruNet(int hidden, int steps, int batch, double[] params) {
        super(ModelKind.GRU, hidden, steps, batch, params);
        int block = hidden * batch;
        this.gates = new double[steps * 4 * block];
        this.da = new double[3 * block];
        this.daInputN = new double[block];
        this.inputN = new double[block];
    }

    @Override
    void forwardStates(double[] x) {
        int block = hidden * batch;
        int n = 2 * hidden;
        for (int t = 1; t <= steps; t++) {
            int g0 = (t - 1) * 4 * block;
            int now = t * block;
            int before = now - block;
            inputTerms(gates, g0, x, t - 1, 0, n, true);
            recurrentTerms(gates, g0, before, 0, n);
            inputTerms(inputN, 0, x, t - 1, n, rows, false);
            // W_hn h + b_hn into the fourth block
            int hn = g0 + 3 * block;
            for (int j = 0; j < hidden; j++) {
                double bias = params[bHh + n + j];
                for (int b = 0; b < batch; b++) gates[hn + j * batch + b] = bias;
            }
            recurrentTerms(gates, hn, before, n, rows);
            for (int i = 0; i < block; i++) {
                double reset = sigmoid(gates[g0 + i]);
                double update = sigmoid(gates[g0 + block + i]);
                double candidate = tanh(inputN[i] + reset * gates[hn + i]);
                gates[g0 + i] = reset;
                gates[g0 + block + i] = update;
                gates[g0 + 2 * block + i] = candidate;
                h[now + i] = candidate + update * (h[before + i] - candidate);
            }
        }
    }

    @Override
    double[] stepBack(double[] x, int t, double[] dhNow, double[] cellNorms) {
        int block = hidden * batch;
        int n = 2 * hidden;
        int g0 = (t - 1) * 4 * block;
        int before = t * block - block;
        for (int i = 0; i < block; i++) {
            double reset = gates[g0 + i];
            double update = gates[g0 + block + i];
            double candidate = gates[g0 + 2 * block + i];
            double hiddenN = gates[g0 + 3 * block + i];
            double dCandidate = dhNow[i] * (1.0 - update) * (1.0 - candidate * candidate);
            double dUpdate = dhNow[i] * (h[before + i] - candidate);
            double dReset = dCandidate * hiddenN;
            da[i] = dReset * reset * (1.0 - reset);
            da[block + i] = dUpdate * update * (1.0 - update);
            da[2 * block + i] = dCandidate * reset;
            daInputN[i] = dCandidate;
        }
        inputGradients(da, 0, x, t - 1, 0, n, true);
        inputGradients(daInputN, 0, x, t - 1, n, rows, false);
        for (int j = 0; j < hidden; j++) {
            double sum = 0.0;
            int o = 2 * block + j * batch;
            for (int b = 0; b < batch; b++) sum += da[o + b];
            grads[bHh + n + j] += sum;
        }
        return da;
    }

    /** h_{t−1} also reaches h_t directly, through z ⊙ h_{t−1}. */
    @Override
    void directPath(double[] into, double[] dhNow, int t) {
        int block = hidden * batch;
        int g0 = (t - 1) * 4 * block;
        for (int i = 0; i < block; i++) into[i] = dhNow[i] * gates[g0 + block + i];
    }

    @Override
    long cellBytes() {
        return 8L * (gates.length + da.length + daInputN.length + inputN.length);
    }
}
