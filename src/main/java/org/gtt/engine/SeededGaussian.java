package org.gtt.engine;

/**
 * Standard normal numbers from a seed, identical on every JVM: SplitMix64 (Steele, Lea & Flood 2014)
 * for the bits and Marsaglia's polar method with {@link StrictMath#log} and the correctly rounded
 * {@link Math#sqrt}. java.util.Random's Gaussian uses Math functions that may differ between JVMs.
 */
final class SeededGaussian {
    private long state;
    private double spare;
    private boolean hasSpare;

    /** Streams for different purposes (weights, inputs) get unrelated states from one seed. */
    SeededGaussian(long seed, long stream) {
        this.state = mix(seed ^ mix(stream + 0x632BE59BD9B4E019L));
    }

    double next() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2.0 * uniform() - 1.0;
            v = 2.0 * uniform() - 1.0;
            s = u * u + v * v;
        } while (s >= 1.0 || s == 0.0);
        double factor = Math.sqrt(-2.0 * StrictMath.log(s) / s);
        spare = v * factor;
        hasSpare = true;
        return u * factor;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    private long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
