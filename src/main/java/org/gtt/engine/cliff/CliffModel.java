package org.gtt.engine.cliff;

/**
 * Pascanu, Mikolov &amp; Bengio's (2013, eq. 8 and Fig. 6) single recurrent unit:
 * x_t = w·σ(x_{t−1}) + b for t = 1..T, from x_0, with the loss E(w, b) = (σ(x_T) − target)².
 * Its error surface has a wall (a cliff) where x_0 sits on the unstable fixed point of the map.
 */
public record CliffModel(double x0, double target, int steps) {
    public static final double DEFAULT_X0 = 0.5;
    public static final double DEFAULT_TARGET = 0.7;
    public static final int DEFAULT_STEPS = 50;
    public static final int MAX_STEPS = 200;

    public CliffModel {
        if (steps < 1 || steps > MAX_STEPS) {
            throw new IllegalArgumentException("steps must be 1 to " + MAX_STEPS + ", got " + steps);
        }
        if (!Double.isFinite(x0) || !Double.isFinite(target)) {
            throw new IllegalArgumentException("x0 and target must be finite");
        }
    }

    /** The paper's setting: x_0 = 0.5, target 0.7, T steps. */
    public static CliffModel pascanu(int steps) {
        return new CliffModel(DEFAULT_X0, DEFAULT_TARGET, steps);
    }

    /**
     * E, ∂E/∂w and ∂E/∂b by backpropagation through time: with δ_t = ∂E/∂x_t,
     * δ_T = 2(σ(x_T) − target)·σ′(x_T), δ_{t−1} = δ_t·w·σ′(x_{t−1}),
     * ∂E/∂w = Σ_t δ_t·σ(x_{t−1}) and ∂E/∂b = Σ_t δ_t. The same code as every point of a {@link CliffGrid}
     * ({@link CliffBatch}, here a batch of one), so a descent and the grid agree bit for bit.
     */
    public CliffGradient gradient(double w, double b) {
        return new CliffBatch(this, 1).gradient(w, b);
    }

    /** The loss alone (a forward pass), for finite differences and for descents that only need E. */
    public double loss(double w, double b) {
        double x = x0;
        for (int t = 0; t < steps; t++) {
            x = w * CliffMath.sigmoid(x) + b;
        }
        double error = CliffMath.sigmoid(x) - target;
        return error * error;
    }

    /**
     * The bias on which x_0 is a fixed point, b*(w) = x_0 − w·σ(x_0). It is the unstable one, and so the
     * wall, where λ = w·σ′(x_0) &gt; 1 (for x_0 = 0.5: w &gt; 4.2553).
     */
    public double wallBias(double w) {
        return x0 - w * CliffMath.sigmoid(x0);
    }

    /** λ = w·σ′(x_0), the map's slope at the fixed point x_0 when b = b*(w). */
    public double slopeAtFixedPoint(double w) {
        return w * CliffMath.sigmoidDerivative(x0);
    }

    /** The smallest w for which the fixed point at x_0 is unstable: 1/σ′(x_0). */
    public double wallStart() {
        return 1.0 / CliffMath.sigmoidDerivative(x0);
    }
}
