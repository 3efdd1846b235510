package org.gtt.train;

import org.gtt.engine.SeededGaussian;
import org.gtt.engine.math.FastExp;

/**
 * A recurrent cell unrolled over T steps with a linear readout on the last hidden state, trained on
 * the mean squared error. Parameters and their gradients are flat arrays in one fixed layout
 * (W_ih [G·H × 2], W_hh [G·H × H], b_ih [G·H], b_hh [G·H], w_out [H], b_out), so the optimiser and the
 * clipping see one vector. States are stored batch-innermost ({@code [(t·rows + j)·B + b]}), so the
 * element-wise loops run over consecutive doubles; the products with W_hh (forward, back into h_{t−1}, and
 * W_hh's gradient) are {@link MatrixProduct}'s register tiles. All buffers are allocated once.
 *
 * <p>Backpropagation through time is written out per cell in {@link #backward}; the tests check every
 * parameter's gradient against central finite differences.
 */
abstract class RecurrentNet {
    final ModelKind kind;
    final int hidden;
    final int steps;
    final int batch;
    final int rows;
    final double[] params;
    final double[] grads;
    final int wIh;
    final int wHh;
    final int bIh;
    final int bHh;
    final int wOut;
    final int bOut;
    final double[] predictions;
    /** ∂L/∂prediction for the batch loss L = mean over b of (prediction − target)². */
    final double[] outputGrad;
    /** h_0..h_T, [(t·H + j)·B + b]. */
    final double[] h;
    /** ∂L/∂h_t and ∂L/∂h_{t−1} while going back in time, H×B each (swapped every step). */
    private final double[] dh;
    private final double[] dhPrevious;
    private final double[] squares;

    RecurrentNet(ModelKind kind, int hidden, int steps, int batch, double[] params) {
        this.kind = kind;
        this.hidden = hidden;
        this.steps = steps;
        this.batch = batch;
        this.rows = kind.gates * hidden;
        this.wIh = 0;
        this.wHh = wIh + rows * AddingProblem.INPUTS;
        this.bIh = wHh + rows * hidden;
        this.bHh = bIh + rows;
        this.wOut = bHh + rows;
        this.bOut = wOut + hidden;
        if (params.length != parameterCount(kind, hidden)) throw new IllegalArgumentException("wrong parameter count");
        this.params = params;
        this.grads = new double[params.length];
        this.predictions = new double[batch];
        this.outputGrad = new double[batch];
        int block = hidden * batch;
        this.h = new double[(steps + 1) * block];
        this.dh = new double[block];
        this.dhPrevious = new double[block];
        this.squares = new double[batch];
    }

    static int parameterCount(ModelKind kind, int hidden) {
        int rows = kind.gates * hidden;
        return rows * (AddingProblem.INPUTS + hidden + 2) + hidden + 1;
    }

    static RecurrentNet create(ModelKind kind, int hidden, int steps, int batch, double[] params) {
        return switch (kind) {
            case RNN, IRNN -> new ElmanNet(kind, hidden, steps, batch, params);
            case LSTM -> new LstmNet(hidden, steps, batch, params);
            case GRU -> new GruNet(hidden, steps, batch, params);
        };
    }

    /**
     * PyTorch's defaults: every weight and bias U(−1/√H, 1/√H), the readout too (its fan-in is H); the
     * lstm's forget-gate rows of b_ih get {@code forgetBias} added. The irnn instead starts at W_hh = I,
     * W_ih ~ N(0, 0.001²) and zero recurrent biases (Le, Jaitly &amp; Hinton 2015).
     */
    static double[] initialParameters(ModelKind kind, int hidden, double forgetBias, long seed) {
        double[] p = new double[parameterCount(kind, hidden)];
        SeededGaussian random = new SeededGaussian(seed, 100 + kind.ordinal());
        double bound = 1.0 / Math.sqrt(hidden);
        for (int i = 0; i < p.length; i++) {
            p[i] = bound * (2.0 * random.uniform() - 1.0);
        }
        int rows = kind.gates * hidden;
        int wHh = rows * AddingProblem.INPUTS;
        int bIh = wHh + rows * hidden;
        if (kind == ModelKind.LSTM) {
            for (int j = hidden; j < 2 * hidden; j++) p[bIh + j] += forgetBias;
        } else if (kind == ModelKind.IRNN) {
            for (int i = 0; i < wHh; i++) p[i] = 0.001 * random.next();
            for (int i = wHh; i < bIh; i++) p[i] = 0.0;
            for (int j = 0; j < hidden; j++) p[wHh + j * hidden + j] = 1.0;
            for (int i = bIh; i < bIh + 2 * rows; i++) p[i] = 0.0;
        }
        return p;
    }

    /** Runs the batch through the net (keeping what the backward pass needs) and returns the batch MSE. */
    final double forward(AddingProblem.Batch data) {
        forwardStates(data.inputs);
        int last = steps * hidden * batch;
        double bias = params[bOut];
        for (int b = 0; b < batch; b++) predictions[b] = bias;
        for (int j = 0; j < hidden; j++) {
            axpy(predictions, 0, params[wOut + j], h, last + j * batch, batch);
        }
        double sum = 0.0;
        for (int b = 0; b < batch; b++) {
            double error = predictions[b] - data.targets[b];
            sum += error * error;
            outputGrad[b] = 2.0 * error / batch;
        }
        return sum / batch;
    }

    /**
     * Fills {@link #grads} with ∂L/∂θ for the last {@link #forward}. With {@code stepNorms} (length T, and
     * {@code cellNorms} for the lstm) it also stores, for k = 1..T at index k−1, ‖∂ℓ_b/∂h_k‖ averaged over
     * the batch, ℓ_b = (prediction_b − target_b)² being one sequence's own loss.
     */
    final void backward(AddingProblem.Batch data, double[] stepNorms, double[] cellNorms) {
        java.util.Arrays.fill(grads, 0.0);
        int last = steps * hidden * batch;
        double sum = 0.0;
        for (int b = 0; b < batch; b++) sum += outputGrad[b];
        grads[bOut] = sum;
        for (int j = 0; j < hidden; j++) {
            grads[wOut + j] = dot(outputGrad, 0, h, last + j * batch, batch);
            double w = params[wOut + j];
            int o = j * batch;
            for (int b = 0; b < batch; b++) dh[o + b] = w * outputGrad[b];
        }
        backThroughTime(data.inputs, stepNorms, cellNorms);
    }

    /**
     * From ∂L/∂h_T in dh, step by step back to t = 1: the cell turns ∂L/∂h_t into its pre-activation
     * gradients da_t (and its own parameters' gradients); W_hh's gradient gets da_t·h_{t−1}ᵀ, and
     * ∂L/∂h_{t−1} = the cell's direct path + W_hhᵀ da_t.
     */
    private void backThroughTime(double[] x, double[] stepNorms, double[] cellNorms) {
        startBackward();
        int block = hidden * batch;
        double[] gradient = dh;
        double[] previous = dhPrevious;
        for (int t = steps; t >= 1; t--) {
            if (stepNorms != null) stepNorms[t - 1] = sumOfColumnNorms(gradient);
            double[] da = stepBack(x, t, gradient, cellNorms);
            recurrentGradients(da, (t - 1) * block);
            if (t > 1) {
                directPath(previous, gradient, t);
                backIntoHidden(previous, da);
                double[] swap = gradient;
                gradient = previous;
                previous = swap;
            }
        }
    }

    /** Computes the hidden states for t = 1..T from the inputs. */
    abstract void forwardStates(double[] x);

    /** Called before going back in time (the lstm clears its cell gradient). */
    void startBackward() {}

    /**
     * One step back: from ∂L/∂h_t ({@code dhNow}, H×B) fills and returns the G·H×B pre-activation gradients of
     * the W_hh side, and adds the step's input-side gradients (W_ih, the biases) to {@link #grads}.
     */
    abstract double[] stepBack(double[] x, int t, double[] dhNow, double[] cellNorms);

    /** Writes into {@code into} the part of ∂L/∂h_{t−1} that does not pass through W_hh (none, for most cells). */
    void directPath(double[] into, double[] dhNow, int t) {
        java.util.Arrays.fill(into, 0.0);
    }

    /** h_0..h_T, [(t·H + j)·B + b]. */
    final double[] hiddenStates() { return h; }

    /** Bytes of the arrays this net holds: the parameter-bounded memory of a job. */
    final long workspaceBytes() {
        return 8L * (h.length + dh.length + dhPrevious.length + squares.length + params.length + grads.length
                + predictions.length + outputGrad.length) + cellBytes();
    }

    /** Bytes of the cell's own arrays. */
    abstract long cellBytes();

    // ---- shared loops (all over the batch, consecutive doubles) ----

    /** pre[r][b] = bIh[r] + bHh[r] + W_ih[r]·x_t[b], for the rows [from, to). */
    final void inputTerms(double[] pre, int preOffset, double[] x, int t, int from, int to, boolean hiddenBias) {
        int xo = t * AddingProblem.INPUTS * batch;
        for (int r = from; r < to; r++) {
            double bias = params[bIh + r] + (hiddenBias ? params[bHh + r] : 0.0);
            double w0 = params[wIh + r * AddingProblem.INPUTS];
            double w1 = params[wIh + r * AddingProblem.INPUTS + 1];
            int o = preOffset + (r - from) * batch;
            for (int b = 0; b < batch; b++) {
                pre[o + b] = bias + w0 * x[xo + b] + w1 * x[xo + batch + b];
            }
        }
    }

    /** pre[r][b] += Σ_k W_hh[r][k]·h[k][b] for the rows [from, to), h = h_{t−1} from hOffset of {@link #h}; k in order. */
    final void recurrentTerms(double[] pre, int preOffset, int hOffset, int from, int to) {
        MatrixProduct.addProduct(pre, preOffset, batch,
                params, wHh + from * hidden, hidden, 1,
                h, hOffset, batch, 1,
                to - from, batch, hidden);
    }

    /**
     * For the pre-activation gradients da (rows [from, to), starting at daOffset): adds da·x_tᵀ to W_ih,
     * Σ_b da to b_ih (and to b_hh if {@code hiddenBias}).
     */
    final void inputGradients(double[] da, int daOffset, double[] x, int t, int from, int to, boolean hiddenBias) {
        int xo = t * AddingProblem.INPUTS * batch;
        for (int r = from; r < to; r++) {
            int o = daOffset + (r - from) * batch;
            double sum = 0.0;
            for (int b = 0; b < batch; b++) sum += da[o + b];
            grads[bIh + r] += sum;
            if (hiddenBias) grads[bHh + r] += sum;
            grads[wIh + r * AddingProblem.INPUTS] += dot(da, o, x, xo, batch);
            grads[wIh + r * AddingProblem.INPUTS + 1] += dot(da, o, x, xo + batch, batch);
        }
    }

    /** Adds da·h_{t−1}ᵀ (da: all G·H rows; h_{t−1} from hOffset, read transposed) to W_hh's gradient, b in order. */
    final void recurrentGradients(double[] da, int hOffset) {
        MatrixProduct.addProduct(grads, wHh, hidden,
                da, 0, batch, 1,
                h, hOffset, 1, batch,
                rows, hidden, batch);
    }

    /** into[k][b] += Σ_r W_hh[r][k]·da[r][b] over all G·H rows, r in order: W_hh read transposed. */
    final void backIntoHidden(double[] into, double[] da) {
        MatrixProduct.addProduct(into, 0, batch,
                params, wHh, 1, hidden,
                da, 0, batch, 1,
                hidden, batch, rows);
    }

    /** Σ_b ‖v[:, b]‖ over an H×B block: a batch's per-sequence gradient norms, summed (see {@link #backward}). */
    final double sumOfColumnNorms(double[] v) {
        java.util.Arrays.fill(squares, 0.0);
        for (int j = 0; j < hidden; j++) {
            int o = j * batch;
            for (int b = 0; b < batch; b++) squares[b] += v[o + b] * v[o + b];
        }
        double sum = 0.0;
        for (int b = 0; b < batch; b++) sum += Math.sqrt(squares[b]);
        // ℓ_b's gradient is B times its share of L's; the mean over b then cancels the B.
        return sum;
    }

    static void axpy(double[] y, int yo, double a, double[] x, int xo, int n) {
        for (int i = 0; i < n; i++) y[yo + i] += a * x[xo + i];
    }

    /** Four partial sums: independent chains the CPU overlaps; a fixed order, so runs repeat bit for bit. */
    static double dot(double[] a, int ao, double[] c, int co, int n) {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += a[ao + i] * c[co + i];
            s1 += a[ao + i + 1] * c[co + i + 1];
            s2 += a[ao + i + 2] * c[co + i + 2];
            s3 += a[ao + i + 3] * c[co + i + 3];
        }
        for (; i < n; i++) s0 += a[ao + i] * c[co + i];
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * σ(x) = 1/(1 + e^−x) from {@link FastExp}: pure Java arithmetic, so a seed gives the same race on every
     * JVM and CPU (Math.exp is an intrinsic whose last bit may differ between them), and faster than it.
     */
    static double sigmoid(double x) {
        return 1.0 / (1.0 + FastExp.exp(-x));
    }

    /** tanh from one exp: (1 − e)/(1 + e) with e = e^−2|x| ≤ 1, within a few 1e-16 of tanh; {@link FastExp} as {@link #sigmoid}. */
    static double tanh(double x) {
        double e = FastExp.exp(-2.0 * Math.abs(x));
        return Math.copySign((1.0 - e) / (1.0 + e), x);
    }
}
