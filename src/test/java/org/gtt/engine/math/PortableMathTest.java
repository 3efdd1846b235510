package org.gtt.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The FDLIBM port and the bit-level functions against the JDK, which specifies FDLIBM's results for
 * StrictMath: bit for bit (NaNs compared as NaN) on 10⁶ inputs per function. The inputs mix random bit
 * patterns (every exponent: subnormals, tiny, huge, ±∞, NaN), uniform draws over each function's working
 * range, the neighbours of the thresholds where the C code changes branch, and the special values.
 */
class PortableMathTest {
    private static final int N = 1_000_000;
    private static final double[] SPECIALS = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 0.5, -0.5, 2.0, 10.0,
        Math.nextUp(1.0), Math.nextDown(1.0), Math.nextUp(-1.0), Math.nextDown(-1.0), 1e-300, 1e300, 22.0, -22.0,
        709.782712893383973096, -745.13321910194110842, 0x1p-28, 0x1p-29, 0x1p-54, 0x1p-55, Math.log(2) / 2,
        1.5 * Math.log(2), 56 * Math.log(2), 0.41422, -0.2929, Math.sqrt(2), Math.sqrt(0.5)};

    @Test
    void expMatchesStrictMath() {
        unary("exp", Fdlibm::exp, StrictMath::exp, 750);
    }

    @Test
    void expm1MatchesStrictMath() {
        unary("expm1", Fdlibm::expm1, StrictMath::expm1, 750);
    }

    @Test
    void logMatchesStrictMath() {
        unary("log", Fdlibm::log, StrictMath::log, 1e6);
    }

    @Test
    void log10MatchesStrictMath() {
        unary("log10", Fdlibm::log10, StrictMath::log10, 1e6);
        for (int n = 0; n <= 22; n++) {
            assertEquals(n, Fdlibm.log10(StrictMath.pow(10, n)), "log10(10^n) = n exactly (FDLIBM's promise)");
        }
    }

    @Test
    void log1pMatchesStrictMath() {
        unary("log1p", Fdlibm::log1p, StrictMath::log1p, 4);
    }

    @Test
    void tanhMatchesStrictMath() {
        unary("tanh", Fdlibm::tanh, StrictMath::tanh, 25);
    }

    @Test
    void powMatchesStrictMath() {
        binary("pow", Fdlibm::pow, StrictMath::pow, PortableMathTest::powArguments);
    }

    @Test
    void hypotMatchesStrictMath() {
        binary("hypot", Fdlibm::hypot, StrictMath::hypot, PortableMathTest::hypotArguments);
    }

    @Test
    void scalbMatchesMath() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < N; i++) {
            double d = i < SPECIALS.length ? SPECIALS[i] : anyDouble(random);
            int n = switch (i % 4) {
                case 0 -> random.nextInt(-2200, 2201);
                case 1 -> random.nextInt(-60, 61);
                case 2 -> random.nextInt();
                default -> i % 8 == 3 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            };
            int power = n;
            same(() -> "scalb(" + Double.toHexString(d) + ", " + power + ")", Math.scalb(d, n), PortableMath.scalb(d, n));
        }
    }

    @Test
    void ulpAndExponentMatchMath() {
        SplittableRandom random = new SplittableRandom(6);
        for (int i = 0; i < N; i++) {
            double d = i < SPECIALS.length ? SPECIALS[i] : i % 2 == 0 ? anyDouble(random) : random.nextDouble(-4, 4);
            same(() -> "ulp(" + Double.toHexString(d) + ")", Math.ulp(d), PortableMath.ulp(d));
            assertEquals(Math.getExponent(d), PortableMath.getExponent(d), () -> "getExponent(" + d + ")");
        }
    }

    @Test
    void exactOperationsMatchMath() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < N / 10; i++) {
            double a = i < SPECIALS.length ? SPECIALS[i] : anyDouble(random);
            double b = SPECIALS[i % SPECIALS.length];
            same(() -> "sqrt(" + a + ")", Math.sqrt(a), PortableMath.sqrt(a));
            same(() -> "abs(" + a + ")", Math.abs(a), PortableMath.abs(a));
            same(() -> "max(" + a + ", " + b + ")", Math.max(a, b), PortableMath.max(a, b));
            same(() -> "min(" + a + ", " + b + ")", Math.min(a, b), PortableMath.min(a, b));
            same(() -> "floor(" + a + ")", Math.floor(a), PortableMath.floor(a));
            same(() -> "ceil(" + a + ")", Math.ceil(a), PortableMath.ceil(a));
        }
    }

    /** The step function against its definition: 1 above zero, 0 at either zero and below, NaN for NaN. */
    @Test
    void heavisideIsOneAboveZero() {
        SplittableRandom random = new SplittableRandom(8);
        for (int i = 0; i < N / 10; i++) {
            double v = i < SPECIALS.length ? SPECIALS[i] : i % 2 == 0 ? anyDouble(random) : random.nextDouble(-2, 2);
            double expected = v != v ? Double.NaN : v > 0 ? 1.0 : 0.0;
            assertEquals(expected, PortableMath.heaviside(v), 0.0, () -> "heaviside(" + v + ")");
        }
    }

    /** Half random bit patterns, a quarter uniform on ±range, a quarter the neighbours of special values. */
    private static void unary(String name, DoubleUnaryOperator port, DoubleUnaryOperator jdk, double range) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int i = 0; i < N; i++) {
            double x;
            if (i < SPECIALS.length) {
                x = SPECIALS[i];
            } else if (i % 4 < 2) {
                x = anyDouble(random);
            } else if (i % 4 == 2) {
                x = random.nextDouble(-range, range);
            } else {
                x = near(SPECIALS[random.nextInt(SPECIALS.length)], random);
            }
            double argument = x;
            same(() -> name + "(" + Double.toHexString(argument) + ")", jdk.applyAsDouble(argument),
                    port.applyAsDouble(argument));
        }
    }

    private interface Arguments {
        double[] draw(SplittableRandom random, int i);
    }

    private static void binary(String name, DoubleBinaryOperator port, DoubleBinaryOperator jdk, Arguments arguments) {
        SplittableRandom random = new SplittableRandom(name.hashCode());
        for (int i = 0; i < N; i++) {
            double[] xy = i < SPECIALS.length * SPECIALS.length
                    ? new double[] {SPECIALS[i / SPECIALS.length], SPECIALS[i % SPECIALS.length]}
                    : arguments.draw(random, i);
            same(() -> name + "(" + Double.toHexString(xy[0]) + ", " + Double.toHexString(xy[1]) + ")",
                    jdk.applyAsDouble(xy[0], xy[1]), port.applyAsDouble(xy[0], xy[1]));
        }
    }

    private static double[] powArguments(SplittableRandom random, int i) {
        return switch (i % 6) {
            case 0 -> new double[] {anyDouble(random), anyDouble(random)};
            case 1 -> new double[] {random.nextDouble(0, 20), random.nextDouble(-300, 300)};
            case 2 -> new double[] {-random.nextDouble(0, 20), random.nextInt(-400, 400)}; // negative base, integer power
            case 3 -> new double[] {1 + random.nextDouble(-1e-6, 1e-6), random.nextDouble(-1e12, 1e12)}; // near 1, |y| > 2^31
            case 4 -> new double[] {10.0, random.nextDouble(-330, 330)};
            default -> new double[] {anyDouble(random), random.nextInt(-5, 6) * 0.5};
        };
    }

    private static double[] hypotArguments(SplittableRandom random, int i) {
        return switch (i % 3) {
            case 0 -> new double[] {anyDouble(random), anyDouble(random)};
            case 1 -> new double[] {random.nextDouble(-10, 10), random.nextDouble(-10, 10)};
            default -> {
                double a = anyDouble(random);
                yield new double[] {a, a * random.nextDouble(0.1, 3)};
            }
        };
    }

    /** A random bit pattern: every exponent equally likely, NaN and ±∞ included. */
    private static double anyDouble(SplittableRandom random) {
        return Double.longBitsToDouble(random.nextLong());
    }

    /** Within a few hundred ulps of x. */
    private static double near(double x, SplittableRandom random) {
        if (!Double.isFinite(x)) {
            return x;
        }
        long bits = Double.doubleToRawLongBits(x) + random.nextInt(-300, 301);
        return Double.longBitsToDouble(bits);
    }

    private static void same(Supplier<String> what, double expected, double actual) {
        if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) {
            throw new AssertionError(what.get() + ": expected " + expected + " (" + Double.toHexString(expected)
                    + ") but the port gives " + actual + " (" + Double.toHexString(actual) + ")");
        }
    }
}
