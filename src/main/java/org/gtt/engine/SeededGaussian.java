package org.gtt.engine;

import org.gtt.engine.math.PortableMath;

/**
 * Standard normal numbers from a seed, identical on every JVM: SplitMix64 (Steele, Lea & Flood 2014)
 * for the bits and the ziggurat method (Marsaglia & Tsang 2000, 128 layers, in Doornik's 2005
 * formulation) for the shape. Its tables and its rare exponentials and logarithms use
 * {@link PortableMath} (FDLIBM, and the correctly rounded square root); java.util.Random's Gaussian uses
 * Math functions whose last bits may differ between JVMs. Most draws cost one 64-bit number and a
 * multiplication, which matters for the largest mlp (6.5 million weights). Public for the trainer
 * ({@code org.gtt.train}), which draws its weights and its adding-problem sequences from it.
 */
public final class SeededGaussian {
    private static final int LAYERS = 128;
    private static final double TAIL_START = 3.442619855899;
    private static final double LAYER_AREA = 9.91256303526217e-3;
    /** Right edges of the layers, widest first; X[LAYERS] = 0. */
    private static final double[] X = new double[LAYERS + 1];
    /** X[i + 1] / X[i]: below it a draw lies inside the layer's rectangle for sure. */
    private static final double[] RATIO = new double[LAYERS];

    static {
        double f = PortableMath.exp(-0.5 * TAIL_START * TAIL_START);
        X[0] = LAYER_AREA / f;
        X[1] = TAIL_START;
        for (int i = 2; i < LAYERS; i++) {
            X[i] = PortableMath.sqrt(-2.0 * PortableMath.log(LAYER_AREA / X[i - 1] + f));
            f = PortableMath.exp(-0.5 * X[i] * X[i]);
        }
        X[LAYERS] = 0.0;
        for (int i = 0; i < LAYERS; i++) {
            RATIO[i] = X[i + 1] / X[i];
        }
    }

    private long state;

    /** Streams for different purposes (weights, inputs) get unrelated states from one seed. */
    public SeededGaussian(long seed, long stream) {
        this.state = mix(seed ^ mix(stream + 0x632BE59BD9B4E019L));
    }

    public double next() {
        while (true) {
            long bits = nextLong();
            double u = 2.0 * ((bits >>> 11) * 0x1.0p-53) - 1.0;
            int layer = (int) (bits & (LAYERS - 1));
            if (PortableMath.abs(u) < RATIO[layer]) {
                return u * X[layer];
            }
            if (layer == 0) {
                return tail(u < 0);
            }
            double x = u * X[layer];
            double inner = PortableMath.exp(-0.5 * (X[layer] * X[layer] - x * x));
            double outer = PortableMath.exp(-0.5 * (X[layer + 1] * X[layer + 1] - x * x));
            if (outer + uniform() * (inner - outer) < 1.0) {
                return x;
            }
        }
    }

    /** Beyond ±TAIL_START, by Marsaglia's exponential rejection. */
    private double tail(boolean negative) {
        double x;
        double y;
        do {
            x = PortableMath.log(positiveUniform()) / TAIL_START;
            y = PortableMath.log(positiveUniform());
        } while (-2.0 * y < x * x);
        return negative ? x - TAIL_START : TAIL_START - x;
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public double uniform() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on (0, 1], for logarithms. */
    private double positiveUniform() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
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
