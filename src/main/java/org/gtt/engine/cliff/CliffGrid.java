package org.gtt.engine.cliff;

import org.gtt.engine.math.PortableMath;

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

    /** Every point through the model's own code ({@link CliffBatch}), {@link CliffBatch#GRID_CAPACITY} points at a time. */
    public static CliffGrid compute(CliffModel model, Spec spec) {
        int n = spec.n();
        double[] w = evenlySpaced(spec.wMin(), spec.wMax(), n);
        double[] b = evenlySpaced(spec.bMin(), spec.bMax(), n);
        double[][] loss = new double[n][n];
        double[][] dw = new double[n][n];
        double[][] db = new double[n][n];
        int points = n * n;
        CliffBatch batch = new CliffBatch(model, PortableMath.min(CliffBatch.GRID_CAPACITY, points));
        for (int start = 0; start < points; start += batch.capacity()) {
            int count = PortableMath.min(batch.capacity(), points - start);
            for (int j = 0; j < count; j++) { // point start + j: row (b) (start + j) / n, column (w) (start + j) % n
                batch.w[j] = w[(start + j) % n];
                batch.b[j] = b[(start + j) / n];
            }
            batch.run(count);
            for (int j = 0; j < count; j++) {
                int row = (start + j) / n;
                int column = (start + j) % n;
                loss[row][column] = batch.loss[j];
                dw[row][column] = batch.dLossDw[j];
                db[row][column] = batch.dLossDb[j];
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
