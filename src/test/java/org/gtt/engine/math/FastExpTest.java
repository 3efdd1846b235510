package org.gtt.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * FastExp against StrictMath (FDLIBM, within 1 ulp of e^x): at most 1 ulp apart on 2·10⁶ inputs over the
 * whole range (uniform draws, random bit patterns, the subnormal results, tiny arguments) and on the edges
 * (±0, ±∞, NaN, the overflow and underflow thresholds and their neighbours, the branch points 512 and 1024,
 * tiny arguments such as 2^−54); the same results in the special cases. Its table and constants are recomputed here in BigDecimal.
 */
class FastExpTest {
    /** ln 2 to 50 digits. */
    private static final BigDecimal LN2 = new BigDecimal("0.69314718055994530941723212145817656807550013436026");
    private static final MathContext PRECISION = new MathContext(60);

    @Test
    void withinOneUlpOfStrictMathOnTwoMillionInputs() {
        SplittableRandom random = new SplittableRandom(20261207);
        int same = 0;
        int n = 0;
        for (int i = 0; i < 1_000_000; i++, n++) {
            same += check(-745.2 + 1455.0 * random.nextDouble());
        }
        for (int i = 0; i < 400_000; i++, n++) {
            same += check(Double.longBitsToDouble(random.nextLong()));
        }
        for (int i = 0; i < 300_000; i++, n++) {
            same += check(-708.4 - 36.8 * random.nextDouble()); // subnormal results
        }
        for (int i = 0; i < 300_000; i++, n++) {
            double tiny = Math.scalb(random.nextDouble(), -random.nextInt(60));
            same += check(random.nextBoolean() ? tiny : -tiny); // near 0, where e^x ≈ 1 + x
        }
        // fdlibm is within 1 ulp, FastExp within 0.52: where they part, e^x lies near the midpoint of two doubles
        assertTrue(same > 0.9 * n, same + " of " + n + " the same bits as StrictMath");
    }

    @Test
    void withinHalfAnUlpAndAHairOfTheExactValue() {
        SplittableRandom random = new SplittableRandom(7);
        double worst = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = i % 2 == 0 ? -700 + 1400 * random.nextDouble() : -1 + 2 * random.nextDouble();
            double ours = FastExp.exp(x);
            double ulps = new BigDecimal(ours).subtract(exactExp(x)).abs()
                    .divide(new BigDecimal(Math.ulp(ours)), PRECISION).doubleValue();
            worst = Math.max(worst, ulps);
        }
        assertTrue(worst < 0.52, "worst error " + worst + " ulp");
    }

    /** e^x to 50 digits: 2^k·e^r with r = x − k·ln2, |r| ≤ ln2/2, e^r from its Taylor series. */
    private static BigDecimal exactExp(double x) {
        long k = Math.round(x / Math.log(2));
        BigDecimal r = new BigDecimal(x).subtract(LN2.multiply(BigDecimal.valueOf(k)), PRECISION);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 60; n++) {
            term = term.multiply(r, PRECISION).divide(BigDecimal.valueOf(n), PRECISION);
            sum = sum.add(term, PRECISION);
        }
        BigDecimal power = BigDecimal.valueOf(2).pow((int) Math.abs(k));
        return k >= 0 ? sum.multiply(power, PRECISION) : sum.divide(power, PRECISION);
    }

    @Test
    void edgesAsStrictMath() {
        double[] edges = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1.0, -1.0, 0x1p-54, -0x1p-54, 0x1p-55, -0x1p-55, 0x1p-53, 512.0, -512.0, 1024.0,
            -1024.0, 709.782712893383973096, -708.3964185322641, -745.13321910194110842, -745.1332191019412,
            -744.4400719213812, Math.log(2), 1e-300, -1e-300, 1e300, -1e300};
        for (double x : edges) {
            double near = Math.nextDown(Math.nextDown(x));
            for (int i = 0; i < 5; i++, near = Math.nextUp(near)) check(near);
        }
        assertEquals(1.0, FastExp.exp(0.0));
        assertEquals(1.0, FastExp.exp(-0.0));
        assertTrue(Double.isNaN(FastExp.exp(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(Double.POSITIVE_INFINITY));
        assertEquals(0.0, FastExp.exp(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, FastExp.exp(Math.nextUp(709.782712893383973096)), "overflow");
        assertTrue(FastExp.exp(709.782712893383973096) < Double.POSITIVE_INFINITY, "the largest finite e^x");
        assertEquals(Double.MIN_VALUE, FastExp.exp(-745.13321910194110842), "the smallest subnormal");
        assertEquals(0.0, FastExp.exp(-745.1332191019412), "underflow to +0");
        assertEquals(Math.E, FastExp.exp(1.0), "e is correctly rounded");
    }

    @Test
    void tableHoldsTwoToTheIOver128() {
        for (int i = 0; i < 128; i++) {
            double tail = Double.longBitsToDouble(FastExp.TABLE[2 * i]);
            double head = Double.longBitsToDouble(FastExp.TABLE[2 * i + 1] + ((long) i << 45));
            // (H·(1 + tail))^128 = 2^i to 2^−95 relative, and H is 2^(i/128) rounded to the nearest double
            BigDecimal value = new BigDecimal(head).multiply(BigDecimal.ONE.add(new BigDecimal(tail)), PRECISION);
            BigDecimal power = value.pow(128, PRECISION);
            BigDecimal relative = power.divide(BigDecimal.valueOf(2).pow(i), PRECISION).subtract(BigDecimal.ONE).abs();
            assertTrue(relative.compareTo(new BigDecimal("2.6e-29")) < 0, "entry " + i + ": " + relative);
            BigDecimal headError = value.subtract(new BigDecimal(head)).abs();
            assertTrue(headError.compareTo(new BigDecimal(Math.ulp(head) / 2)) <= 0, "entry " + i + " rounded");
        }
    }

    @Test
    void reductionConstantsSplitLn2Over128() throws Exception {
        double hi = constant("LN2_OVER_N_HI");
        double lo = constant("LN2_OVER_N_LO");
        BigDecimal exact = LN2.divide(BigDecimal.valueOf(128), PRECISION);
        BigDecimal error = new BigDecimal(hi).add(new BigDecimal(lo)).subtract(exact).abs();
        // lo is the rest rounded once: hi + lo is ln2/128 to half an ulp of lo (≈ 2^−93; k·that ≪ an ulp of r)
        assertTrue(error.compareTo(new BigDecimal(Math.ulp(lo) / 2)) <= 0, "hi + lo = ln2/128 to 2^−93: " + error);
        long mantissa = Double.doubleToRawLongBits(hi) & ((1L << 52) - 1);
        assertTrue(Long.numberOfTrailingZeros(mantissa) >= 52 - 32, "hi has 33 significant bits, so k·hi is exact for |k| < 2^20");
        assertEquals(128 / Math.log(2), constant("N_OVER_LN2"), Math.ulp(185.0));
    }

    private static double constant(String name) throws Exception {
        var field = FastExp.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.getDouble(null);
    }

    /** Asserts FastExp.exp(x) is within 1 ulp of StrictMath.exp(x) (the same for NaN); 1 if the bits are equal. */
    private static int check(double x) {
        double ours = FastExp.exp(x);
        double strict = StrictMath.exp(x);
        if (Double.isNaN(strict)) {
            assertTrue(Double.isNaN(ours), "exp(" + x + ")");
            return 1;
        }
        long apart = Math.abs(Double.doubleToRawLongBits(ours) - Double.doubleToRawLongBits(strict));
        if (apart > 1) {
            assertEquals(strict, ours, "exp(" + x + ") is " + apart + " ulps from StrictMath's");
        }
        return apart == 0 ? 1 : 0;
    }
}
