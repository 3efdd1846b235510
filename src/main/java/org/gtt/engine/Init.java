package org.gtt.engine;

import java.util.Locale;

/** How generated weight blocks are drawn (see {@link WeightInit} for the exact distributions). */
public enum Init {
    GAUSSIAN, ORTHOGONAL, IDENTITY, XAVIER, HE;

    public String jsonName() { return name().toLowerCase(Locale.ROOT); }
}
