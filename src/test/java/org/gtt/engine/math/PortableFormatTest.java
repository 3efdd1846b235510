package org.gtt.engine.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link PortableFormat#general} against the JDK's {@code String.format(Locale.ROOT, "%.<p>g", x)}, text for text,
 * on 4·10⁵ values for precision 4 (the cliff's note) and 2·10⁴ for each of 1, 2, 6 and 10: random bit patterns (every
 * exponent), values near the plain/scientific switch and the decades, and the doubles
 * nearest the ties d…d5 (where Java rounds the shortest digits half up, not the exact value). Normal doubles only:
 * for subnormals JDK 17's digits are not always the shortest (2⁻¹⁰⁷³ is 1.0E-323 but 2⁻¹⁰⁷⁴ is 4.9E-324, not 5E-324),
 * nor, now and then, for 17-digit values (-6.1017405860998048E16, where 16 digits do), which shows from 15 digits on.
 */
class PortableFormatTest {
    private static final double[] SPECIALS = {0.0, -0.0, Double.MIN_NORMAL, -Double.MIN_NORMAL, Math.nextUp(Double.MIN_NORMAL),
        Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0, 20.0, -20.0, 29.765, 37.6, 9999.5, 99995.0, 1e-4, 9.9995e-5,
        0.00010005, 1e4, 0.125, 2.5, 1e23, 2e-3, 5.6843418860808015E-14, 1e143, -3.0e-308, 0x1p-1000, 0x1p100};

    @Test
    void fourDigitsAsJavaWritesThem() {
        matches(4, 400_000);
    }

    @Test
    void otherPrecisionsAsJavaWritesThem() {
        for (int precision : new int[] {1, 2, 6, 10}) matches(precision, 20_000);
    }

    private static void matches(int precision, int n) {
        SplittableRandom random = new SplittableRandom(precision);
        for (double special : SPECIALS) check(special, precision);
        for (int i = 0; i < n; i++) check(sample(random, i, precision), precision);
    }

    private static double sample(SplittableRandom random, int i, int precision) {
        double x;
        switch (i % 5) {
            case 0 -> x = Double.longBitsToDouble(random.nextLong());
            case 1 -> x = Math.scalb(1 + random.nextDouble(), random.nextInt(-1022, 1024)); // every exponent
            case 2 -> x = random.nextDouble(-1e6, 1e6);
            case 3 -> { // the double nearest a tie d…d5 with precision + 1 digits, and its neighbours
                BigDecimal tie = new BigDecimal(random.nextLong(1, (long) Math.pow(10, Math.min(precision, 17))) * 10 + 5)
                        .scaleByPowerOfTen(random.nextInt(-12, 12) - precision);
                x = tie.doubleValue();
                x = random.nextInt(3) == 0 ? Math.nextUp(x) : random.nextInt(2) == 0 ? Math.nextDown(x) : x;
            }
            default -> x = Math.pow(10, random.nextInt(-8, 9)) * (1 + random.nextInt(-3, 4) * Math.ulp(1.0)); // around decades
        }
        if (!(Math.abs(x) >= Double.MIN_NORMAL) || Double.isInfinite(x)) x = 1.0;
        return random.nextBoolean() ? -x : x;
    }

    private static void check(double x, int precision) {
        assertEquals(String.format(Locale.ROOT, "%." + precision + "g", x), PortableFormat.general(x, precision),
                () -> "%." + precision + "g of " + x + " (" + Long.toHexString(Double.doubleToRawLongBits(x)) + ")");
    }
}
