package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * out = a·b for row-major matrices, the cost that dominates the engine. A 4×4 block of a meets
 * four rows of b in the inner loop, which the JIT vectorises, so each entry of out is loaded and
 * stored once per sixteen products instead of once per product. Rows of b that are zero (units
 * with slope 0, e.g. inactive ReLUs) are skipped. The summation order is fixed by the shapes
 * alone, so the same request gives the same bits.
 */
final class MatrixProduct {
    private MatrixProduct() {}

    static void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out) {
        multiply(a, b, out, b.numCols);
    }

    /** Only the first {@code columns} columns of b (and of out) are used and written. */
    static void multiply(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out, int columns) {
        int[] used = nonZeroRows(b, columns);
        int i = 0;
        for (; i + 4 <= a.numRows; i += 4) {
            fourRows(a, b, out, columns, used, i);
        }
        for (; i < a.numRows; i++) {
            oneRow(a, b, out, columns, used, i);
        }
    }

    /** out rows i..i+3; four rows of b per pass, so each out entry is loaded once per 16 products. */
    private static void fourRows(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out, int columns, int[] used, int i) {
        double[] ad = a.data;
        double[] bd = b.data;
        double[] od = out.data;
        int inner = a.numCols;
        int stride = b.numCols;
        int o0 = i * out.numCols;
        int o1 = o0 + out.numCols;
        int o2 = o1 + out.numCols;
        int o3 = o2 + out.numCols;
        int r0 = i * inner;
        int r1 = r0 + inner;
        int r2 = r1 + inner;
        int r3 = r2 + inner;
        for (int row = o0; row <= o3; row += out.numCols) {
            java.util.Arrays.fill(od, row, row + columns, 0.0);
        }
        int u = 0;
        for (; u + 4 <= used.length; u += 4) {
            int k0 = used[u];
            int k1 = used[u + 1];
            int k2 = used[u + 2];
            int k3 = used[u + 3];
            double a00 = ad[r0 + k0], a01 = ad[r0 + k1], a02 = ad[r0 + k2], a03 = ad[r0 + k3];
            double a10 = ad[r1 + k0], a11 = ad[r1 + k1], a12 = ad[r1 + k2], a13 = ad[r1 + k3];
            double a20 = ad[r2 + k0], a21 = ad[r2 + k1], a22 = ad[r2 + k2], a23 = ad[r2 + k3];
            double a30 = ad[r3 + k0], a31 = ad[r3 + k1], a32 = ad[r3 + k2], a33 = ad[r3 + k3];
            int b0 = k0 * stride;
            int b1 = k1 * stride;
            int b2 = k2 * stride;
            int b3 = k3 * stride;
            for (int j = 0; j < columns; j++) {
                double v0 = bd[b0 + j];
                double v1 = bd[b1 + j];
                double v2 = bd[b2 + j];
                double v3 = bd[b3 + j];
                od[o0 + j] += a00 * v0 + a01 * v1 + a02 * v2 + a03 * v3;
                od[o1 + j] += a10 * v0 + a11 * v1 + a12 * v2 + a13 * v3;
                od[o2 + j] += a20 * v0 + a21 * v1 + a22 * v2 + a23 * v3;
                od[o3 + j] += a30 * v0 + a31 * v1 + a32 * v2 + a33 * v3;
            }
        }
        for (; u < used.length; u++) {
            int k = used[u];
            double a0 = ad[r0 + k], a1 = ad[r1 + k], a2 = ad[r2 + k], a3 = ad[r3 + k];
            int bk = k * stride;
            for (int j = 0; j < columns; j++) {
                double v = bd[bk + j];
                od[o0 + j] += a0 * v;
                od[o1 + j] += a1 * v;
                od[o2 + j] += a2 * v;
                od[o3 + j] += a3 * v;
            }
        }
    }

    private static void oneRow(DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj out, int columns, int[] used, int i) {
        double[] od = out.data;
        int o = i * out.numCols;
        java.util.Arrays.fill(od, o, o + columns, 0.0);
        for (int k : used) {
            double av = a.data[i * a.numCols + k];
            int bk = k * b.numCols;
            for (int j = 0; j < columns; j++) {
                od[o + j] += av * b.data[bk + j];
            }
        }
    }

    /** Indices of the rows of b (first {@code columns} columns) that are not all zero. */
    private static int[] nonZeroRows(DMatrixRMaj b, int columns) {
        int[] used = new int[b.numRows];
        int count = 0;
        for (int k = 0; k < b.numRows; k++) {
            int base = k * b.numCols;
            for (int j = 0; j < columns; j++) {
                if (b.data[base + j] != 0) {
                    used[count++] = k;
                    break;
                }
            }
        }
        return java.util.Arrays.copyOf(used, count);
    }
}
