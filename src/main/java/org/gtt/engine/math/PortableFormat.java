package org.gtt.engine.math;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Java's {@code String.format(Locale.ROOT, "%.<precision>g", value)}, giving the same text on the JVM and in
 * the browser's WebAssembly build, whose class library has no {@code %g} (and whose double-to-text conversion
 * is not exact). Built on exact arithmetic only: {@code new BigDecimal(double)} is the double's exact value.
 * PortableFormatTest checks it against the JDK for zero and normal doubles up to 10 digits; JDK 17 does not always
 * start from the shortest digits for subnormals (below 2.2e-308) or for a few 17-digit values, where the last
 * digits may differ.
 */
public final class PortableFormat {
    private PortableFormat() {}

    /** {@code %.<precision>g} of a finite value, precision ≥ 1: plain for 10⁻⁴ ≤ |rounded| < 10^precision, else d.ddde±xx. */
    public static String general(double value, int precision) {
        if (!Double.isFinite(value) || precision < 1) throw new IllegalArgumentException("finite values, precision ≥ 1");
        String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
        if (value == 0) return sign + (precision == 1 ? "0" : "0." + "0".repeat(precision - 1));
        BigDecimal rounded = roundedAsJavaDoes(PortableMath.abs(value), precision);
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        digits = (digits + "0".repeat(precision)).substring(0, precision);
        if (exponent < -4 || exponent >= precision) {
            String mantissa = precision == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int magnitude = exponent < 0 ? -exponent : exponent;
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
        }
        if (exponent < 0) return sign + "0." + "0".repeat(-exponent - 1) + digits;
        return sign + digits.substring(0, exponent + 1) + (exponent + 1 < precision ? "." + digits.substring(exponent + 1) : "");
    }

    /**
     * Java rounds the shortest decimal that reads back as the value (Double.toString's digits) half up, not the
     * exact value: 4.9E-324 is written 4.900e-324 although it is 4.94…e-324.
     */
    private static BigDecimal roundedAsJavaDoes(double magnitude, int precision) {
        BigDecimal exact = new BigDecimal(magnitude);
        BigDecimal shortest = exact;
        for (int digits = 2; digits <= 17; digits++) { // Java writes at least two: 4.9E-324, not 5E-324
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (readsBackAs(candidate, exact, magnitude)) {
                shortest = candidate;
                break;
            }
        }
        return shortest.round(new MathContext(precision, RoundingMode.HALF_UP));
    }

    /**
     * Whether {@code decimal} reads back as the double {@code magnitude}: within half the gap to the neighbour on
     * its side (at exactly half, when the double's last bit is 0, as reading rounds half to even).
     */
    private static boolean readsBackAs(BigDecimal decimal, BigDecimal exact, double magnitude) {
        long bits = Double.doubleToRawLongBits(magnitude);
        int biased = (int) (bits >>> 52) & 0x7ff;
        // the gap above, 2^(max(biased, 1) − 1075), built from bits (the class library's Math.ulp may differ); below
        // a power of two the gap is half that
        boolean belowPowerOfTwo = (bits & 0xfffffffffffffL) == 0 && biased > 1 && decimal.compareTo(exact) < 0;
        int power = (biased > 1 ? biased : 1) - 1075 - (belowPowerOfTwo ? 1 : 0);
        double ulp = power >= -1022 ? Double.longBitsToDouble((long) (power + 1023) << 52)
                : Double.longBitsToDouble(1L << (power + 1074));
        int side = decimal.subtract(exact).abs().multiply(BigDecimal.valueOf(2)).compareTo(new BigDecimal(ulp));
        return side < 0 || (side == 0 && (bits & 1) == 0);
    }
}
