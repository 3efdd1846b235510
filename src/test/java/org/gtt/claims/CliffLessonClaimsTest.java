package org.gtt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gtt.engine.cliff.CliffDefaults;
import org.gtt.engine.cliff.CliffFacts;
import org.gtt.engine.cliff.CliffGradient;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Clipping;
import org.gtt.engine.cliff.Descent;
import org.gtt.engine.cliff.Trajectory;
import org.gtt.engine.cliff.TrajectoryPoint;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;

/**
 * Lesson 4 ("Exploding gradients, the cliff and clipping"): each claim of src/docs/lesson-claims.md numbered
 * 4.x, computed with the cliff engine (Pascanu et al.'s unit, x0 = 0.5, target 0.7, T = 50) and found in the
 * text of both languages. "Default" = the widget's default descent: start (5, −2.81), learning rate 0.1,
 * 200 iterations, norm clipping at θ = 1 (CliffDefaults, which the widget bakes).
 */
class CliffLessonClaimsTest {
    private static final LessonText TEXT = LessonText.CLIFF;
    private static final CliffModel MODEL = CliffModel.pascanu(CliffModel.DEFAULT_STEPS);
    private static final double SIGMA = 1 / (1 + Math.exp(-0.5));
    private static final double SLOPE = SIGMA * (1 - SIGMA);

    private static Descent.Settings start(double w0, double b0, double learningRate) {
        return new Descent.Settings(w0, b0, learningRate, CliffDefaults.ITERATIONS, Clipping.NONE);
    }

    private static final Descent.Settings DEFAULT = start(CliffDefaults.W0, CliffDefaults.B0, CliffDefaults.LEARNING_RATE);

    private static Trajectory plain(Descent.Settings settings) {
        return Descent.run(MODEL, settings);
    }

    private static Trajectory clipped(Descent.Settings settings, Clipping clipping) {
        return Descent.run(MODEL, settings.withClipping(clipping));
    }

    /** 4.1: the model and the wall's line, as the engine defines them. */
    @Test
    void modelAndWall() {
        TEXT.assertBothContain("$$x_t = w\\,\\sigma(x_{t-1}) + b \\quad (t = 1, \\dots, T), \\qquad E(w, b) = \\big(\\sigma(x_T) - 0.7\\big)^2 .$$");
        TEXT.assertBothContain("b^*(w) = x_0 - w\\,\\sigma(x_0)");
        assertEquals(0.5, MODEL.x0());
        assertEquals(0.7, MODEL.target());
        assertEquals(50, MODEL.steps());
        TEXT.assertBothContain("$x_0 = 0.5$");
        TEXT.assertWritesRounded("At $w = 5$ this is $b^* \\approx ", "$w = 5$ 时 $b^* \\approx ", MODEL.wallBias(5));
        assertEquals(0.5 - 5 * SIGMA, MODEL.wallBias(5), 1e-15);
        // on the wall the state stays at x0 for all T steps, so E = (σ(0.5) − 0.7)² for every w
        for (double w : new double[] {4.5, 5, 5.4}) assertEquals(Math.pow(SIGMA - 0.7, 2), MODEL.loss(w, MODEL.wallBias(w)), 1e-12);
        TEXT.assertWritesRounded("$E = (\\sigma(0.5) - 0.7)^2 \\approx ", Math.pow(SIGMA - 0.7, 2));
    }

    /** 4.2: σ′(0.5) ≈ 0.2350, the wall repels for w > 1/σ′(0.5) ≈ 4.2553; σ′ ≤ 1/4 so |wσ′| > 1 needs w > 4. */
    @Test
    void whereTheWallRepels() {
        TEXT.assertWritesRounded("$\\sigma'(0.5) \\approx ", SLOPE);
        TEXT.assertWritesRounded("1/\\sigma'(0.5) \\approx ", MODEL.wallStart());
        assertEquals(1 / SLOPE, MODEL.wallStart(), 1e-12);
        assertTrue(MODEL.slopeAtFixedPoint(4.2552) < 1 && MODEL.slopeAtFixedPoint(4.2554) > 1);
        TEXT.assertBothContain("$w > 1/\\gamma = 4$");
        TEXT.assertWritesRounded("$\\sigma(0.5) \\approx ", SIGMA);
    }

    /** 4.3: the jump across the wall at w = 5: E(5, b* − 0.01) ≈ 0.344, E(5, b* + 0.01) ≈ 0.0118. */
    @Test
    void theJumpAcrossTheWall() {
        double wall = MODEL.wallBias(5);
        TEXT.assertWritesRounded("the loss is about ", "的损失约为 ", MODEL.loss(5, wall - 0.01));
        TEXT.assertWritesRounded("and about ", "）约为 ", MODEL.loss(5, wall + 0.01));
    }

    /** 4.4: ∂E/∂b on the wall, the closed form (geometric series) against the engine's BPTT, and ∂E/∂w = σ(x0)·∂E/∂b. */
    @Test
    void wallGradientClosedForm() {
        TEXT.assertBothContain("\\frac{\\partial E}{\\partial b} = 2\\big(\\sigma(x_0) - 0.7\\big)\\,\\sigma'(x_0)\\,\\frac{\\lambda^T - 1}{\\lambda - 1}");
        TEXT.assertBothContain("\\frac{\\partial E}{\\partial w} = \\sigma(x_0)\\,\\frac{\\partial E}{\\partial b}");
        double[] ws = {4.5, 5, 5.4};
        String[] figures = {"-9.74648", "-661.683", "-20196.3"};
        for (int i = 0; i < ws.length; i++) {
            CliffGradient g = MODEL.gradient(ws[i], MODEL.wallBias(ws[i]));
            assertEquals(closedForm(ws[i]), g.dLossDb(), 1e-9 * Math.abs(closedForm(ws[i])));
            assertEquals(SIGMA * g.dLossDb(), g.dLossDw(), 1e-9 * Math.abs(g.dLossDb()));
            LessonText.assertRounded(g.dLossDb(), figures[i], "closed form at w = " + ws[i]);
        }
        TEXT.assertBothContain("\\partial E/\\partial b \\approx -9.74648$");
        TEXT.assertBothContain("$-661.683$");
        TEXT.assertBothContain("$-20196.3$");
    }

    private static double closedForm(double w) {
        double lambda = w * SLOPE;
        return 2 * (SIGMA - 0.7) * SLOPE * (Math.pow(lambda, 50) - 1) / (lambda - 1);
    }

    /**
     * 4.5: the steepest |∂E/∂b| at w = 5 over b ∈ [−3, −1] (CliffFacts' scan and golden-section search, as in
     * CliffModelTest), against the largest on the API's default 101 × 101 grid; the gradient at the default start.
     */
    @Test
    void gridMaximumAndStartGradient() {
        CliffGrid grid = CliffGrid.compute(MODEL, CliffGrid.Spec.standard());
        double max = 0;
        for (double[] row : grid.dLossDb()) for (double v : row) max = Math.max(max, Math.abs(v));
        TEXT.assertWritesRounded("the largest value is only about ", "上面的最大值只有约 ", max);
        double peak = CliffFacts.steepestDLossDb(MODEL, 5, -3, -1);
        TEXT.assertWritesRounded("over $b \\in [-3, -1]$ is about ", "\\rvert$ 的最大值约为 ", peak);
        assertTrue(peak > 25 * max, "the grid misses the peak by far");
        CliffGradient g = MODEL.gradient(CliffDefaults.W0, CliffDefaults.B0);
        TEXT.assertWritesRounded("about $(", "大约 $(", g.dLossDw());
        TEXT.assertWritesRounded("about $(-0.0129, ", "大约 $(-0.0129, ", g.dLossDb());
    }

    /**
     * 4.6 (issue 10's "must hold"): from the default start, learning rate and threshold, the plain descent's largest
     * step is at least 10× the clipped descent's, and the clipped descent ends at lower loss; the figures the lesson
     * gives for both.
     */
    @Test
    void thePlainDescentIsThrownAndTheClippedOneIsNot() {
        Trajectory free = plain(DEFAULT);
        Trajectory norm = clipped(DEFAULT, Clipping.norm(CliffDefaults.CLIP));
        assertNull(free.note());
        assertNull(norm.note());
        assertTrue(free.largestStep() >= 10 * norm.largestStep(), free.largestStep() + " vs " + norm.largestStep());
        assertTrue(norm.last().loss() < free.last().loss());
        assertEquals(5.0, CliffDefaults.W0);
        assertEquals(-2.81, CliffDefaults.B0);
        assertEquals(0.1, CliffDefaults.LEARNING_RATE);
        assertEquals(1.0, CliffDefaults.CLIP);
        assertEquals(200, CliffDefaults.ITERATIONS);
        TEXT.assertLanguagesContain("$w = 5$, $b = -2.81$, with learning rate $\\eta = 0.1$ and 200 iterations",
                "$w = 5$、$b = -2.81$ 出发，学习率 $\\eta = 0.1$，迭代 200 次");

        TrajectoryPoint before = free.points().get(free.largestStepIteration() - 1);
        TrajectoryPoint landing = free.points().get(free.largestStepIteration());
        TEXT.assertLanguagesContain("at iteration " + (free.largestStepIteration() - 1) + " meets",
                "在第 " + (free.largestStepIteration() - 1) + " 次迭代碰上");
        TEXT.assertWritesRounded("a gradient of norm ", "范数为 ", before.gradientNorm());
        TEXT.assertLanguagesContain("Its step at iteration " + free.largestStepIteration() + " has length",
                "第 " + free.largestStepIteration() + " 次迭代的那一步长");
        TEXT.assertWritesRounded("has length ", "的那一步长 ", free.largestStep());
        TEXT.assertWritesRounded("$w \\approx ", landing.w());
        TEXT.assertBothContain("$b \\approx 9.37$");
        LessonText.assertRounded(landing.b(), "9.37", "landing b");
        assertEquals(0.09, free.last().loss(), 1e-9, "saturated: (1 − 0.7)²");
        TEXT.assertBothContain("$(1 - 0.7)^2 = 0.0900$");
        TEXT.assertWritesRounded("the gradient norm is about $", "梯度范数约为 $", free.last().gradientNorm() / 1e-10);
        // the clipped descent: no step longer than ηθ, and it reaches it; its final loss; the ratio of the largest steps
        assertEquals(0.1, norm.largestStep(), 1e-12);
        TEXT.assertBothContain("$\\eta\\,\\theta = 0.100$");
        TEXT.assertWritesRounded("ends after 200 iterations at $E \\approx ", "200 次迭代后停在 $E \\approx ", norm.last().loss());
        TEXT.assertWritesRounded("lower than the plain descent's ", "比普通下降的 ", free.last().loss());
        TEXT.assertWritesRounded("largest step is ", "是裁剪后最大一步的 ", Math.floor(free.largestStep() / norm.largestStep()));
        TEXT.assertWritesRounded("the label gives the step (", "标签写着是哪一步（", free.largestStepIteration());
    }

    /** 4.7: value clipping: the step bound η θ √2 is reached; the final loss; the direction on the wall turns from 58.1° to 45°. */
    @Test
    void valueClippingBoundsTheStepAndTurnsTheDirection() {
        Trajectory value = clipped(DEFAULT, Clipping.value(1));
        assertEquals(0.1 * Math.sqrt(2), value.largestStep(), 1e-12);
        TEXT.assertWritesRounded("largest step is $0.1\\sqrt{2} \\approx ", "最大的一步是 $0.1\\sqrt{2} \\approx ", value.largestStep());
        TEXT.assertWritesRounded("it ends at $E \\approx ", "最后停在 $E \\approx ", value.last().loss());
        CliffGradient g = MODEL.gradient(5, MODEL.wallBias(5));
        TEXT.assertBothContain("$(-411.871, -661.683)$");
        LessonText.assertRounded(g.dLossDw(), "-411.871", "∂E/∂w on the wall at 5");
        double angle = Math.toDegrees(Math.atan2(-g.dLossDb(), -g.dLossDw()));
        TEXT.assertWritesRounded("at about ", "与 $w$ 轴约成 ", angle);
        TEXT.assertWritesRounded("\\approx 58.1°$ from the $w$ axis. Value clipping gives $(-1, -1)$, at 45°. The step is turned by about ",
                "\\approx 58.1°$。按值裁剪得到 $(-1, -1)$，为 45°。方向转了约 ", angle - 45);
        double norm = Math.hypot(g.dLossDw(), g.dLossDb());
        TEXT.assertWritesRounded("$\\lVert g \\rVert \\approx ", norm);
        TEXT.assertWritesRounded("$g / 779.4 \\approx (", g.dLossDw() / norm);
        TEXT.assertWritesRounded("$g / 779.4 \\approx (-0.528, ", g.dLossDb() / norm);
        // the gradient on the wall is the wall's normal (σ(x0), 1): perpendicular to b = x0 − w σ(x0)
        assertEquals(0, g.dLossDw() * 1 + g.dLossDb() * -SIGMA, 1e-9 * norm);
    }

    /** 4.8: Try this 3: clipping threshold 5: largest step 0.500, final loss ≈ 0.041, below the plain 0.09. */
    @Test
    void aHigherThreshold() {
        Trajectory five = clipped(DEFAULT, Clipping.norm(5));
        LessonText.assertRounded(five.largestStep(), "0.500", "largest step at θ = 5");
        TEXT.assertBothContain("0.500");
        TEXT.assertWritesRounded("final loss rises to about ", "最终损失升到约 ", five.last().loss());
        assertTrue(five.last().loss() < plain(DEFAULT).last().loss());
        TEXT.assertNamesControl(WidgetKind.CLIFF, "clip");
    }

    /** 4.9: Try this 4: from (4.7, −1.8), above the wall, the gradient stays below θ = 1 and the two descents are identical. */
    @Test
    void aboveTheWallClippingNeverActs() {
        Descent.Settings above = start(4.7, -1.8, CliffDefaults.LEARNING_RATE);
        Trajectory free = plain(above);
        Trajectory norm = clipped(above, Clipping.norm(1));
        assertTrue(free.points().stream().allMatch(p -> p.gradientNorm() < 1));
        assertEquals(free.points(), norm.points());
        assertTrue(-1.8 > MODEL.wallBias(4.7));
        TEXT.assertBothContain("$w = 4.7$");
        TEXT.assertBothContain("$b = -1.8$");
    }

    /** 4.10: the note on the scan: from b = −2.86 the claim fails (largest plain step 0.709, E ≈ 0.0157). */
    @Test
    void theOutcomeIsSensitiveToTheStart() {
        Descent.Settings below = start(5, -2.86, CliffDefaults.LEARNING_RATE);
        Trajectory free = plain(below);
        Trajectory norm = clipped(below, Clipping.norm(1));
        assertFalse(free.largestStep() >= 10 * norm.largestStep(), "the claim fails 0.05 away");
        TEXT.assertBothContain("$b = -2.86$");
        TEXT.assertWritesRounded("largest step is only ", "最大的一步只有 ", free.largestStep());
        TEXT.assertBothContain("$E \\approx 0.0157$");
        LessonText.assertRounded(free.last().loss(), "0.0157", "plain from b = −2.86");
        TEXT.assertBothContain("`DefaultStartScan`");
    }

    /** 4.11: exercise 2: learning rate 0.05: still thrown (largest step 12.98 at iteration 45), the same plateau; clipped ends ≈ 0.00721. */
    @Test
    void halvingTheLearningRateDoesNotHelp() {
        Descent.Settings half = start(CliffDefaults.W0, CliffDefaults.B0, 0.05);
        Trajectory free = plain(half);
        TEXT.assertLanguagesContain("at iteration " + free.largestStepIteration() + ", is ", "出现在第 " + free.largestStepIteration() + " 次迭代");
        TEXT.assertWritesRounded("iteration 45, is ", "次迭代，长 ", free.largestStep());
        assertEquals(0.09, free.last().loss(), 1e-8);
        TEXT.assertBothContain("0.00721");
        LessonText.assertRounded(clipped(half, Clipping.norm(1)).last().loss(), "0.00721", "clipped at η = 0.05");
        TEXT.assertNamesControl(WidgetKind.CLIFF, "learningRate");
    }

    /** 4.12: exercise 3's hand computation: λ = 1.17502, λ^50 ≈ 3.18·10³, the series ≈ 1.82·10⁴, prefactor ≈ −0.03644; λ(4.5) = 1.0575, −9.75. */
    @Test
    void exerciseThreeByHand() {
        double lambda = 5 * SLOPE;
        TEXT.assertWritesRounded("$\\lambda = 5 \\times 0.235004 = ", lambda);
        TEXT.assertWritesRounded("\\approx e^{8.064} \\approx ", Math.pow(lambda, 50) / 1e3);
        LessonText.assertRounded(50 * Math.log(lambda), "8.064", "50 ln λ");
        TEXT.assertWritesRounded("(\\lambda - 1) \\approx ", (Math.pow(lambda, 50) - 1) / (lambda - 1) / 1e4);
        TEXT.assertWritesRounded("\\times 0.235004 \\approx ", 2 * (SIGMA - 0.7) * SLOPE);
        TEXT.assertBothContain("$\\lambda = 1.0575$");
        LessonText.assertRounded(4.5 * SLOPE, "1.0575", "λ at 4.5");
        LessonText.assertRounded(closedForm(4.5), "-9.75", "closed form at 4.5, three digits");
        TEXT.assertBothContain("$-9.75$");
        LessonText.assertRounded(SIGMA, "0.622459", "σ(0.5)");
        LessonText.assertRounded(SLOPE, "0.235004", "σ′(0.5)");
    }

    /** 4.13: exercise 5 and the misconception: the plateau's gradient ≈ 4.9·10⁻¹⁰ is below θ, so clipping leaves it; ≈ 2·10⁸ steps to move 0.01. */
    @Test
    void clippingCannotRestoreAVanishedGradient() {
        TrajectoryPoint landing = plain(DEFAULT).last();
        double g = landing.gradientNorm();
        assertTrue(g < 1e-9);
        // From the plateau, the clipped descent is the plain one, point for point: clipping leaves a gradient below θ alone.
        Descent.Settings there = start(landing.w(), landing.b(), CliffDefaults.LEARNING_RATE);
        assertEquals(plain(there).points(), clipped(there, Clipping.norm(1)).points());
        assertEquals(landing.w(), plain(there).last().w(), 1e-6, "and it barely moves");
        LessonText.assertRounded(g / 1e-10, "4.9", "plateau gradient");
        TEXT.assertBothContain("4.9 \\times 10^{-10}");
        LessonText.assertRounded(0.01 / (0.1 * g) / 1e8, "2", "iterations to move 0.01");
        TEXT.assertBothContain("2 \\times 10^{8}");
        TEXT.assertNamesControl(WidgetKind.CLIFF, "clipMode");
    }
}
