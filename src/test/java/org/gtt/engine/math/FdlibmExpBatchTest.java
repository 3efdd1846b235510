package org.gtt.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The branch-free exponential against {@code StrictMath.exp} (FDLIBM by specification), bit for bit, on
 * 2·10⁶ arguments over its whole range, in batches of every size from 1 to 600 (below {@link FdlibmExpBatch#FEW}
 * FDLIBM itself, element by element) with the tightest bound the caller could pass (the largest |a| of the batch, which decides how many binary digits of −k are worked
 * through) and with loose ones; the arguments mix uniform draws, every binade from 2⁻⁶⁰ up, and the
 * neighbours of the points where FDLIBM changes branch or k changes.
 */
class FdlibmExpBatchTest {
    private static final double LN2 = Math.log(2);
    /** Where FDLIBM's branches meet: its ½·ln2 and 1.5·ln2 high-word thresholds, 2⁻²⁸, the end of the range. */
    private static final double[] THRESHOLDS = {Double.longBitsToDouble(0x3fd62e4300000000L), LN2 / 2,
        Double.longBitsToDouble(0x3FF0A2B200000000L), 1.5 * LN2, 0x1p-28, FdlibmExpBatch.MAX_ABS};
    private static final double[] SPECIALS = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL,
        0x1p-28, -0x1p-28, 1.0, -1.0, 0.5, 40.0, -40.0, 88.0, 700.0, -700.0};

    @Test
    void matchesStrictMathOverItsRange() {
        SplittableRandom random = new SplittableRandom(10);
        FdlibmExpBatch exp = new FdlibmExpBatch(600);
        double[] a = new double[600];
        double[] out = new double[600];
        int checked = 0;
        for (int batch = 0; checked < 2_000_000; batch++) {
            int count = batch < 600 ? batch + 1 : random.nextInt(1, 601);
            double largest = 0;
            for (int j = 0; j < count; j++) {
                a[j] = batch == 0 && j == 0 ? 0.0 : argument(random, checked + j);
                largest = Math.max(largest, Math.abs(a[j]));
            }
            double bound = batch % 3 == 0 ? FdlibmExpBatch.MAX_ABS : largest * (batch % 3 == 1 ? 1.0 : 1.5);
            exp.expOfMinusAbs(a, out, count, Math.min(bound, FdlibmExpBatch.MAX_ABS));
            for (int j = 0; j < count; j++) {
                same(a[j], out[j]);
            }
            checked += count;
        }
        exp.expOfMinusAbs(SPECIALS, out, SPECIALS.length, FdlibmExpBatch.MAX_ABS);
        for (int j = 0; j < SPECIALS.length; j++) {
            same(SPECIALS[j], out[j]);
        }
    }

    /**
     * Batches of eight arguments around each change of k, the batch's largest |a| as the bound: the fewest digits
     * of −k the vectorised path may work through, at the arguments that need the last of them.
     */
    @Test
    void everyChangeOfKWithTheTightestBound() {
        SplittableRandom random = new SplittableRandom(11);
        int size = 8;
        assertTrue(size >= FdlibmExpBatch.FEW, "the vectorised path, not FDLIBM element by element");
        FdlibmExpBatch exp = new FdlibmExpBatch(size);
        double[] a = new double[size];
        double[] out = new double[size];
        for (int m = 0; (m + 0.5) * LN2 <= FdlibmExpBatch.MAX_ABS; m++) {
            for (int i = 0; i < 25; i++) {
                double largest = 0;
                for (int j = 0; j < size; j++) {
                    a[j] = Math.min(near((m + 0.5) * LN2, random), FdlibmExpBatch.MAX_ABS) * (j % 2 == 0 ? 1 : -1);
                    largest = Math.max(largest, Math.abs(a[j]));
                }
                exp.expOfMinusAbs(a, out, size, largest);
                for (int j = 0; j < size; j++) {
                    same(a[j], out[j]);
                }
            }
        }
    }

    /** Beyond the range, or NaN, or a bound that is NaN: FDLIBM itself, element by element. */
    @Test
    void beyondTheRangeFallsBackToFdlibm() {
        double[] a = {700.5, -745.1, 746, 1e300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 3.0};
        double[] out = new double[a.length];
        FdlibmExpBatch exp = new FdlibmExpBatch(a.length);
        exp.expOfMinusAbs(a, out, a.length, Double.POSITIVE_INFINITY);
        for (int j = 0; j < a.length; j++) {
            same(a[j], out[j]);
        }
        exp.expOfMinusAbs(new double[] {2.0}, out, 1, Double.NaN);
        same(2.0, out[0]);
    }

    @Test
    void refusesABatchLargerThanItsScratch() {
        assertThrows(IllegalArgumentException.class, () -> new FdlibmExpBatch(4).expOfMinusAbs(new double[5], new double[5], 5, 1));
    }

    /** The digits of −k cover the bound: 2^digits exceeds the largest −k any |a| ≤ bound can give. */
    @Test
    void binaryDigitsCoverTheLargestK() {
        for (double bound = 0; bound <= FdlibmExpBatch.MAX_ABS; bound += 0.01) {
            int largest = -(int) Math.ceil(Fdlibm.INVLN2 * -bound - 0.5); // FDLIBM's k at a = ±bound
            assertTrue(largest < 1 << FdlibmExpBatch.binaryDigits(bound), "bound " + bound);
        }
        assertEquals(10, FdlibmExpBatch.binaryDigits(FdlibmExpBatch.MAX_ABS), "−k ≤ 1010 at the end of the range");
    }

    /** A quarter uniform on ±700, a quarter on ±10, a quarter any binade from 2⁻⁶⁰ to 2⁹, a quarter near a threshold. */
    private static double argument(SplittableRandom random, int i) {
        double sign = random.nextBoolean() ? 1 : -1;
        return switch (i % 4) {
            case 0 -> random.nextDouble(-FdlibmExpBatch.MAX_ABS, FdlibmExpBatch.MAX_ABS);
            case 1 -> random.nextDouble(-10, 10);
            case 2 -> sign * Math.scalb(random.nextDouble(1, 2), random.nextInt(-60, 9));
            default -> sign * Math.min(near(THRESHOLDS[random.nextInt(THRESHOLDS.length)], random), FdlibmExpBatch.MAX_ABS);
        };
    }

    /** Within a thousand ulps of x > 0. */
    private static double near(double x, SplittableRandom random) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) + random.nextInt(-1000, 1001));
    }

    private static void same(double a, double actual) {
        double expected = StrictMath.exp(-Math.abs(a));
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            throw new AssertionError("e^-|" + a + "| (" + Double.toHexString(a) + "): StrictMath " + expected + " ("
                    + Double.toHexString(expected) + ") but the batch gives " + actual + " (" + Double.toHexString(actual) + ")");
        }
    }
}
