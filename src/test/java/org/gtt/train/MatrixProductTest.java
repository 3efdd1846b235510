package org.gtt.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * MatrixProduct against the plain loop {@code for i, j: for q: C[i][j] += A[i][q]·B[q][j]}: the same bits
 * (each sum formed in the same order), for sizes with and without whole 2 × 8 tiles (remainder rows and columns),
 * A and B read straight and transposed, at offsets inside larger arrays, and a C that starts non-zero.
 */
class MatrixProductTest {
    @Test
    void tilesGiveThePlainLoopsSumsToTheBit() {
        SplittableRandom random = new SplittableRandom(3);
        int[][] sizes = {{64, 32, 16}, {16, 32, 64}, {64, 16, 32}, {1, 1, 1}, {3, 7, 5}, {2, 8, 1}, {5, 17, 9}, {48, 50, 16}};
        for (int[] size : sizes) {
            int m = size[0], n = size[1], p = size[2];
            for (boolean transposeA : new boolean[] {false, true}) {
                for (boolean transposeB : new boolean[] {false, true}) {
                    int aOffset = 3, bOffset = 5, cOffset = 7;
                    double[] a = random(random, aOffset + m * p);
                    double[] b = random(random, bOffset + p * n);
                    double[] c = random(random, cOffset + m * n + 4);
                    int aRow = transposeA ? 1 : p, aColumn = transposeA ? m : 1;
                    int bRow = transposeB ? 1 : n, bColumn = transposeB ? p : 1;
                    double[] expected = c.clone();
                    for (int i = 0; i < m; i++) {
                        for (int j = 0; j < n; j++) {
                            for (int q = 0; q < p; q++) {
                                expected[cOffset + i * n + j] += a[aOffset + i * aRow + q * aColumn] * b[bOffset + q * bRow + j * bColumn];
                            }
                        }
                    }
                    MatrixProduct.addProduct(c, cOffset, n, a, aOffset, aRow, aColumn, b, bOffset, bRow, bColumn, m, n, p);
                    String what = m + "×" + p + " · " + p + "×" + n + (transposeA ? ", A transposed" : "") + (transposeB ? ", B transposed" : "");
                    assertArrayEquals(expected, c, 0.0, what);
                    assertEquals(expected.length, c.length);
                }
            }
        }
    }

    private static double[] random(SplittableRandom random, int length) {
        double[] values = new double[length];
        for (int i = 0; i < length; i++) values[i] = 2 * random.nextDouble() - 1;
        return values;
    }
}
