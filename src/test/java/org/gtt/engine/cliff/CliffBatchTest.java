package org.gtt.engine.cliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The batched, vectorised model against the plain scalar recurrence written out below (one point, one time step
 * at a time, σ and σ′ from StrictMath.exp): the same bits, for a batch of one (a descent's step) and for every
 * cell of whole grids, including grids whose every point settles on a fixed point (the batch then stops its
 * forward pass early) and grids where |w| + |b| exceeds the vectorised exponential's range.
 */
class CliffBatchTest {
    @Test
    void onePointIsTheScalarRecurrence() {
        SplittableRandom random = new SplittableRandom(12);
        for (int steps : new int[] {1, 2, 50, 200}) {
            CliffModel model = CliffModel.pascanu(steps);
            CliffBatch batch = new CliffBatch(model, 1);
            for (int i = 0; i < 20_000 / steps + 200; i++) {
                double w = random.nextDouble(-20, 20);
                double b = i % 2 == 0 ? random.nextDouble(-20, 20) : model.wallBias(w) + random.nextDouble(-1e-3, 1e-3);
                same(reference(model, w, b), batch.gradient(w, b), w, b);
            }
        }
    }

    @Test
    void everyGridCellIsTheScalarRecurrence() {
        CliffModel[] models = {CliffModel.pascanu(50), CliffModel.pascanu(200), new CliffModel(-3.7, 0.2, 37)};
        CliffGrid.Spec[] specs = {CliffGrid.Spec.standard(), new CliffGrid.Spec(-20, 20, -20, 20, 201),
            new CliffGrid.Spec(-1, 1, -1, 1, 40), // contracting everywhere: every batch reaches its fixed points
            new CliffGrid.Spec(-500, 600, -300, 200, 23)}; // |w| + |b| up to 800: beyond the vectorised range
        for (CliffModel model : models) {
            for (CliffGrid.Spec spec : specs) {
                CliffGrid grid = CliffGrid.compute(model, spec);
                for (int i = 0; i < spec.n(); i++) {
                    for (int j = 0; j < spec.n(); j++) {
                        CliffGradient cell = new CliffGradient(grid.loss()[i][j], grid.dLossDw()[i][j], grid.dLossDb()[i][j]);
                        same(reference(model, grid.w()[j], grid.b()[i]), cell, grid.w()[j], grid.b()[i]);
                    }
                }
            }
        }
    }

    @Test
    void inputsThatAreNotFiniteGiveNaNOrTheirLimit() {
        CliffModel model = CliffModel.pascanu(50);
        double[][] points = {{Double.NaN, 1}, {1, Double.NaN}, {Double.POSITIVE_INFINITY, 1}, {1e308, 1e308}, {1e300, -1e300}};
        for (double[] p : points) {
            same(reference(model, p[0], p[1]), model.gradient(p[0], p[1]), p[0], p[1]);
        }
    }

    @Test
    void refusesMorePointsThanItsCapacity() {
        assertThrows(IllegalArgumentException.class, () -> new CliffBatch(CliffModel.pascanu(5), 3).run(4));
        assertEquals(3, new CliffBatch(CliffModel.pascanu(5), 3).capacity());
    }

    /**
     * The recurrence as written in the paper, one point at a time: x_t = w·σ(x_{t−1}) + b, σ(a) = 1/(1 + e) for
     * a &gt; 0 and e·(1/(1 + e)) otherwise with e = e^{−|a|}, σ′(a) = e·r·r; δ_T = 2(σ(x_T) − target)·σ′(x_T),
     * ∂E/∂w = Σ δ_t·σ(x_{t−1}), ∂E/∂b = Σ δ_t, δ_{t−1} = δ_t·(w·σ′(x_{t−1})).
     */
    private static CliffGradient reference(CliffModel model, double w, double b) {
        int steps = model.steps();
        double[] sigma = new double[steps + 1];
        double[] slope = new double[steps + 1];
        double x = model.x0();
        for (int t = 0; t <= steps; t++) {
            double e = StrictMath.exp(-Math.abs(x));
            double r = 1.0 / (1.0 + e);
            sigma[t] = x > 0 ? r : e * r;
            slope[t] = e * r * r;
            x = w * sigma[t] + b;
        }
        double error = sigma[steps] - model.target();
        double delta = 2.0 * error * slope[steps];
        double dw = 0.0;
        double db = 0.0;
        for (int t = steps; t >= 1; t--) {
            dw += delta * sigma[t - 1];
            db += delta;
            delta *= w * slope[t - 1];
        }
        return new CliffGradient(error * error, dw, db);
    }

    private static void same(CliffGradient expected, CliffGradient actual, double w, double b) {
        assertEquals(expected.loss(), actual.loss(), 0.0, () -> "E at (" + w + ", " + b + ")");
        assertEquals(expected.dLossDw(), actual.dLossDw(), 0.0, () -> "∂E/∂w at (" + w + ", " + b + ")");
        assertEquals(expected.dLossDb(), actual.dLossDb(), 0.0, () -> "∂E/∂b at (" + w + ", " + b + ")");
    }
}
