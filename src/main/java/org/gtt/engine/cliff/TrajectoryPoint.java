package org.gtt.engine.cliff;

/**
 * One iterate of a descent: where it is, E there, ‖∇E‖ there, and whether clipping changed the gradient
 * of the step taken from here (false for the last point, from which no step is taken).
 */
public record TrajectoryPoint(double w, double b, double loss, double gradientNorm, boolean clipped) {}
