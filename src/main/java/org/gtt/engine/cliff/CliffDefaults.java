package org.gtt.engine.cliff;

/**
 * The course's default descent, shared by the API's defaults and the widget's baked state. The start was
 * chosen by the scan in the tests (DefaultStartScan): just below the wall at w = 5, where the plain descent is
 * thrown far and the clipped one is not, and where every start 0.01 away agrees.
 */
public final class CliffDefaults {
    private CliffDefaults() {}

    public static final double W0 = 5.0;
    public static final double B0 = -2.81;
    public static final double LEARNING_RATE = 0.1;
    public static final double CLIP = 1.0;
    public static final int ITERATIONS = 200;
}
