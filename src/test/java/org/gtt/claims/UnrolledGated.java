package org.gtt.claims;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.gtt.engine.RecurrentWeights;

/**
 * The test's own LSTM and GRU forward passes, written from the equations of lessons 5 and 6 (PyTorch's
 * nn.LSTM with gate rows i, f, g, o and nn.GRU with rows r, z, n), independent of the engine. They are the
 * oracle for the lessons' derivatives: Jacobians by central differences of these passes, gate values read
 * off them.
 */
final class UnrolledGated {
    private UnrolledGated() {}

    static double sigmoid(double a) { return 1 / (1 + Math.exp(-a)); }

    /** W x + b for rows [from, from + n) of a stacked weight matrix. */
    private static double[] block(double[][] w, double[] b, int from, int n, double[] x) {
        double[] out = new double[n];
        for (int u = 0; u < n; u++) {
            double sum = b[from + u];
            for (int j = 0; j < x.length; j++) sum += w[from + u][j] * x[j];
            out[u] = sum;
        }
        return out;
    }

    /** One LSTM step's values: the gates, the candidate and the new state. */
    record LstmStep(double[] i, double[] f, double[] g, double[] o, double[] c, double[] h) {}

    /** An LSTM run over {@code inputs} from (h0, c0); {@code forgetGate} false is the 1997 cell, f ≡ 1. */
    static final class Lstm {
        private final RecurrentWeights w;
        private final double[][] inputs;
        private final boolean forgetGate;
        private final int n;
        private final List<double[]> hs = new ArrayList<>();
        private final List<double[]> cs = new ArrayList<>();
        private final List<LstmStep> steps = new ArrayList<>();

        Lstm(RecurrentWeights w, double[][] inputs, double[] h0, double[] c0, boolean forgetGate) {
            this.w = w;
            this.inputs = inputs;
            this.forgetGate = forgetGate;
            this.n = w.weightHh()[0].length;
            hs.add(h0);
            cs.add(c0);
            steps.add(null);
            for (int t = 1; t <= inputs.length; t++) {
                LstmStep step = step(t, hs.get(t - 1), cs.get(t - 1));
                steps.add(step);
                hs.add(step.h());
                cs.add(step.c());
            }
        }

        LstmStep step(int t, double[] h, double[] c) {
            double[] x = inputs[t - 1];
            double[][] a = new double[4][];
            for (int gate = 0; gate < 4; gate++) {
                double[] fromInput = block(w.weightIh(), w.biasIh(), gate * n, n, x);
                double[] fromHidden = block(w.weightHh(), w.biasHh(), gate * n, n, h);
                a[gate] = new double[n];
                for (int u = 0; u < n; u++) a[gate][u] = fromInput[u] + fromHidden[u];
            }
            double[] i = new double[n], f = new double[n], g = new double[n], o = new double[n];
            double[] cNext = new double[n], hNext = new double[n];
            for (int u = 0; u < n; u++) {
                i[u] = sigmoid(a[0][u]);
                f[u] = forgetGate ? sigmoid(a[1][u]) : 1.0;
                g[u] = Math.tanh(a[2][u]);
                o[u] = sigmoid(a[3][u]);
                cNext[u] = f[u] * c[u] + i[u] * g[u];
                hNext[u] = o[u] * Math.tanh(cNext[u]);
            }
            return new LstmStep(i, f, g, o, cNext, hNext);
        }

        int hidden() { return n; }
        double[] h(int t) { return hs.get(t); }
        double[] c(int t) { return cs.get(t); }
        LstmStep at(int t) { return steps.get(t); }

        /** c_T from the state (h, c) at step k. */
        double[] cellAtEnd(int k, double[] h, double[] c) {
            for (int t = k + 1; t <= inputs.length; t++) {
                LstmStep step = step(t, h, c);
                h = step.h();
                c = step.c();
            }
            return c;
        }

        /** ∂c_T/∂c_k with h_k held fixed, by central differences (every path through the hidden states included). */
        DMatrixRMaj cellJacobianByDifferences(int k, double eps) {
            DMatrixRMaj d = new DMatrixRMaj(n, n);
            for (int j = 0; j < n; j++) {
                double[] up = c(k).clone();
                double[] down = c(k).clone();
                up[j] += eps;
                down[j] -= eps;
                double[] cu = cellAtEnd(k, h(k), up);
                double[] cd = cellAtEnd(k, h(k), down);
                for (int u = 0; u < n; u++) d.set(u, j, (cu[u] - cd[u]) / (2 * eps));
            }
            return d;
        }

        /** log10 max_i ∏_{t=k+1..T} f_{t,i}: the norm of ∏ diag(f_t). */
        double forgetProductLog10(int k) {
            double best = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < n; u++) {
                double sum = 0;
                for (int t = k + 1; t <= inputs.length; t++) sum += Math.log10(at(t).f()[u]);
                best = Math.max(best, sum);
            }
            return best;
        }

        /**
         * The one-step ∂c_t/∂c_{t−1} with h_{t−2} and x fixed, by central differences: c_{t−1} moves, h_{t−1} =
         * o_{t−1} ⊙ tanh(c_{t−1}) follows it with o_{t−1} fixed, and c_t is recomputed.
         */
        DMatrixRMaj oneStepByDifferences(int t, double eps) {
            double[] oPrev = at(t - 1).o();
            DMatrixRMaj d = new DMatrixRMaj(n, n);
            for (int j = 0; j < n; j++) {
                double[] cu = shiftedCell(t, oPrev, j, eps);
                double[] cd = shiftedCell(t, oPrev, j, -eps);
                for (int u = 0; u < n; u++) d.set(u, j, (cu[u] - cd[u]) / (2 * eps));
            }
            return d;
        }

        private double[] shiftedCell(int t, double[] oPrev, int j, double eps) {
            double[] c = c(t - 1).clone();
            c[j] += eps;
            double[] h = new double[n];
            for (int u = 0; u < n; u++) h[u] = oPrev[u] * Math.tanh(c[u]);
            return step(t, h, c).c();
        }

        /**
         * The lesson's formula: diag(f_t) + (diag(c_{t−1}) ∂f_t/∂h_{t−1} + diag(g_t) ∂i_t/∂h_{t−1}
         * + diag(i_t) ∂g_t/∂h_{t−1}) ∂h_{t−1}/∂c_{t−1}, with ∂f/∂h = diag(f(1−f)) W_hf, ∂i/∂h = diag(i(1−i)) W_hi,
         * ∂g/∂h = diag(1−g²) W_hg and ∂h_{t−1}/∂c_{t−1} = diag(o_{t−1}(1 − tanh² c_{t−1})).
         */
        DMatrixRMaj oneStepFormula(int t) {
            LstmStep s = at(t);
            double[] cPrev = c(t - 1);
            double[] oPrev = at(t - 1).o();
            double[][] whh = w.weightHh();
            DMatrixRMaj d = new DMatrixRMaj(n, n);
            for (int u = 0; u < n; u++) {
                double fSlope = forgetGate ? cPrev[u] * s.f()[u] * (1 - s.f()[u]) : 0.0;
                double iSlope = s.g()[u] * s.i()[u] * (1 - s.i()[u]);
                double gSlope = s.i()[u] * (1 - s.g()[u] * s.g()[u]);
                for (int j = 0; j < n; j++) {
                    double throughH = fSlope * whh[n + u][j] + iSlope * whh[u][j] + gSlope * whh[2 * n + u][j];
                    double tanhC = Math.tanh(cPrev[j]);
                    d.set(u, j, throughH * oPrev[j] * (1 - tanhC * tanhC) + (u == j ? s.f()[u] : 0.0));
                }
            }
            return d;
        }
    }

    /** A GRU run: n_t = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)), h_t = (1 − z) ⊙ n_t + z ⊙ h_{t−1}. */
    static final class Gru {
        private final RecurrentWeights w;
        private final double[][] inputs;
        private final int n;
        private final List<double[]> hs = new ArrayList<>();
        private final List<double[]> zs = new ArrayList<>();

        Gru(RecurrentWeights w, double[][] inputs, double[] h0) {
            this.w = w;
            this.inputs = inputs;
            this.n = w.weightHh()[0].length;
            hs.add(h0);
            zs.add(null);
            for (int t = 1; t <= inputs.length; t++) {
                double[][] step = step(t, hs.get(t - 1));
                hs.add(step[0]);
                zs.add(step[1]);
            }
        }

        /** {h_t, z_t} from h_{t−1}. */
        double[][] step(int t, double[] h) {
            double[] x = inputs[t - 1];
            double[] r = new double[n], z = new double[n], next = new double[n];
            double[] ir = block(w.weightIh(), w.biasIh(), 0, n, x), hr = block(w.weightHh(), w.biasHh(), 0, n, h);
            double[] iz = block(w.weightIh(), w.biasIh(), n, n, x), hz = block(w.weightHh(), w.biasHh(), n, n, h);
            double[] in = block(w.weightIh(), w.biasIh(), 2 * n, n, x), hn = block(w.weightHh(), w.biasHh(), 2 * n, n, h);
            for (int u = 0; u < n; u++) {
                r[u] = sigmoid(ir[u] + hr[u]);
                z[u] = sigmoid(iz[u] + hz[u]);
                double candidate = Math.tanh(in[u] + r[u] * hn[u]);
                next[u] = (1 - z[u]) * candidate + z[u] * h[u];
            }
            return new double[][] {next, z};
        }

        double[] z(int t) { return zs.get(t); }

        /**
         * The lesson's step Jacobian: diag(z) + diag((1−z)(1−n²))(diag(r) W_hn + diag((W_hn h + b_hn) r(1−r)) W_hr)
         * + diag((h_{t−1} − n) z(1−z)) W_hz, from the values of step t.
         */
        DMatrixRMaj stepFormula(int t) {
            double[] h = hs.get(t - 1);
            double[] x = inputs[t - 1];
            double[][] whh = w.weightHh();
            double[] ir = block(w.weightIh(), w.biasIh(), 0, n, x), hr = block(whh, w.biasHh(), 0, n, h);
            double[] iz = block(w.weightIh(), w.biasIh(), n, n, x), hz = block(whh, w.biasHh(), n, n, h);
            double[] in = block(w.weightIh(), w.biasIh(), 2 * n, n, x), hn = block(whh, w.biasHh(), 2 * n, n, h);
            DMatrixRMaj j = new DMatrixRMaj(n, n);
            for (int u = 0; u < n; u++) {
                double r = sigmoid(ir[u] + hr[u]);
                double z = sigmoid(iz[u] + hz[u]);
                double cand = Math.tanh(in[u] + r * hn[u]);
                double throughCandidate = (1 - z) * (1 - cand * cand);
                for (int c = 0; c < n; c++) {
                    double value = throughCandidate * (r * whh[2 * n + u][c] + hn[u] * r * (1 - r) * whh[u][c])
                            + (h[u] - cand) * z * (1 - z) * whh[n + u][c];
                    j.set(u, c, value + (u == c ? z : 0.0));
                }
            }
            return j;
        }

        /** ∂h_T/∂h_k by central differences. */
        DMatrixRMaj jacobianByDifferences(int k, double eps) {
            DMatrixRMaj d = new DMatrixRMaj(n, n);
            for (int j = 0; j < n; j++) {
                double[] up = hs.get(k).clone();
                double[] down = hs.get(k).clone();
                up[j] += eps;
                down[j] -= eps;
                double[] hu = runFrom(k, up);
                double[] hd = runFrom(k, down);
                for (int u = 0; u < n; u++) d.set(u, j, (hu[u] - hd[u]) / (2 * eps));
            }
            return d;
        }

        private double[] runFrom(int k, double[] h) {
            for (int t = k + 1; t <= inputs.length; t++) h = step(t, h)[0];
            return h;
        }
    }
}
