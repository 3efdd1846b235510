package org.gtt.engine;

/**
 * The largest request the engine accepts. They keep the slowest request well under the 300 ms goal
 * (see the benchmark); the web layer enforces and publishes them.
 */
public final class Limits {
    private Limits() {}

    public static final int MAX_RECURRENT_STEPS = 500;
    public static final int MAX_RECURRENT_HIDDEN = 64;
    public static final int MAX_RECURRENT_INPUT = 64;
    public static final int MAX_MLP_DEPTH = 100;
    public static final int MAX_MLP_WIDTH = 256;
    public static final double MAX_SCALE = 100.0;
    public static final double MAX_GATE_BIAS = 50.0;
    /** Seeds stay exact in JSON numbers (IEEE doubles) and in JavaScript. */
    public static final long MAX_SEED = (1L << 53) - 1;
}
