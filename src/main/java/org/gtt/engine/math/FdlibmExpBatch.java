package org.gtt.engine.math;

/**
 * e^{−|a|} for a batch of arguments, bit for bit {@link Fdlibm#exp} (and so {@code StrictMath.exp}), written
 * without branches or bit manipulation so that HotSpot's C2 compiles each loop to SIMD instructions: several
 * times the throughput of calling {@link Fdlibm#exp} per element, for the same bits on the JVM and in
 * WebAssembly (the loops are plain IEEE double arithmetic plus floor and ceil, all exact).
 *
 * <p>For −700 ≤ x ≤ 0 FDLIBM's e_exp.c takes one of three branches: |x| below its ½·ln2 threshold keeps
 * k = 0, below 1.5·ln2 takes k = −1, otherwise k = (int)(x/ln2 − ½); then with hi = x − k·ln2hi,
 * lo = k·ln2lo, r = hi − lo and c = r − r²·P(r²) it returns 2^k·(1 − ((lo − r·c/(2 − c)) − hi)), and 1 + x
 * for |x| &lt; 2⁻²⁸. Here k is ceil(x/ln2 − ½) (the truncation of a negative number) forced to 0 below the
 * threshold, which is the k of every branch; the k = 0 branch's own formula 1 − (r·c/(c − 2) − r) is the same
 * expression with lo = 0 (division by the negated denominator is exact negation); the 1 + x of tiny
 * arguments is selected as y + s·((1 + x) − y) with s ∈ {0, 1}, exact because both candidates lie within a
 * factor of two of 1 (Sterbenz); and 2^k is multiplied in from the binary digits of −k (each factor 1 or a
 * power of two, (1 − b) + b·2^(−2^d) for the digit b, so every product is exact), which is FDLIBM's exponent
 * addition while the result is normal. Comparisons are arithmetic too: see {@link #positive}.
 *
 * <p>Each step is its own short loop over scratch arrays: C2 vectorises only loops it can unroll, and it
 * unrolls only small bodies (LoopUnrollLimit), so one long loop would stay scalar. The caller passes a bound
 * on |a|, because finding the largest |a| in the loop would stop it from vectorising: only as many digits of
 * −k as the bound allows are worked through, and beyond {@link #MAX_ABS}, or for NaN, every element goes
 * through {@link Fdlibm#exp} one by one. An instance keeps the scratch arrays and is not thread-safe.
 */
public final class FdlibmExpBatch {
    /**
     * |a| up to this takes the vectorised path: k ≥ −1011, so 2^k·y is a normal number, which FDLIBM also computes
     * by adding k to the exponent (it scales differently only below k = −1021).
     */
    public static final double MAX_ABS = 700.0;

    /**
     * Below this many arguments {@link Fdlibm#exp} element by element is faster (fewer than one SIMD vector's worth:
     * the loops would run scalar, a dependent chain of passes instead of one branchy function). Same bits either way.
     */
    static final int FEW = 4;

    /** FDLIBM's first branch: |x| with a high word above 0x3fd62e42 (just over ½·ln2) is reduced. */
    private static final double REDUCED_FROM = Double.longBitsToDouble(0x3fd62e4300000000L);
    /** FDLIBM returns 1 + x below this. */
    private static final double TINY = 0x1p-28;
    private static final double LN2_HI = Fdlibm.LN2HI[0];
    private static final double LN2_LO = Fdlibm.LN2LO[0];

    private final double[] x;
    private final double[] k;
    private final double[] y;
    private final double[] digits;
    private final double[] scale;

    /** Scratch for batches of up to {@code capacity} arguments. */
    public FdlibmExpBatch(int capacity) {
        x = new double[capacity];
        k = new double[capacity];
        y = new double[capacity];
        digits = new double[capacity];
        scale = new double[capacity];
    }

    public int capacity() {
        return x.length;
    }

    /**
     * out[j] = e^{−|a[j]|} for j &lt; count, bit for bit {@code StrictMath.exp(-Math.abs(a[j]))}.
     *
     * @param maxAbs a bound on every |a[j]| (need not be tight, but the tighter the fewer binary digits of −k are
     *               worked through): up to {@link #MAX_ABS} the vectorised path runs, otherwise (or if it is NaN)
     *               every element goes through {@link Fdlibm#exp}
     */
    public void expOfMinusAbs(double[] a, double[] out, int count, double maxAbs) {
        if (count > x.length) {
            throw new IllegalArgumentException("batch of " + count + " exceeds capacity " + x.length);
        }
        if (count < FEW || !(maxAbs <= MAX_ABS)) {
            for (int j = 0; j < count; j++) {
                out[j] = Fdlibm.exp(-PortableMath.abs(a[j]));
            }
            return;
        }
        reduce(a, x, k, digits, scale, count);
        polynomial(x, k, y, count);
        double weight = 0.25; // 2^(−2^d), the factor of digit d = 1, 2, … of −k
        int left = binaryDigits(maxAbs) - 1;
        for (; left > 2; left -= 2) {
            nextTwoDigits(digits, scale, weight, weight * weight, count);
            weight = weight * weight * (weight * weight);
        }
        // a digit that cannot be 1 gets the weight 1: its factor is 1 whatever it is
        lastTwoDigits(digits, scale, y, out, left >= 1 ? weight : 1.0, left >= 2 ? weight * weight : 1.0, count);
    }

    /**
     * How many binary digits −k can have when |x| ≤ maxAbs: −k = floor(|x|/ln2 + ½), computed by the same
     * floating-point operations as in {@link #reduce}, which are monotone in |x|, so maxAbs gives the largest.
     */
    static int binaryDigits(double maxAbs) {
        int largest = (int) (Fdlibm.INVLN2 * maxAbs + 0.5);
        return 32 - Integer.numberOfLeadingZeros(largest);
    }

    /**
     * x = −|a| and FDLIBM's k: ceil(x/ln2 − ½), or 0 below the reduction threshold; and the scale's first factor,
     * 2^(−b) for the lowest binary digit b of m = −k, with the digits left, ⌊m/2⌋.
     */
    private static void reduce(double[] a, double[] x, double[] k, double[] digits, double[] scale, int count) {
        for (int j = 0; j < count; j++) {
            double v = -PortableMath.abs(a[j]);
            x[j] = v;
            double n = PortableMath.ceil(Fdlibm.INVLN2 * v - 0.5);
            double kj = n - n * positive(v + REDUCED_FROM);
            k[j] = kj;
            double rest = PortableMath.floor(-kj * 0.5);
            scale[j] = factor(-kj - 2.0 * rest, 0.5);
            digits[j] = rest;
        }
    }

    /**
     * y = e^{x − k·ln2} by FDLIBM's rational form, its statements in its order; then 1 + x instead where
     * |x| &lt; 2⁻²⁸, as FDLIBM returns there.
     */
    private static void polynomial(double[] x, double[] k, double[] y, int count) {
        for (int j = 0; j < count; j++) {
            double v = x[j];
            double hi = v - k[j] * LN2_HI;
            double lo = k[j] * LN2_LO;
            double r = hi - lo;
            double t = r * r;
            double c = r - t * (Fdlibm.P1 + t * (Fdlibm.P2 + t * (Fdlibm.P3 + t * (Fdlibm.P4 + t * Fdlibm.P5))));
            double reduced = 1.0 - ((lo - (r * c) / (2.0 - c)) - hi);
            y[j] = reduced + positive(v + TINY) * ((1.0 + v) - reduced);
        }
    }

    /** The scale times the factors of the next two digits, 1 or {@code first}, 1 or {@code second}. */
    private static void nextTwoDigits(double[] digits, double[] scale, double first, double second, int count) {
        for (int j = 0; j < count; j++) {
            double m = digits[j];
            double rest = PortableMath.floor(m * 0.5);
            double s = scale[j] * factor(m - 2.0 * rest, first);
            m = rest;
            rest = PortableMath.floor(m * 0.5);
            scale[j] = s * factor(m - 2.0 * rest, second);
            digits[j] = rest;
        }
    }

    /** As {@link #nextTwoDigits} for the last two digits, then out = y·scale. */
    private static void lastTwoDigits(double[] digits, double[] scale, double[] y, double[] out, double first,
                                      double second, int count) {
        for (int j = 0; j < count; j++) {
            double m = digits[j];
            double rest = PortableMath.floor(m * 0.5);
            double s = scale[j] * factor(m - 2.0 * rest, first);
            m = rest;
            s *= factor(m - 2.0 * PortableMath.floor(m * 0.5), second);
            out[j] = y[j] * s;
        }
    }

    /** 1 for the digit 0, {@code weight} for the digit 1: exact for a power of two (1 − weight need not be). */
    private static double factor(double digit, double weight) {
        return (1.0 - digit) + digit * weight;
    }

    /**
     * 1 if v &gt; 0, else ±0, as ceil(v·2⁻⁶⁰): right for |v| &lt; 2⁶⁰ unless 0 &lt; v &lt; 2⁻¹⁰¹⁴ (the product would
     * round to 0), which holds for both uses here (|v| ≤ 701, and a positive v is at least 2⁻⁸¹). A comparison as
     * arithmetic, so the loop has no branch; one multiplication and a rounding, where Java's min and max,
     * which must order −0 before +0 and pass NaN on, cost several vector instructions each.
     */
    private static double positive(double v) {
        return PortableMath.ceil(v * 0x1p-60);
    }
}
