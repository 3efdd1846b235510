package org.gtt.engine.math;

/**
 * Every elementary function the engine calls, giving the same bits on the JVM and in the browser's
 * WebAssembly build. The transcendental ones are {@link Fdlibm} (what {@code StrictMath} specifies),
 * because the WebAssembly class library's {@code StrictMath} is not FDLIBM; the rest are exact by IEEE 754
 * (sqrt, abs, floor, ceil, min, max) or pure bit manipulation (scalb, ulp, getExponent), written here because the
 * WebAssembly library's {@code Math.ulp} and {@code Math.scalb} differ from the JDK's. Engine code calls
 * this class, never {@code Math} or {@code StrictMath} for these; PortableMathTest checks each against the JDK.
 */
public final class PortableMath {
    private PortableMath() {}

    public static double exp(double x) { return Fdlibm.exp(x); }

    public static double expm1(double x) { return Fdlibm.expm1(x); }

    public static double log(double x) { return Fdlibm.log(x); }

    public static double log10(double x) { return Fdlibm.log10(x); }

    public static double log1p(double x) { return Fdlibm.log1p(x); }

    public static double pow(double x, double y) { return Fdlibm.pow(x, y); }

    public static double tanh(double x) { return Fdlibm.tanh(x); }

    public static double hypot(double x, double y) { return Fdlibm.hypot(x, y); }

    /** Correctly rounded, so the same everywhere. */
    public static double sqrt(double x) { return Math.sqrt(x); }

    public static double abs(double x) { return Math.abs(x); }

    /** The largest integer ≤ x: exact, so the same everywhere (WebAssembly's f64.floor). */
    public static double floor(double x) { return Math.floor(x); }

    /** The smallest integer ≥ x: exact, so the same everywhere (WebAssembly's f64.ceil). */
    public static double ceil(double x) { return Math.ceil(x); }

    public static double max(double a, double b) { return Math.max(a, b); }

    /**
     * The Heaviside step with H(0) = 0: 1 for v &gt; 0, 0 for v ≤ 0 (either zero included), NaN for NaN. A comparison
     * written as arithmetic, min(1, ceil(max(0, v))), so a loop using it has no branch and HotSpot can vectorise it.
     */
    public static double heaviside(double v) { return min(1.0, ceil(max(0.0, v))); }

    public static double min(double a, double b) { return Math.min(a, b); }

    public static int max(int a, int b) { return Math.max(a, b); }

    public static int min(int a, int b) { return Math.min(a, b); }

    /** {@code Math.scalb}: d·2^n, exact unless the result is subnormal (then rounded once) or out of range. */
    public static double scalb(double d, int n) { return Fdlibm.scalbn(d, n); }

    /** {@code Math.getExponent}: the unbiased binary exponent; MAX_EXPONENT + 1 for ∞ and NaN, MIN_EXPONENT − 1 for 0 and subnormals. */
    public static int getExponent(double d) {
        return (int) ((Double.doubleToRawLongBits(d) >>> 52) & 0x7ff) - Double.MAX_EXPONENT;
    }

    /** {@code Math.ulp}: the distance from |d| to the next larger double; NaN for NaN, +∞ for ±∞. */
    public static double ulp(double d) {
        int exponent = getExponent(d);
        if (exponent == Double.MAX_EXPONENT + 1) {
            return Math.abs(d);
        }
        if (exponent == Double.MIN_EXPONENT - 1) {
            return Double.MIN_VALUE;
        }
        int ulpExponent = exponent - 52;
        if (ulpExponent >= Double.MIN_EXPONENT) {
            return Double.longBitsToDouble((long) (ulpExponent + Double.MAX_EXPONENT) << 52);
        }
        return Double.longBitsToDouble(1L << (ulpExponent - (Double.MIN_EXPONENT - 52)));
    }
}
