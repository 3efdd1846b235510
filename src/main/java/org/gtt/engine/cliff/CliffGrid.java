package org.gtt.engine.cliff;

/**
 * E, ∂E/∂w and ∂E/∂b on an n × n grid of (w, b): {@code w[j]} and {@code b[i]} evenly spaced with both ends
 * included, {@code loss[i][j]} at (w[j], b[i]): rows indexed by b, columns by w.
 */
public record CliffGrid(double[] w, double[] b, double[][] loss, double[][] dLossDw, double[][] dLossDb) {

    /** The grid's extent and resolution. */
    public record Spec(double wMin, double wMax, double bMin, double bMax, int n) {
        public static final int MAX_N = 201;

        public Spec {
            if (!(wMin < wMax) || !(bMin < bMax)) {
                throw new IllegalArgumentException("need wMin < wMax and bMin < bMax");
            }
            if (n < 2 || n > MAX_N) {
                throw new IllegalArgumentException("n must be 2 to " + MAX_N + ", got " + n);
            }
        }

        /** The course's default view: the wall crosses it from (4.5, −2.30) to (5.4, −2.86). */
        public static Spec standard() {
            return new Spec(4.5, 5.4, -3.0, -1.0, 101);
        }
    }

    public static CliffGrid compute(CliffModel model, Spec spec) {
        int n = spec.n();
        double[] w = evenlySpaced(spec.wMin(), spec.wMax(), n);
        double[] b = evenlySpaced(spec.bMin(), spec.bMax(), n);
        double[][] loss = new double[n][n];
        double[][] dw = new double[n][n];
        double[][] db = new double[n][n];
        double[] sigma = new double[model.steps() + 1];
        double[] slope = new double[model.steps() + 1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                CliffGradient g = model.gradient(w[j], b[i], sigma, slope);
                loss[i][j] = g.loss();
                dw[i][j] = g.dLossDw();
                db[i][j] = g.dLossDb();
            }
        }
        return new CliffGrid(w, b, loss, dw, db);
    }

    /** min + k·(max − min)/(n − 1), with the last point exactly max. */
    static double[] evenlySpaced(double min, double max, int n) {
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = k == n - 1 ? max : min + k * ((max - min) / (n - 1));
        }
        return values;
    }
}
