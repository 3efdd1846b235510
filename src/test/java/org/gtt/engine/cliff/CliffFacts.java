package org.gtt.engine.cliff;

/** Facts about the error surface that need a search, shared by the engine's tests and the lesson's claims. */
public final class CliffFacts {
    private CliffFacts() {}

    /** max |∂E/∂b| over b ∈ [bMin, bMax] at w: a scan of 20001 points, then golden-section search around the best. */
    public static double steepestDLossDb(CliffModel model, double w, double bMin, double bMax) {
        int n = 20000;
        double h = (bMax - bMin) / n;
        int best = 0;
        for (int i = 0; i <= n; i++) {
            if (slope(model, w, bMin + i * h) > slope(model, w, bMin + best * h)) best = i;
        }
        double lo = bMin + Math.max(best - 1, 0) * h;
        double hi = bMin + Math.min(best + 1, n) * h;
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int k = 0; k < 200 && hi - lo > 1e-15; k++) {
            double a = hi - ratio * (hi - lo);
            double c = lo + ratio * (hi - lo);
            if (slope(model, w, a) > slope(model, w, c)) hi = c; else lo = a;
        }
        return slope(model, w, (lo + hi) / 2);
    }

    private static double slope(CliffModel model, double w, double b) {
        return Math.abs(model.gradient(w, b).dLossDb());
    }
}
