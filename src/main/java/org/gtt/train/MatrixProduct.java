package org.gtt.train;

/**
 * C += A·B for the trainer's small matrices (16 to 64 rows), held in flat arrays: a matrix is an array, an
 * offset and a row and a column stride, so A or B can be read transposed without a copy. C is row-major
 * (column stride 1).
 *
 * <p>Every element of C gets its products added one at a time in the order of q, exactly as the plain loop
 * {@code for i, j: for q: C[i][j] += A[i][q]·B[q][j]} would, so the result is the same to the bit whatever
 * the tiling. The work runs in tiles of 2 rows × 8 columns whose 16 sums stay in registers while q runs:
 * each A element loaded serves 8 products and each B element 2, where a loop over one row of C (the JIT's
 * vectorised axpy over a batch of 32) reloads and stores C for every few products.
 */
final class MatrixProduct {
    private static final int TILE_ROWS = 2;
    private static final int TILE_COLUMNS = 8;

    private MatrixProduct() {}

    /**
     * C[i][j] += Σ_q A[i][q]·B[q][j] for i &lt; m, j &lt; n, q &lt; p, where C[i][j] = c[cOffset + i·cRow + j],
     * A[i][q] = a[aOffset + i·aRow + q·aColumn] and B[q][j] = b[bOffset + q·bRow + j·bColumn].
     */
    static void addProduct(double[] c, int cOffset, int cRow,
                           double[] a, int aOffset, int aRow, int aColumn,
                           double[] b, int bOffset, int bRow, int bColumn,
                           int m, int n, int p) {
        int i = 0;
        for (; i + TILE_ROWS <= m; i += TILE_ROWS) {
            int j = 0;
            for (; j + TILE_COLUMNS <= n; j += TILE_COLUMNS) {
                tile(c, cOffset + i * cRow + j, cRow, a, aOffset + i * aRow, aRow, aColumn,
                        b, bOffset + j * bColumn, bRow, bColumn, p);
            }
            plain(c, cOffset, cRow, a, aOffset, aRow, aColumn, b, bOffset, bRow, bColumn, i, i + TILE_ROWS, j, n, p);
        }
        plain(c, cOffset, cRow, a, aOffset, aRow, aColumn, b, bOffset, bRow, bColumn, i, m, 0, n, p);
    }

    /** The edges the tiles leave: rows [iFrom, iTo), columns [jFrom, jTo), one sum at a time. */
    private static void plain(double[] c, int cOffset, int cRow,
                              double[] a, int aOffset, int aRow, int aColumn,
                              double[] b, int bOffset, int bRow, int bColumn,
                              int iFrom, int iTo, int jFrom, int jTo, int p) {
        for (int i = iFrom; i < iTo; i++) {
            for (int j = jFrom; j < jTo; j++) {
                double sum = c[cOffset + i * cRow + j];
                for (int q = 0; q < p; q++) sum += a[aOffset + i * aRow + q * aColumn] * b[bOffset + q * bRow + j * bColumn];
                c[cOffset + i * cRow + j] = sum;
            }
        }
    }

    /** One 2 × 8 tile of C from c0 (A's two rows from a0, B's eight columns from b0). */
    private static void tile(double[] c, int c0, int cRow, double[] a, int a0, int aRow, int aColumn,
                             double[] b, int b0, int bRow, int bColumn, int p) {
        int c1 = c0 + cRow;
        double s00 = c[c0], s01 = c[c0 + 1], s02 = c[c0 + 2], s03 = c[c0 + 3];
        double s04 = c[c0 + 4], s05 = c[c0 + 5], s06 = c[c0 + 6], s07 = c[c0 + 7];
        double s10 = c[c1], s11 = c[c1 + 1], s12 = c[c1 + 2], s13 = c[c1 + 3];
        double s14 = c[c1 + 4], s15 = c[c1 + 5], s16 = c[c1 + 6], s17 = c[c1 + 7];
        int a1 = a0 + aRow;
        int j1 = bColumn, j2 = 2 * bColumn, j3 = 3 * bColumn, j4 = 4 * bColumn, j5 = 5 * bColumn, j6 = 6 * bColumn, j7 = 7 * bColumn;
        for (int q = 0; q < p; q++) {
            double x0 = a[a0 + q * aColumn];
            double x1 = a[a1 + q * aColumn];
            int bq = b0 + q * bRow;
            double y0 = b[bq], y1 = b[bq + j1], y2 = b[bq + j2], y3 = b[bq + j3];
            double y4 = b[bq + j4], y5 = b[bq + j5], y6 = b[bq + j6], y7 = b[bq + j7];
            s00 += x0 * y0; s01 += x0 * y1; s02 += x0 * y2; s03 += x0 * y3;
            s04 += x0 * y4; s05 += x0 * y5; s06 += x0 * y6; s07 += x0 * y7;
            s10 += x1 * y0; s11 += x1 * y1; s12 += x1 * y2; s13 += x1 * y3;
            s14 += x1 * y4; s15 += x1 * y5; s16 += x1 * y6; s17 += x1 * y7;
        }
        c[c0] = s00; c[c0 + 1] = s01; c[c0 + 2] = s02; c[c0 + 3] = s03;
        c[c0 + 4] = s04; c[c0 + 5] = s05; c[c0 + 6] = s06; c[c0 + 7] = s07;
        c[c1] = s10; c[c1 + 1] = s11; c[c1 + 2] = s12; c[c1 + 3] = s13;
        c[c1 + 4] = s14; c[c1 + 5] = s15; c[c1 + 6] = s16; c[c1 + 7] = s17;
    }
}
