package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;

/** Writes or adds diag(d)·W (a block of W's rows) into a block of a matrix: how step Jacobians are built. */
final class DiagonalScaling {
    private DiagonalScaling() {}

    /**
     * out[outRow + i][outCol + j] (+)= d[i] · w[wRow + i][j] for i < d.length and every column j of w.
     */
    static void rows(double[] d, double[][] w, int wRow, DMatrixRMaj out, int outRow, int outCol, boolean add) {
        double[] data = out.data;
        int stride = out.numCols;
        for (int i = 0; i < d.length; i++) {
            double[] row = w[wRow + i];
            double di = d[i];
            int base = (outRow + i) * stride + outCol;
            if (add) {
                for (int j = 0; j < row.length; j++) {
                    data[base + j] += di * row[j];
                }
            } else {
                for (int j = 0; j < row.length; j++) {
                    data[base + j] = di * row[j];
                }
            }
        }
    }
}
