package org.gtt.engine.cliff;

import org.gtt.engine.math.PortableFormat;
import org.gtt.engine.math.PortableMath;

import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent on E(w, b), plain or with clipping: (w, b) ← (w, b) − η·clip(∇E). A step that would
 * leave the parameter box |w|, |b| ≤ {@code box} ends the trajectory at the last point inside it, with a
 * note, so every number in a trajectory is finite.
 */
public final class Descent {
    public static final int MAX_ITERATIONS = 1000;
    /** The parameter box of the API: |w|, |b| ≤ 20. */
    public static final double BOX = 20.0;

    /** Where a descent starts and how it steps. */
    public record Settings(double w0, double b0, double learningRate, int iterations, Clipping clipping) {
        public Settings {
            if (!(learningRate > 0 && Double.isFinite(learningRate))) {
                throw new IllegalArgumentException("the learning rate must be a positive finite number");
            }
            if (iterations < 0 || iterations > MAX_ITERATIONS) {
                throw new IllegalArgumentException("iterations must be 0 to " + MAX_ITERATIONS);
            }
            if (!inBox(w0, b0)) {
                throw new IllegalArgumentException("the start must lie in the box |w|, |b| <= " + BOX);
            }
        }

        public Settings withClipping(Clipping other) {
            return new Settings(w0, b0, learningRate, iterations, other);
        }
    }

    private Descent() {}

    public static Trajectory run(CliffModel model, Settings settings) {
        List<TrajectoryPoint> points = new ArrayList<>(settings.iterations() + 1);
        double w = settings.w0();
        double b = settings.b0();
        CliffBatch batch = new CliffBatch(model, 1); // the model's code, its scratch arrays allocated once
        CliffGradient g = batch.gradient(w, b);
        int largestStepIteration = 0;
        double largestStep = 0.0;
        String note = null;
        for (int k = 1; k <= settings.iterations(); k++) {
            double norm = g.norm();
            double[] step = settings.clipping().apply(g.dLossDw(), g.dLossDb(), norm);
            double nextW = w - settings.learningRate() * step[0];
            double nextB = b - settings.learningRate() * step[1];
            if (!inBox(nextW, nextB)) {
                points.add(new TrajectoryPoint(w, b, g.loss(), norm, false));
                note = leftTheBox(k, nextW, nextB);
                return new Trajectory(points, largestStepIteration, largestStep, note);
            }
            points.add(new TrajectoryPoint(w, b, g.loss(), norm, settings.clipping().changes(g.dLossDw(), g.dLossDb(), norm)));
            double length = CliffMath.norm(nextW - w, nextB - b);
            if (length > largestStep) {
                largestStep = length;
                largestStepIteration = k;
            }
            w = nextW;
            b = nextB;
            g = batch.gradient(w, b);
        }
        points.add(new TrajectoryPoint(w, b, g.loss(), g.norm(), false));
        return new Trajectory(points, largestStepIteration, largestStep, note);
    }

    static boolean inBox(double w, double b) {
        return PortableMath.abs(w) <= BOX && PortableMath.abs(b) <= BOX; // false for NaN too
    }

    private static String leftTheBox(int k, double w, double b) {
        String to = Double.isFinite(w) && Double.isFinite(b)
                ? " (to w = " + PortableFormat.general(w, 4) + ", b = " + PortableFormat.general(b, 4) + ")" : "";
        return "step " + k + " would leave the parameter box |w|, |b| ≤ " + (int) BOX + to
                + ", so the trajectory ends after iteration " + (k - 1);
    }
}
