package org.gtt.engine.cliff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Plain and clipped descents: the update rules, the box, and the claim lesson 04 makes from the default start. */
class DescentTest {
    private static final CliffModel MODEL = CliffModel.pascanu(50);
    private static final Descent.Settings DEFAULT = new Descent.Settings(CliffDefaults.W0, CliffDefaults.B0,
            CliffDefaults.LEARNING_RATE, CliffDefaults.ITERATIONS, Clipping.NONE);

    /** Each point is the previous one minus η·∇E, with ∇E recomputed independently from the model. */
    @Test
    void plainDescentFollowsTheGradient() {
        Trajectory t = Descent.run(MODEL, DEFAULT);
        assertEquals(CliffDefaults.ITERATIONS + 1, t.points().size());
        for (int k = 1; k < t.points().size(); k++) {
            TrajectoryPoint from = t.points().get(k - 1);
            CliffGradient g = MODEL.gradient(from.w(), from.b());
            assertEquals(from.w() - DEFAULT.learningRate() * g.dLossDw(), t.points().get(k).w(), 0.0);
            assertEquals(from.b() - DEFAULT.learningRate() * g.dLossDb(), t.points().get(k).b(), 0.0);
            assertEquals(g.loss(), from.loss(), 0.0);
            assertEquals(g.norm(), from.gradientNorm(), 0.0);
            assertFalse(from.clipped());
        }
    }

    /** Norm clipping (Algorithm 1) keeps the direction and caps the length at θ; every clipped step is η·θ long. */
    @Test
    void normClippingKeepsTheDirection() {
        Trajectory t = Descent.run(MODEL, DEFAULT.withClipping(Clipping.norm(1.0)));
        int clippedSteps = 0;
        for (int k = 1; k < t.points().size(); k++) {
            TrajectoryPoint from = t.points().get(k - 1);
            TrajectoryPoint to = t.points().get(k);
            CliffGradient g = MODEL.gradient(from.w(), from.b());
            double dw = from.w() - to.w();
            double db = from.b() - to.b();
            assertEquals(0.0, dw * g.dLossDb() - db * g.dLossDw(), 1e-12 * g.norm(), "parallel to ∇E");
            assertTrue(dw * g.dLossDw() + db * g.dLossDb() >= 0, "downhill");
            double length = Math.hypot(dw, db);
            assertEquals(from.clipped(), g.norm() > 1.0);
            if (from.clipped()) {
                clippedSteps++;
                assertEquals(DEFAULT.learningRate(), length, 1e-12);
            } else {
                assertEquals(DEFAULT.learningRate() * g.norm(), length, 1e-12);
            }
        }
        assertTrue(clippedSteps > 0, "the wall is met");
    }

    /** Value clipping clamps each component to [−θ, θ]: a steep gradient turns towards the diagonal. */
    @Test
    void valueClippingClampsComponents() {
        double theta = 0.3;
        Trajectory t = Descent.run(MODEL, DEFAULT.withClipping(Clipping.value(theta)));
        boolean turned = false;
        for (int k = 1; k < t.points().size(); k++) {
            TrajectoryPoint from = t.points().get(k - 1);
            CliffGradient g = MODEL.gradient(from.w(), from.b());
            double stepW = (from.w() - t.points().get(k).w()) / DEFAULT.learningRate();
            double stepB = (from.b() - t.points().get(k).b()) / DEFAULT.learningRate();
            assertEquals(Math.max(-theta, Math.min(theta, g.dLossDw())), stepW, 1e-12);
            assertEquals(Math.max(-theta, Math.min(theta, g.dLossDb())), stepB, 1e-12);
            if (Math.abs(g.dLossDw()) > theta && Math.abs(g.dLossDb()) > theta
                    && Math.abs(Math.abs(g.dLossDw()) - Math.abs(g.dLossDb())) > 1e-3) {
                turned = true; // both clamped to ±θ: the step points along a diagonal, not along ∇E
                assertEquals(Math.abs(stepW), Math.abs(stepB), 1e-12);
            }
        }
        assertTrue(turned, "some step had both components clamped");
    }

    /** A step out of |w|, |b| ≤ 20 ends the trajectory at the last point inside, with a note; nothing is NaN. */
    @Test
    void leavingTheBoxEndsTheTrajectoryWithANote() {
        Trajectory t = Descent.run(MODEL, new Descent.Settings(5.0, MODEL.wallBias(5.0) - 4.47e-5, 5.0, 50, Clipping.NONE));
        assertNotNull(t.note());
        assertTrue(t.note().contains("parameter box"), t.note());
        assertTrue(t.points().size() < 51);
        for (TrajectoryPoint p : t.points()) {
            assertTrue(Math.abs(p.w()) <= 20 && Math.abs(p.b()) <= 20);
            assertTrue(Double.isFinite(p.loss()) && Double.isFinite(p.gradientNorm()));
        }
    }

    @Test
    void zeroIterationsIsJustTheStart() {
        Trajectory t = Descent.run(MODEL, new Descent.Settings(5.0, -2.0, 0.1, 0, Clipping.NONE));
        assertEquals(1, t.points().size());
        assertEquals(0, t.largestStepIteration());
        assertNull(t.note());
    }

    /**
     * Lesson 04's claim: from the default start, learning rate and threshold, the plain descent's largest step
     * is at least 10× the clipped one's, and after the default iterations the clipped descent ends lower.
     */
    @Test
    void lessonClaimHoldsAtTheDefault() {
        Trajectory plain = Descent.run(MODEL, DEFAULT);
        Trajectory clipped = Descent.run(MODEL, DEFAULT.withClipping(Clipping.norm(CliffDefaults.CLIP)));
        assertNull(plain.note());
        assertNull(clipped.note());
        assertTrue(plain.largestStep() >= 10 * clipped.largestStep(), plain.largestStep() + " vs " + clipped.largestStep());
        assertTrue(clipped.last().loss() < plain.last().loss(), clipped.last().loss() + " vs " + plain.last().loss());
    }

    /**
     * Why this default (the scan in {@link DefaultStartScan}): the claim is sensitive to where the plain step
     * lands, yet it holds at 20 of the 25 starts spaced 0.01 around the default, so a learner's nudge usually
     * keeps it; the lesson says so.
     */
    @Test
    void defaultIsInAMostlyAgreeingNeighbourhood() {
        assertEquals(0.80, DefaultStartScan.agreeingShare(MODEL, DEFAULT, Clipping.norm(CliffDefaults.CLIP), 0.01), 1e-12);
    }
}
