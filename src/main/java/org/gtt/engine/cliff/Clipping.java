package org.gtt.engine.cliff;

import org.gtt.engine.math.PortableMath;

/**
 * What a descent does to a gradient before the step. {@link Mode#NORM} is Pascanu et al.'s Algorithm 1
 * (if ‖g‖ &gt; θ then g ← θ·g/‖g‖: the direction is kept); {@link Mode#VALUE} clips each component to
 * [−θ, θ], which turns a steep gradient towards the diagonal.
 */
public record Clipping(Mode mode, double threshold) {
    public enum Mode {
        NONE, NORM, VALUE;

        public String jsonName() { return name().toLowerCase(java.util.Locale.ROOT); }
    }

    public static final Clipping NONE = new Clipping(Mode.NONE, Double.POSITIVE_INFINITY);

    public Clipping {
        if (mode != Mode.NONE && !(threshold > 0 && Double.isFinite(threshold))) {
            throw new IllegalArgumentException("the clipping threshold must be a positive finite number");
        }
    }

    public static Clipping norm(double threshold) { return new Clipping(Mode.NORM, threshold); }

    public static Clipping value(double threshold) { return new Clipping(Mode.VALUE, threshold); }

    /** The gradient the step uses, {dw, db}. */
    double[] apply(double dw, double db, double norm) {
        return switch (mode) {
            case NONE -> new double[] {dw, db};
            case NORM -> norm > threshold ? new double[] {dw * (threshold / norm), db * (threshold / norm)}
                    : new double[] {dw, db};
            case VALUE -> new double[] {clamp(dw), clamp(db)};
        };
    }

    /** Whether {@link #apply} changes this gradient. */
    boolean changes(double dw, double db, double norm) {
        return switch (mode) {
            case NONE -> false;
            case NORM -> norm > threshold;
            case VALUE -> PortableMath.abs(dw) > threshold || PortableMath.abs(db) > threshold;
        };
    }

    private double clamp(double x) {
        return PortableMath.max(-threshold, PortableMath.min(threshold, x));
    }
}
