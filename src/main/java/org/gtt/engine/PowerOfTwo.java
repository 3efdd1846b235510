package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;
import org.gtt.engine.math.PortableMath;

/**
 * Rescales a matrix in place by a power of two so its largest entry lies in [1, 2). Multiplying by
 * 2^e is exact in binary floating point, so the running product loses nothing to the rescaling.
 */
final class PowerOfTwo {
    private PowerOfTwo() {}

    /** Marks a matrix that is exactly zero. */
    static final int ZERO = Integer.MIN_VALUE;
    /** Marks a matrix with an infinite or NaN entry, which no power of two can rescale; it is left as it is. */
    static final int NOT_FINITE = Integer.MAX_VALUE;

    /** Returns e such that the original matrix = 2^e · the rescaled one, or {@link #ZERO}, or {@link #NOT_FINITE}. */
    static int normalize(DMatrixRMaj m) {
        double[] data = m.data;
        int size = m.getNumElements();
        double max = 0;
        for (int i = 0; i < size; i++) {
            max = PortableMath.max(max, PortableMath.abs(data[i]));
        }
        if (max == 0) {
            return ZERO;
        }
        if (!(max <= Double.MAX_VALUE)) { // Math.max propagates NaN
            return NOT_FINITE;
        }
        int exponent = PortableMath.getExponent(max);
        if (exponent != 0) {
            // Two factors keep each one a normal number even when max is subnormal (exponent −1023).
            double half = PortableMath.scalb(1.0, -(exponent / 2));
            double rest = PortableMath.scalb(1.0, -(exponent - exponent / 2));
            for (int i = 0; i < size; i++) {
                data[i] = data[i] * half * rest;
            }
        }
        return exponent;
    }
}
