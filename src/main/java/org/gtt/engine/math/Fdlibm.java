/*
 * ====================================================
 * Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * A Java translation of FDLIBM 5.3 (e_exp.c 1.6, e_log.c 1.4, e_log10.c 1.3, s_log1p.c 1.4,
 * s_expm1.c 1.5, s_tanh.c 1.3, e_pow.c 1.5, e_hypot.c 1.3, s_scalbn.c 1.3), written for Gradients
 * Through Time from the C sources; the algorithms, constants and comments on method are Sun's.
 */
package org.gtt.engine.math;

/**
 * FDLIBM 5.3 in plain Java, for exactly the functions the engine needs. {@code java.lang.StrictMath}
 * is specified to return FDLIBM's results, so these agree with it bit for bit (see FdlibmTest); unlike
 * StrictMath they stay FDLIBM when the engine is compiled to WebAssembly, whose class library has its own
 * approximations. Each method follows its C original statement by statement: the high and low 32-bit
 * words of a double are read and written with {@link #hi}, {@link #lo} and {@link #withHi}.
 */
public final class Fdlibm {
    private Fdlibm() {}

    private static final double ONE = 1.0;
    private static final double HUGE = 1.0e+300;
    private static final double TINY = 1.0e-300;
    private static final double TWO54 = 1.80143985094819840000e+16; // 0x43500000 00000000
    private static final double TWOM54 = 5.55111512312578270212e-17; // 0x3C900000 00000000
    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
    private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
    static final double INVLN2 = 1.44269504088896338700e+00; // 0x3ff71547 652b82fe
    private static final double O_THRESHOLD = 7.09782712893383973096e+02; // 0x40862E42 FEFA39EF

    static int hi(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    static int lo(double x) {
        return (int) Double.doubleToRawLongBits(x);
    }

    static double withHi(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    }

    static double withLo(double x, int low) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(x) & 0xffffffff00000000L) | (low & 0xffffffffL));
    }

    private static double fromWords(int high, int low) {
        return Double.longBitsToDouble(((long) high << 32) | (low & 0xffffffffL));
    }

    /** Adds k to the binary exponent of y (the C macro __incExp / __HI(y) += k << 20). */
    private static double addExponent(double y, int k) {
        return withHi(y, hi(y) + (k << 20));
    }

    private static double copySign(double magnitude, double sign) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(magnitude) & 0x7fffffffffffffffL)
                | (Double.doubleToRawLongBits(sign) & 0x8000000000000000L));
    }

    private static double abs(double x) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(x) & 0x7fffffffffffffffL);
    }

    // ---------------------------------------------------------------- e_exp.c

    private static final double[] HALF = {0.5, -0.5};
    private static final double TWOM1000 = 9.33263618503218878990e-302; // 2**-1000 = 0x01700000 0
    private static final double U_THRESHOLD = -7.45133219101941108420e+02; // 0xc0874910 D52D3051
    static final double[] LN2HI = {6.93147180369123816490e-01, -6.93147180369123816490e-01};
    static final double[] LN2LO = {1.90821492927058770002e-10, -1.90821492927058770002e-10};
    static final double P1 = 1.66666666666666019037e-01; // 0x3FC55555 5555553E
    static final double P2 = -2.77777777770155933842e-03; // 0xBF66C16C 16BEBD93
    static final double P3 = 6.61375632143793436117e-05; // 0x3F11566A AF25DE2C
    static final double P4 = -1.65339022054652515390e-06; // 0xBEBBBD41 C5D26BF1
    static final double P5 = 4.13813679705723846039e-08; // 0x3E663769 72BEA4D0

    /**
     * e^x. Argument reduction x = k·ln2 + r, |r| ≤ 0.5·ln2; a degree-5 Remes polynomial for
     * R(r²) = r·(e^r + 1)/(e^r − 1); then e^x = 2^k·e^r. Error below 1 ulp.
     */
    public static double exp(double x) {
        double y;
        double hi = 0;
        double lo = 0;
        int k = 0;
        int hx = hi(x);
        int xsb = (hx >>> 31) & 1;
        hx &= 0x7fffffff;

        if (hx >= 0x40862E42) { // |x| >= 709.78...
            if (hx >= 0x7ff00000) {
                if (((hx & 0xfffff) | lo(x)) != 0) return x + x; // NaN
                return xsb == 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
            }
            if (x > O_THRESHOLD) return HUGE * HUGE; // overflow
            if (x < U_THRESHOLD) return TWOM1000 * TWOM1000; // underflow
        }

        if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
                hi = x - LN2HI[xsb];
                lo = LN2LO[xsb];
                k = 1 - xsb - xsb;
            } else {
                k = (int) (INVLN2 * x + HALF[xsb]);
                double t = k;
                hi = x - t * LN2HI[0]; // t*ln2HI is exact here
                lo = t * LN2LO[0];
            }
            x = hi - lo;
        } else if (hx < 0x3e300000) { // |x| < 2**-28
            if (HUGE + x > ONE) return ONE + x; // trigger inexact
        } else {
            k = 0;
        }

        double t = x * x;
        double c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        if (k == 0) return ONE - ((x * c) / (c - 2.0) - x);
        y = ONE - ((lo - (x * c) / (2.0 - c)) - hi);
        if (k >= -1021) {
            return addExponent(y, k);
        }
        return addExponent(y, k + 1000) * TWOM1000;
    }

    // ---------------------------------------------------------------- e_log.c

    private static final double LG1 = 6.666666666666735130e-01; // 3FE55555 55555593
    private static final double LG2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
    private static final double LG3 = 2.857142874366239149e-01; // 3FD24924 94229359
    private static final double LG4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
    private static final double LG5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
    private static final double LG6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
    private static final double LG7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244
    private static final double ZERO = 0.0;

    /**
     * ln x. x = 2^k·(1+f) with √2/2 < 1+f < √2; log(1+f) = 2s + s·R(s²), s = f/(2+f), R a degree-14
     * Remes polynomial; ln x = k·ln2_hi + (f − (hfsq − (s·(hfsq+R) + k·ln2_lo))). Error below 1 ulp.
     */
    public static double log(double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) return logOutsideDomain(x);
        int k = subnormalShift(x);
        x = k == 0 ? x : x * TWO54; // subnormal number, scale up x
        int hx = hi(x);
        k += (hx >> 20) - 1023;
        hx &= 0x000fffff;
        int i = (hx + 0x95f64) & 0x100000;
        x = withHi(x, hx | (i ^ 0x3ff00000)); // normalize x or x/2
        k += i >> 20;
        double f = x - 1.0;
        double dk;
        if ((0x000fffff & (2 + hx)) < 3) { // |f| < 2**-20
            if (f == ZERO) {
                if (k == 0) return ZERO;
                dk = k;
                return dk * LN2_HI + dk * LN2_LO;
            }
            double r = f * f * (0.5 - 0.33333333333333333 * f);
            if (k == 0) return f - r;
            dk = k;
            return dk * LN2_HI - ((r - dk * LN2_LO) - f);
        }
        double s = f / (2.0 + f);
        dk = k;
        double z = s * s;
        i = hx - 0x6147a;
        double w = z * z;
        int j = 0x6b851 - hx;
        double t1 = w * (LG2 + w * (LG4 + w * LG6));
        double t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
        i |= j;
        double r = t2 + t1;
        if (i > 0) {
            double hfsq = 0.5 * f * f;
            if (k == 0) return f - (hfsq - s * (hfsq + r));
            return dk * LN2_HI - ((hfsq - (s * (hfsq + r) + dk * LN2_LO)) - f);
        }
        if (k == 0) return f - s * (f - r);
        return dk * LN2_HI - ((s * (f - r) - dk * LN2_LO) - f);
    }

    /** What e_log.c and e_log10.c answer for ±0 (−∞), negative x (NaN), +∞ and NaN (x + x). */
    private static double logOutsideDomain(double x) {
        if (x == 0) return -TWO54 / ZERO;
        if (x < 0) return (x - x) / ZERO;
        return x + x;
    }

    /** −54 for a positive subnormal x (which both logarithms first scale by 2^54), else 0. */
    private static int subnormalShift(double x) {
        return hi(x) < 0x00100000 ? -54 : 0;
    }

    // ---------------------------------------------------------------- e_log10.c

    private static final double IVLN10 = 4.34294481903251816668e-01; // 0x3FDBCB7B 1526E50E
    private static final double LOG10_2HI = 3.01029995663611771306e-01; // 0x3FD34413 509F6000
    private static final double LOG10_2LO = 3.69423907715893078616e-13; // 0x3D59FEF3 11F12B36

    /** log10 x = n·log10_2hi + (n·log10_2lo + ivln10·ln(x·2^−n)); log10(10^N) = N exactly for N = 0..22. */
    public static double log10(double x) {
        if (!(x > 0 && x < Double.POSITIVE_INFINITY)) return logOutsideDomain(x);
        int k = subnormalShift(x);
        x = k == 0 ? x : x * TWO54; // subnormal number, scale up x
        int hx = hi(x);
        k += (hx >> 20) - 1023;
        int i = (k & 0x80000000) >>> 31;
        hx = (hx & 0x000fffff) | ((0x3ff - i) << 20);
        double y = k + i;
        x = withHi(x, hx);
        double z = y * LOG10_2LO + IVLN10 * log(x);
        return z + y * LOG10_2HI;
    }

    // ---------------------------------------------------------------- s_log1p.c

    /**
     * ln(1 + x), accurate for tiny x. 1 + x = 2^k·(1+f) with a correction term c ≈ (1+x) − u for
     * u = fl(1+x) when k ≠ 0; then the same polynomial as {@link #log}. Error below 1 ulp.
     */
    public static double log1p(double x) {
        double f = 0;
        double c = 0;
        int hu = 0;
        int hx = hi(x);
        int ax = hx & 0x7fffffff;

        int k = 1;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1.0
                if (x == -1.0) return -TWO54 / ZERO; // log1p(-1) = -inf
                return (x - x) / (x - x); // log1p(x < -1) = NaN
            }
            if (ax < 0x3e200000) { // |x| < 2**-29
                if (TWO54 + x > ZERO && ax < 0x3c900000) { // |x| < 2**-54
                    return x;
                }
                return x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) return x + x;
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = hi(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
                c /= u;
            } else {
                u = x;
                hu = hi(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHi(u, hu | 0x3ff00000); // normalize u
            } else {
                k += 1;
                u = withHi(u, hu | 0x3fe00000); // normalize u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2**-20
            if (f == ZERO) {
                if (k == 0) return ZERO;
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            if (k == 0) return f - r;
            return k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
        if (k == 0) return f - (hfsq - s * (hfsq + r));
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    // ---------------------------------------------------------------- s_expm1.c

    private static final double Q1 = -3.33333333333331316428e-02; // BFA11111 111110F4
    private static final double Q2 = 1.58730158725481460165e-03; // 3F5A01A0 19FE5585
    private static final double Q3 = -7.93650757867487942473e-05; // BF14CE19 9EAADBB7
    private static final double Q4 = 4.00821782732936239552e-06; // 3ED0CFCA 86E65239
    private static final double Q5 = -2.01099218183624371326e-07; // BE8AFDB7 6E09C32D

    /**
     * e^x − 1, accurate for tiny x. x = k·ln2 + r with a correction c for the rounding of r; a degree-5
     * Remes polynomial for R1(r²) = 6/r·((e^r + 1)/(e^r − 1) − 2/r); then scaled back by 2^k in one of
     * seven ways chosen for accuracy. Error below 1 ulp.
     */
    public static double expm1(double x) {
        double y;
        double hi;
        double lo;
        double c = 0;
        double t;
        int k;
        int hx = hi(x);
        boolean negative = hx < 0;
        hx &= 0x7fffffff;

        if (hx >= 0x4043687A) { // |x| >= 56*ln2
            if (hx >= 0x40862E42) { // |x| >= 709.78...
                if (hx >= 0x7ff00000) {
                    if (((hx & 0xfffff) | lo(x)) != 0) return x + x; // NaN
                    return negative ? -1.0 : x; // exp(+-inf) = {inf, -1}
                }
                if (x > O_THRESHOLD) return HUGE * HUGE; // overflow
            }
            if (negative && x + TINY < 0.0) { // x < -56*ln2, return -1.0 with inexact
                return TINY - ONE;
            }
        }

        if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
            if (hx < 0x3FF0A2B2) { // and |x| < 1.5 ln2
                if (!negative) {
                    hi = x - LN2_HI;
                    lo = LN2_LO;
                    k = 1;
                } else {
                    hi = x + LN2_HI;
                    lo = -LN2_LO;
                    k = -1;
                }
            } else {
                k = (int) (INVLN2 * x + (negative ? -0.5 : 0.5));
                t = k;
                hi = x - t * LN2_HI; // t*ln2_hi is exact here
                lo = t * LN2_LO;
            }
            x = hi - lo;
            c = (hi - x) - lo;
        } else if (hx < 0x3c900000) { // |x| < 2**-54, return x
            t = HUGE + x; // return x with inexact flags when x != 0
            return x - (t - (HUGE + x));
        } else {
            k = 0;
        }

        double hfx = 0.5 * x;
        double hxs = x * hfx;
        double r1 = ONE + hxs * (Q1 + hxs * (Q2 + hxs * (Q3 + hxs * (Q4 + hxs * Q5))));
        t = 3.0 - r1 * hfx;
        double e = hxs * ((r1 - t) / (6.0 - x * t));
        if (k == 0) return x - (x * e - hxs); // c is 0
        e = (x * (e - c) - c);
        e -= hxs;
        if (k == -1) return 0.5 * (x - e) - 0.5;
        if (k == 1) {
            if (x < -0.25) return -2.0 * (e - (x + 0.5));
            return ONE + 2.0 * (x - e);
        }
        if (k <= -2 || k > 56) { // suffice to return exp(x)-1
            y = ONE - (e - x);
            y = addExponent(y, k);
            return y - ONE;
        }
        if (k < 20) {
            t = fromWords(0x3ff00000 - (0x200000 >> k), 0); // t = 1 - 2^-k
            y = t - (e - x);
            y = addExponent(y, k);
        } else {
            t = fromWords((0x3ff - k) << 20, 0); // 2^-k
            y = x - (e + t);
            y += ONE;
            y = addExponent(y, k);
        }
        return y;
    }

    // ---------------------------------------------------------------- s_tanh.c

    /**
     * tanh x: x·(1+x) below 2^−55; −t/(t+2) with t = expm1(−2|x|) below 1; 1 − 2/(t+2) with
     * t = expm1(2|x|) below 22; ±1 beyond.
     */
    public static double tanh(double x) {
        double z;
        int jx = hi(x);
        int ix = jx & 0x7fffffff;

        if (ix >= 0x7ff00000) { // x is INF or NaN
            if (jx >= 0) return ONE / x + ONE; // tanh(+-inf) = +-1
            return ONE / x - ONE; // tanh(NaN) = NaN
        }

        if (ix < 0x40360000) { // |x| < 22
            if (ix < 0x3c800000) { // |x| < 2**-55
                return x * (ONE + x); // tanh(small) = small
            }
            if (ix >= 0x3ff00000) { // |x| >= 1
                double t = expm1(2.0 * abs(x));
                z = ONE - 2.0 / (t + 2.0);
            } else {
                double t = expm1(-2.0 * abs(x));
                z = -t / (t + 2.0);
            }
        } else { // |x| >= 22, return +-1
            z = ONE - TINY; // raised inexact flag
        }
        return jx >= 0 ? z : -z;
    }

    // ---------------------------------------------------------------- e_pow.c

    private static final double[] BP = {1.0, 1.5};
    private static final double[] DP_H = {0.0, 5.84962487220764160156e-01}; // 0x3FE2B803 40000000
    private static final double[] DP_L = {0.0, 1.35003920212974897128e-08}; // 0x3E4CFDEB 43CFD006
    private static final double TWO53 = 9007199254740992.0; // 0x43400000 00000000
    // poly coefs for (3/2)*(log(x)-2s-2/3*s**3
    private static final double L1 = 5.99999999999994648725e-01; // 0x3FE33333 33333303
    private static final double L2 = 4.28571428578550184252e-01; // 0x3FDB6DB6 DB6FABFF
    private static final double L3 = 3.33333329818377432918e-01; // 0x3FD55555 518F264D
    private static final double L4 = 2.72728123808534006489e-01; // 0x3FD17460 A91D4101
    private static final double L5 = 2.30660745775561754067e-01; // 0x3FCD864A 93C9DB65
    private static final double L6 = 2.06975017800338417784e-01; // 0x3FCA7E28 4A454EEF
    private static final double LG2_ = 6.93147180559945286227e-01; // 0x3FE62E42 FEFA39EF
    private static final double LG2_H = 6.93147182464599609375e-01; // 0x3FE62E43 00000000
    private static final double LG2_L = -1.90465429995776804525e-09; // 0xBE205C61 0CA86C39
    private static final double OVT = 8.0085662595372944372e-0017; // -(1024-log2(ovfl+.5ulp))
    private static final double CP = 9.61796693925975554329e-01; // 0x3FEEC709 DC3A03FD = 2/(3ln2)
    private static final double CP_H = 9.61796700954437255859e-01; // 0x3FEEC709 E0000000 = (float)cp
    private static final double CP_L = -7.02846165095275826516e-09; // 0xBE3E2FE0 145B01F5 = tail of cp_h
    private static final double IVLN2 = 1.44269504088896338700e+00; // 0x3FF71547 652B82FE = 1/ln2
    private static final double IVLN2_H = 1.44269502162933349609e+00; // 0x3FF71547 60000000 = 24b 1/ln2
    private static final double IVLN2_L = 1.92596299112661746887e-08; // 0x3E54AE0B F85DDF44 = 1/ln2 tail

    /**
     * x^y. log2(x) in two pieces w1 + w2 (w1 with 29 trailing zero bits); y·log2(x) = n + y' by
     * simulated multi-precision, |y'| ≤ 0.5; then x^y = 2^n·exp(y'·ln2). Exact for integer results
     * that a double can hold.
     */
    public static double pow(double x, double y) {
        double z;
        double ax;
        double zH;
        double zL;
        double pH;
        double pL;
        double t1;
        double t2;
        double r;
        double s;
        double t;
        double u;
        double v;
        double w;
        int i;
        int j;
        int k;
        int yisint;
        int n;
        int hx = hi(x);
        int lx = lo(x);
        int hy = hi(y);
        int ly = lo(y);
        int ix = hx & 0x7fffffff;
        int iy = hy & 0x7fffffff;

        if ((iy | ly) == 0) return ONE; // y == zero: x**0 = 1

        // +-NaN return x+y
        if (ix > 0x7ff00000 || (ix == 0x7ff00000 && lx != 0) || iy > 0x7ff00000 || (iy == 0x7ff00000 && ly != 0)) {
            return x + y;
        }

        // yisint = 0: y is not an integer; 1: y is an odd int; 2: y is an even int (only when x < 0)
        yisint = 0;
        if (hx < 0) {
            if (iy >= 0x43400000) {
                yisint = 2; // even integer y
            } else if (iy >= 0x3ff00000) {
                k = (iy >> 20) - 0x3ff; // exponent
                if (k > 20) {
                    j = ly >>> (52 - k);
                    if ((j << (52 - k)) == ly) yisint = 2 - (j & 1);
                } else if (ly == 0) {
                    j = iy >> (20 - k);
                    if ((j << (20 - k)) == iy) yisint = 2 - (j & 1);
                }
            }
        }

        // special value of y
        if (ly == 0) {
            if (iy == 0x7ff00000) { // y is +-inf
                if (((ix - 0x3ff00000) | lx) == 0) {
                    return y - y; // inf**+-1 is NaN
                } else if (ix >= 0x3ff00000) { // (|x|>1)**+-inf = inf,0
                    return hy >= 0 ? y : ZERO;
                } else { // (|x|<1)**-,+inf = inf,0
                    return hy < 0 ? -y : ZERO;
                }
            }
            if (iy == 0x3ff00000) { // y is +-1
                return hy < 0 ? ONE / x : x;
            }
            if (hy == 0x40000000) return x * x; // y is 2
            if (hy == 0x3fe00000 && hx >= 0) { // y is 0.5, x >= +0
                return Math.sqrt(x);
            }
        }

        ax = abs(x);
        // special value of x
        if (lx == 0 && (ix == 0x7ff00000 || ix == 0 || ix == 0x3ff00000)) {
            z = ax; // x is +-0,+-inf,+-1
            if (hy < 0) z = ONE / z; // z = (1/|x|)
            if (hx < 0) {
                if (((ix - 0x3ff00000) | yisint) == 0) {
                    z = (z - z) / (z - z); // (-1)**non-int is NaN
                } else if (yisint == 1) {
                    z = -z; // (x<0)**odd = -(|x|**odd)
                }
            }
            return z;
        }

        n = (hx >> 31) + 1;

        // (x<0)**(non-int) is NaN
        if ((n | yisint) == 0) return (x - x) / (x - x);

        s = ONE; // s (sign of result -ve**odd) = -1 else = 1
        if ((n | (yisint - 1)) == 0) s = -ONE; // (-ve)**(odd int)

        if (iy > 0x41e00000) { // |y| > 2**31
            if (iy > 0x43f00000) { // |y| > 2**64, must o/uflow
                if (ix <= 0x3fefffff) return hy < 0 ? HUGE * HUGE : TINY * TINY;
                if (ix >= 0x3ff00000) return hy > 0 ? HUGE * HUGE : TINY * TINY;
            }
            // over/underflow if x is not close to one
            if (ix < 0x3fefffff) return hy < 0 ? s * HUGE * HUGE : s * TINY * TINY;
            if (ix > 0x3ff00000) return hy > 0 ? s * HUGE * HUGE : s * TINY * TINY;
            // now |1-x| is tiny <= 2**-20, suffice to compute log(x) by x-x^2/2+x^3/3-x^4/4
            t = ax - ONE; // t has 20 trailing zeros
            w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
            u = IVLN2_H * t; // ivln2_h has 21 sig. bits
            v = t * IVLN2_L - w * IVLN2;
            t1 = withLo(u + v, 0);
            t2 = v - (t1 - u);
        } else {
            double ss;
            double s2;
            double sH;
            double sL;
            double tH;
            double tL;
            n = 0;
            // take care subnormal number
            if (ix < 0x00100000) {
                ax *= TWO53;
                n -= 53;
                ix = hi(ax);
            }
            n += (ix >> 20) - 0x3ff;
            j = ix & 0x000fffff;
            // determine interval
            ix = j | 0x3ff00000; // normalize ix
            if (j <= 0x3988E) {
                k = 0; // |x|<sqrt(3/2)
            } else if (j < 0xBB67A) {
                k = 1; // |x|<sqrt(3)
            } else {
                k = 0;
                n += 1;
                ix -= 0x00100000;
            }
            ax = withHi(ax, ix);

            // compute ss = s_h+s_l = (x-1)/(x+1) or (x-1.5)/(x+1.5)
            u = ax - BP[k]; // bp[0]=1.0, bp[1]=1.5
            v = ONE / (ax + BP[k]);
            ss = u * v;
            sH = withLo(ss, 0);
            // t_h=ax+bp[k] High
            tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
            tL = ax - (tH - BP[k]);
            sL = v * ((u - sH * tH) - sH * tL);
            // compute log(ax)
            s2 = ss * ss;
            r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
            r += sL * (sH + ss);
            s2 = sH * sH;
            tH = withLo(3.0 + s2 + r, 0);
            tL = r - ((tH - 3.0) - s2);
            // u+v = ss*(1+...)
            u = sH * tH;
            v = sL * tH + tL * ss;
            // 2/(3log2)*(ss+...)
            pH = withLo(u + v, 0);
            pL = v - (pH - u);
            zH = CP_H * pH; // cp_h+cp_l = 2/(3*log2)
            zL = CP_L * pH + pL * CP + DP_L[k];
            // log2(ax) = (ss+..)*2/(3*log2) = n + dp_h + z_h + z_l
            t = n;
            t1 = withLo(((zH + zL) + DP_H[k]) + t, 0);
            t2 = zL - (((t1 - t) - DP_H[k]) - zH);
        }

        // split up y into y1+y2 and compute (y1+y2)*(t1+t2)
        double y1 = withLo(y, 0);
        pL = (y - y1) * t1 + y * t2;
        pH = y1 * t1;
        z = pL + pH;
        j = hi(z);
        i = lo(z);
        if (j >= 0x40900000) { // z >= 1024
            if (((j - 0x40900000) | i) != 0) { // if z > 1024
                return s * HUGE * HUGE; // overflow
            } else if (pL + OVT > z - pH) {
                return s * HUGE * HUGE; // overflow
            }
        } else if ((j & 0x7fffffff) >= 0x4090cc00) { // z <= -1075
            if (((j - 0xc090cc00) | i) != 0) { // z < -1075
                return s * TINY * TINY; // underflow
            } else if (pL <= z - pH) {
                return s * TINY * TINY; // underflow
            }
        }
        // compute 2**(p_h+p_l)
        i = j & 0x7fffffff;
        k = (i >> 20) - 0x3ff;
        n = 0;
        if (i > 0x3fe00000) { // if |z| > 0.5, set n = [z+0.5]
            n = j + (0x00100000 >> (k + 1));
            k = ((n & 0x7fffffff) >> 20) - 0x3ff; // new k for n
            t = fromWords(n & ~(0x000fffff >> k), 0);
            n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
            if (j < 0) n = -n;
            pH -= t;
        }
        t = withLo(pL + pH, 0);
        u = t * LG2_H;
        v = (pL - (t - pH)) * LG2_ + t * LG2_L;
        z = u + v;
        w = v - (z - u);
        t = z * z;
        t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
        r = (z * t1) / (t1 - 2.0) - (w + z * w);
        z = ONE - (r - z);
        j = hi(z);
        j += n << 20;
        if ((j >> 20) <= 0) {
            z = scalbn(z, n); // subnormal output
        } else {
            z = withHi(z, hi(z) + (n << 20));
        }
        return s * z;
    }

    // ---------------------------------------------------------------- e_hypot.c

    /**
     * √(x² + y²) without undue overflow or underflow: scaled by 2^±600 (or 2^1022 for subnormals) when
     * needed, and x² + y² evaluated in pieces with 32 low bits cleared so its error stays below √2/2 ulp.
     * Error below 1 ulp.
     */
    public static double hypot(double x, double y) {
        double a;
        double b;
        double t1;
        double t2;
        double w;
        int ha = hi(x) & 0x7fffffff;
        int hb = hi(y) & 0x7fffffff;
        if (hb > ha) {
            a = y;
            b = x;
            int j = ha;
            ha = hb;
            hb = j;
        } else {
            a = x;
            b = y;
        }
        a = withHi(a, ha); // a <- |a|
        b = withHi(b, hb); // b <- |b|
        if ((ha - hb) > 0x3c00000) return a + b; // x/y > 2**60
        int k = 0;
        if (ha > 0x5f300000) { // a > 2**500
            if (ha >= 0x7ff00000) { // Inf or NaN
                w = a + b; // for sNaN
                if (((ha & 0xfffff) | lo(a)) == 0) w = a;
                if (((hb ^ 0x7ff00000) | lo(b)) == 0) w = b;
                return w;
            }
            // scale a and b by 2**-600
            ha -= 0x25800000;
            hb -= 0x25800000;
            k += 600;
            a = withHi(a, ha);
            b = withHi(b, hb);
        }
        if (hb < 0x20b00000) { // b < 2**-500
            if (hb <= 0x000fffff) { // subnormal b or 0
                if ((hb | lo(b)) == 0) return a;
                t1 = fromWords(0x7fd00000, 0); // t1 = 2^1022
                b *= t1;
                a *= t1;
                k -= 1022;
            } else { // scale a and b by 2^600
                ha += 0x25800000; // a *= 2^600
                hb += 0x25800000; // b *= 2^600
                k -= 600;
                a = withHi(a, ha);
                b = withHi(b, hb);
            }
        }
        // medium size a and b
        w = a - b;
        if (w > b) {
            t1 = fromWords(ha, 0);
            t2 = a - t1;
            w = Math.sqrt(t1 * t1 - (b * (-b) - t2 * (a + t1)));
        } else {
            a = a + a;
            double y1 = fromWords(hb, 0);
            double y2 = b - y1;
            t1 = fromWords(ha + 0x00100000, 0);
            t2 = a - t1;
            w = Math.sqrt(t1 * y1 - (w * (-w) - (t1 * y2 + t2 * b)));
        }
        if (k != 0) {
            return addExponent(1.0, k) * w;
        }
        return w;
    }

    // ---------------------------------------------------------------- s_scalbn.c

    /** x·2^n by exponent manipulation: exact, or rounded once when the result is subnormal. */
    public static double scalbn(double x, int n) {
        int hx = hi(x);
        int lx = lo(x);
        int k = (hx & 0x7ff00000) >> 20; // extract exponent
        if (k == 0) { // 0 or subnormal x
            if ((lx | (hx & 0x7fffffff)) == 0) return x; // +-0
            x *= TWO54;
            hx = hi(x);
            k = ((hx & 0x7ff00000) >> 20) - 54;
            if (n < -50000) return TINY * x; // underflow
        }
        if (k == 0x7ff) return x + x; // NaN or Inf
        k = k + n;
        if (k > 0x7fe) return HUGE * copySign(HUGE, x); // overflow
        if (k > 0) { // normal result
            return withHi(x, (hx & 0x800fffff) | (k << 20));
        }
        if (k <= -54) {
            if (n > 50000) { // in case integer overflow in n+k
                return HUGE * copySign(HUGE, x); // overflow
            }
            return TINY * copySign(TINY, x); // underflow
        }
        k += 54; // subnormal result
        x = withHi(x, (hx & 0x800fffff) | (k << 20));
        return x * TWOM54;
    }
}
