package org.gtt.engine.cliff;

import java.util.Arrays;
import org.gtt.engine.math.FdlibmExpBatch;
import org.gtt.engine.math.PortableMath;

/**
 * The model's forward pass and backpropagation through time for a batch of (w, b) points at once, stored as
 * a structure of arrays: every loop runs over the batch within one time step, has no branch and no call that
 * stays a call, so HotSpot's C2 compiles it to SIMD instructions. Each point's arithmetic is the same
 * operations in the same order whatever the batch, so a batch of one (a descent's step) and a batch of 512 (a
 * grid) give the same bits for the same point.
 *
 * <p>With δ_t = ∂E/∂x_t: δ_T = 2(σ(x_T) − target)·σ′(x_T), δ_{t−1} = δ_t·w·σ′(x_{t−1}),
 * ∂E/∂w = Σ_t δ_t·σ(x_{t−1}) and ∂E/∂b = Σ_t δ_t. σ(x_t) and σ′(x_t) are kept from the forward pass
 * (σ′ from the exponential, not as σ(1 − σ), so it does not cancel to 0 when the unit saturates).
 * Not thread-safe: one instance per computation.
 */
final class CliffBatch {
    /** Points per batch in a grid: σ and σ′ for 51 steps of 512 points (420 kB) stay in a core's L2 cache. */
    static final int GRID_CAPACITY = 512;

    private final CliffModel model;
    private final int capacity;
    /** Inputs: the batch's points. */
    final double[] w;
    final double[] b;
    /** Outputs of {@link #run}. */
    final double[] loss;
    final double[] dLossDw;
    final double[] dLossDb;
    /** x_t and x_{t+1}, their roles swapped after each step. */
    private final double[] x;
    private final double[] next;
    private final double[] exp;
    private final double[] positive;
    private final double[] delta;
    /**
     * σ(x_t) and σ′(x_t) of point j at [t][j], t = 0..T: a row per step, because HotSpot 17 does not vectorise a
     * loop that indexes one array at [offset + j] and another at [j] (it cannot tell that they do not overlap).
     */
    private final double[][] sigma;
    private final double[][] slope;
    private final FdlibmExpBatch exponential;

    CliffBatch(CliffModel model, int capacity) {
        this.model = model;
        this.capacity = capacity;
        w = new double[capacity];
        b = new double[capacity];
        loss = new double[capacity];
        dLossDw = new double[capacity];
        dLossDb = new double[capacity];
        x = new double[capacity];
        next = new double[capacity];
        exp = new double[capacity];
        positive = new double[capacity];
        delta = new double[capacity];
        sigma = new double[model.steps() + 1][capacity];
        slope = new double[model.steps() + 1][capacity];
        exponential = new FdlibmExpBatch(capacity);
    }

    int capacity() {
        return capacity;
    }

    /** E, ∂E/∂w and ∂E/∂b at the first {@code count} points of {@link #w}, {@link #b}. */
    void run(int count) {
        if (count > capacity) {
            throw new IllegalArgumentException("batch of " + count + " exceeds capacity " + capacity);
        }
        forward(count);
        backward(count);
    }

    CliffGradient gradient(int j) {
        return new CliffGradient(loss[j], dLossDw[j], dLossDb[j]);
    }

    /** The gradient at one point, as the batch's first: a descent reuses one batch for all its steps. */
    CliffGradient gradient(double w, double b) {
        this.w[0] = w;
        this.b[0] = b;
        run(1);
        return gradient(0);
    }

    private void forward(int count) {
        double bound = argumentBound(count);
        double[] x = this.x; // x_t
        double[] next = this.next; // x_{t+1}, after the step: x_{t−1}
        Arrays.fill(x, 0, count, model.x0());
        for (int t = 0; t <= model.steps(); t++) {
            if (t > 0 && equal(x, next, count)) {
                // x_t = x_{t−1} at every point, bit for bit: each later step repeats this one exactly
                for (int u = t; u <= model.steps(); u++) {
                    copy(sigma[t - 1], sigma[u], count);
                    copy(slope[t - 1], slope[u], count);
                }
                return;
            }
            exponential.expOfMinusAbs(x, exp, count, bound);
            positiveParts(x, positive, count, bound);
            logisticThenStep(exp, positive, w, b, next, sigma[t], slope[t], count);
            double[] previous = x;
            x = next;
            next = previous;
        }
    }

    /** A loop rather than System.arraycopy, whose call costs more than copying the one value of a descent's batch. */
    private static void copy(double[] from, double[] to, int count) {
        for (int j = 0; j < count; j++) {
            to[j] = from[j];
        }
    }

    /** Whether a[j] == b[j] for every j &lt; count (stops at the first difference, usually the first point). */
    private static boolean equal(double[] a, double[] b, int count) {
        for (int j = 0; j < count; j++) {
            if (a[j] != b[j]) return false;
        }
        return true;
    }

    /**
     * A bound on every |x_t|: |x_0|, and |w|·σ + |b| ≤ |w| + |b| after it (σ ≤ 1, and rounding is monotone, so
     * the bound holds for the computed values too). NaN if any input is NaN.
     */
    private double argumentBound(int count) {
        double bound = PortableMath.abs(model.x0());
        for (int j = 0; j < count; j++) {
            double reach = PortableMath.abs(w[j]) + PortableMath.abs(b[j]);
            bound = reach > bound || reach != reach ? reach : bound;
        }
        return bound;
    }

    /**
     * h = 1 where x &gt; 0, else ±0. While |x| &lt; 2⁵⁹ as ceil(x·2⁻⁶⁰): one multiplication and a rounding, where Java's
     * min and max (which must order −0 before +0 and pass NaN on) cost several vector instructions each; it gives
     * 0 for 0 &lt; x &lt; 2⁻¹⁰¹⁴, where e^{−|x|} = 1 and {@link #logisticThenStep} does not need h.
     */
    private static void positiveParts(double[] x, double[] h, int count, double bound) {
        if (bound < 0x1p59) {
            for (int j = 0; j < count; j++) {
                h[j] = PortableMath.ceil(x[j] * 0x1p-60);
            }
        } else {
            for (int j = 0; j < count; j++) {
                h[j] = PortableMath.heaviside(x[j]);
            }
        }
    }

    /**
     * σ(x_t) = r = 1/(1 + e) for x_t &gt; 0 and e·r otherwise, with e = e^{−|x_t|} (one division; at x_t = 0 both
     * are ½): r·m with m = e + h·(1 − e), which is exactly 1 for h = 1 (the error of 1 − e is at most 2⁻⁵⁴, and
     * 1 ± 2⁻⁵⁴ rounds to 1) and e for h = ±0. σ′(x_t) = e·r·r. Then x_{t+1} = w·σ(x_t) + b into {@code next}
     * (unused after the last step).
     */
    private static void logisticThenStep(double[] exp, double[] h, double[] w, double[] b, double[] next,
                                         double[] sigma, double[] slope, int count) {
        for (int j = 0; j < count; j++) {
            double e = exp[j];
            double r = 1.0 / (1.0 + e);
            double s = r * (e + h[j] * (1.0 - e));
            sigma[j] = s;
            slope[j] = e * r * r;
            next[j] = w[j] * s + b[j];
        }
    }

    private void backward(int count) {
        double[] sigmaLast = sigma[model.steps()];
        double[] slopeLast = slope[model.steps()];
        double target = model.target();
        for (int j = 0; j < count; j++) {
            double error = sigmaLast[j] - target;
            loss[j] = error * error;
            delta[j] = 2.0 * error * slopeLast[j];
            dLossDw[j] = 0.0;
            dLossDb[j] = 0.0;
        }
        for (int t = model.steps(); t >= 1; t--) {
            accumulate(delta, w, sigma[t - 1], slope[t - 1], dLossDw, dLossDb, count);
        }
    }

    /** ∂E/∂w += δ_t·σ(x_{t−1}), ∂E/∂b += δ_t, δ_{t−1} = δ_t·(w·σ′(x_{t−1})). */
    private static void accumulate(double[] delta, double[] w, double[] sigma, double[] slope, double[] dw,
                                   double[] db, int count) {
        for (int j = 0; j < count; j++) {
            double d = delta[j];
            dw[j] += d * sigma[j];
            db[j] += d;
            delta[j] = d * (w[j] * slope[j]);
        }
    }
}
