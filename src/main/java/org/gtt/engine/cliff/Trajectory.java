package org.gtt.engine.cliff;

import java.util.List;

/**
 * The iterates of a descent, start included. {@code largestStepIteration} is the k (1-based) of the longest
 * step, from points[k−1] to points[k], and {@code largestStep} its Euclidean length in (w, b) (0 and 0
 * for a trajectory without steps). {@code note} says why it ended early, or is null.
 */
public record Trajectory(List<TrajectoryPoint> points, int largestStepIteration, double largestStep, String note) {
    public Trajectory {
        points = List.copyOf(points);
    }

    public TrajectoryPoint last() {
        return points.get(points.size() - 1);
    }
}
