package org.gtt.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gtt.engine.GradientRequest;
import org.gtt.engine.Limits;
import org.gtt.engine.ModelType;
import org.junit.jupiter.api.Test;

/** The estimate against the README's measured engine times (quiet 2-core machine): within a factor of two. */
class WorkEstimateTest {
    private static GradientRequest sized(ModelType model, int steps, int hidden) {
        GradientRequest.Builder builder = GradientRequest.defaults(model).toBuilder();
        builder.steps = steps;
        builder.hidden = hidden;
        return builder.build();
    }

    private static void within2x(double measuredMillis, GradientRequest request) {
        double estimate = WorkEstimate.millis(request);
        assertTrue(estimate > measuredMillis / 2 && estimate < measuredMillis * 2,
                request.model() + " T=" + request.steps() + " n=" + request.hidden() + ": estimate " + estimate + " ms, measured " + measuredMillis);
    }

    @Test
    void estimatesFollowTheMeasuredTimes() {
        within2x(1.21, GradientRequest.defaults(ModelType.RNN));
        within2x(67.4, sized(ModelType.RNN, 500, 64));
        within2x(16.7, sized(ModelType.RNN, 500, 32));
        within2x(2.65, sized(ModelType.RNN, 500, 8));
        within2x(249, sized(ModelType.LSTM, 500, 64));
        within2x(92, sized(ModelType.GRU, 500, 64));
        within2x(274, sized(ModelType.MLP, Limits.MAX_MLP_DEPTH, Limits.MAX_MLP_WIDTH));
    }

    @Test
    void theDefaultChartsAreCheapAndTheLargestRequestsExpensive() {
        for (ModelType model : ModelType.values()) {
            assertTrue(WorkEstimate.millis(GradientRequest.defaults(model)) < 5, model + " default");
            int steps = model == ModelType.MLP ? Limits.MAX_MLP_DEPTH : Limits.MAX_RECURRENT_STEPS;
            int hidden = model == ModelType.MLP ? Limits.MAX_MLP_WIDTH : Limits.MAX_RECURRENT_HIDDEN;
            assertTrue(WorkEstimate.millis(sized(model, steps, hidden)) > 50, model + " largest");
        }
    }

    /** The cliff: the default grid, the largest grid and the longest descent against the README's engine-alone medians. */
    @Test
    void theCliffsEstimatesFollowItsBench() {
        within2x(README_CLIFF_GRID_MILLIS, WorkEstimate.cliffGridMillis(101, 50), "default cliff grid");
        within2x(README_CLIFF_LARGEST_GRID_MILLIS, WorkEstimate.cliffGridMillis(201, 200), "largest grid (201 × 201, T = 200)");
        within2x(README_CLIFF_LONGEST_DESCENT_MILLIS, WorkEstimate.cliffDescentMillis(1000, 200),
                "longest descent (1,000 iterations, T = 200)");
    }

    /** The engine alone in the README's "Cliff grid" run (bench, a quiet machine): the default grid (101 × 101, T = 50). */
    private static final double README_CLIFF_GRID_MILLIS = 1.30;
    /** The same run: the largest grid (201 × 201, T = 200). */
    private static final double README_CLIFF_LARGEST_GRID_MILLIS = 11.6;
    /** The same run: the longest descent (1,000 iterations, T = 200, clipped, from the default start). */
    private static final double README_CLIFF_LONGEST_DESCENT_MILLIS = 8.2;

    private static void within2x(double measuredMillis, double estimate, String what) {
        assertTrue(estimate > measuredMillis / 2 && estimate < measuredMillis * 2,
                what + ": estimate " + estimate + " ms, measured " + measuredMillis);
    }
}
