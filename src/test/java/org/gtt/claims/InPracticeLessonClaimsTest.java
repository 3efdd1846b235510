package org.gtt.claims;

import static org.gtt.claims.Engine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.gtt.content.Lang;
import org.gtt.engine.GradientResult;
import org.gtt.train.AddingProblem;
import org.gtt.train.AddingRuns;
import org.gtt.train.ModelKind;
import org.gtt.train.ModelReport;
import org.gtt.train.TrainingParameters;
import org.gtt.widget.Text;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lesson 8 ("In practice"): each claim of src/docs/lesson-claims.md numbered 8.x, computed with the engine or the
 * trainer (org.gtt.train) and found in the text of both languages. The custom-widget claims use linear RNNs, whose
 * Jacobian ∂h_T/∂h_k = W^{T−k} does not depend on the inputs, so the widget's random inputs do not matter. The race
 * claims are over seeds 1–5 with the race's defaults; the runs are shared with AddingClaimTest ({@link AddingRuns}).
 */
class InPracticeLessonClaimsTest {
    private static final LessonText TEXT = LessonText.IN_PRACTICE;
    private static final double EXACT = 1e-9;
    private static final long[] SEEDS = {1, 2, 3, 4, 5};
    private static final double LR = TrainingParameters.defaults().learningRate();
    private static final double IRNN_LR = 0.003;
    private static final double[][] NON_NORMAL = {{0.9, 5}, {0, 0.9}};

    /** Queues every race run the tests below wait for, so the two cores stay busy from the start. */
    @BeforeAll
    static void startTheRuns() {
        for (long seed : SEEDS) {
            for (ModelKind kind : List.of(ModelKind.LSTM, ModelKind.RNN, ModelKind.GRU, ModelKind.IRNN)) {
                AddingRuns.start(kind, 50, seed, LR);
                AddingRuns.start(kind, 10, seed, LR);
            }
            AddingRuns.start(ModelKind.IRNN, 50, seed, IRNN_LR);
        }
    }

    private static Map<Long, AddingRuns.Run> runs(ModelKind kind, int steps, double learningRate) {
        return AddingRuns.seeds(kind, steps, learningRate, SEEDS);
    }

    /** 8.1: the widget's starting matrix peaks at n = 9 with ‖W⁹‖ ≈ 10^1.29 (Try this 1, exercise 2). */
    @Test
    void startingMatrixPeaksAtNine() {
        Double[] norms = Engine.linearRnnPowers(NON_NORMAL, 100).jacobianLog10Norms();
        int peak = 1;
        for (int n = 2; n <= 100; n++) if (norms[100 - n] > norms[100 - peak]) peak = n;
        assertEquals(9, peak);
        TEXT.assertWritesRounded("to about $10^{", "到大约 $10^{", norms[100 - 9]);
        TEXT.assertWritesRounded("peak $10^{", "峰值 $10^{", norms[100 - 9]);
        TEXT.assertLanguagesContain("at distance 9", "位于距离 9 处");
    }

    /** 8.2 (Try this 2): W_hh = 0.5·I falls by log10 0.5 ≈ −0.301 per step, on Pascanu's bound. */
    @Test
    void halfIdentityFallsOnTheBound() {
        GradientResult r = Engine.linearRnnPowers(new double[][] {{0.5, 0}, {0, 0.5}}, 100);
        for (int k = 0; k < 100; k++) {
            assertEquals((100 - k) * Math.log10(0.5), value(r.jacobianLog10Norms()[k]), EXACT);
            assertEquals(value(r.boundLog10()[k]), value(r.jacobianLog10Norms()[k]), EXACT);
        }
        TEXT.assertBothContain("`[[0.5, 0.0], [0.0, 0.5]]`");
        TEXT.assertWritesRounded("$\\log_{10} 0.5 \\approx ", Math.log10(0.5));
    }

    /** 8.3 (exercise 1): diag(1.2, 0.5) over 20 steps: 1.2²⁰ ≈ 38.3, log10 ≈ 1.58, slope log10 1.2 ≈ 0.0792, on the bound. */
    @Test
    void diagonalMatrixOverTwentySteps() {
        GradientResult r = Engine.linearRnnPowers(new double[][] {{1.2, 0}, {0, 0.5}}, 20);
        double at20 = value(r.jacobianLog10Norms()[0]);
        assertEquals(20 * Math.log10(1.2), at20, EXACT);
        assertEquals(value(r.boundLog10()[0]), at20, EXACT);
        TEXT.assertBothContain("`[[1.2, 0.0], [0.0, 0.5]]`");
        TEXT.assertWritesRounded("1.2^{20} \\approx ", Math.pow(10, at20));
        TEXT.assertWritesRounded("= 20 \\log_{10} 1.2 \\approx ", at20);
        TEXT.assertWritesRounded("The chart shows $10^{", "距离 20 处正是 $10^{", at20);
        TEXT.assertWritesRounded("$\\log_{10} 1.2 \\approx ", Math.log10(1.2));
    }

    /** 8.4 (exercise 2): the transposed matrix has the same ‖Wⁿ‖ for every n. */
    @Test
    void transposeHasTheSameCurve() {
        Double[] w = Engine.linearRnnPowers(NON_NORMAL, 100).jacobianLog10Norms();
        Double[] transposed = Engine.linearRnnPowers(new double[][] {{0.9, 0}, {5, 0.9}}, 100).jacobianLog10Norms();
        for (int k = 0; k < 100; k++) assertEquals(value(w[k]), value(transposed[k]), EXACT, "k = " + k);
        TEXT.assertBothContain("`[[0.9, 0.0], [5.0, 0.9]]`");
    }

    /** 8.5 (exercise 3): 8 decades over 40 steps is 10^−0.2 ≈ 0.631 per step; 49 steps from 10^−1 reach 10^−10.8. */
    @Test
    void readingALog() {
        double factor = Math.pow(10, -8.0 / 40);
        assertEquals(-8.0, value(Engine.linearRnnPowers(new double[][] {{factor}}, 40).jacobianLog10Norms()[0]), EXACT);
        double atFirst = -1 + value(Engine.linearRnnPowers(new double[][] {{factor}}, 49).jacobianLog10Norms()[0]);
        TEXT.assertWritesRounded("$10^{-0.2} \\approx ", factor);
        TEXT.assertWritesRounded("10^{-0.2 \\cdot 49} = 10^{", atFirst);
    }

    /** 8.6: the race's settings as the lesson states them are the trainer's defaults. */
    @Test
    void theRaceSettings() {
        TrainingParameters p = TrainingParameters.defaults();
        assertEquals(List.of(ModelKind.RNN, ModelKind.LSTM, ModelKind.GRU, ModelKind.IRNN), p.models());
        assertEquals(16, p.hidden());
        assertEquals(32, p.batch());
        assertEquals(0.01, p.learningRate());
        assertEquals(TrainingParameters.OptimizerKind.ADAM, p.optimizer());
        assertEquals(1.0, p.clip().doubleValue());
        assertEquals(TrainingParameters.ClipMode.NORM, p.clipMode());
        assertEquals(1.0, p.forgetBias());
        assertEquals(3000, p.iterations());
        assertEquals(500, TrainingParameters.EVALUATION_SEQUENCES);
        assertEquals(50, TrainingParameters.EVALUATE_EVERY);
        assertEquals(1.0 / 6, AddingProblem.CHANCE_MSE, 1e-15);
        assertEquals(1.0 / 60, AddingProblem.SUCCESS_MSE, 1e-15);
        TEXT.assertLanguagesContain("16 hidden units", "16 个隐藏单元");
        TEXT.assertLanguagesContain("learning rate of 0.01, batches of 32, gradient clipping by norm at 1",
                "学习率 0.01，批大小 32，按范数做梯度裁剪、阈值为 1");
        TEXT.assertLanguagesContain("forget-gate bias of 1 for the LSTM; each has a budget of 3,000 iterations",
                "LSTM 的遗忘门偏置为 1；每个模型的预算是 3,000 次迭代");
        TEXT.assertLanguagesContain("500 fixed evaluation sequences, checked every 50 iterations", "500 条固定的评估序列");
        TEXT.assertBothContain("$1/6$");
        TEXT.assertBothContain("$1/60$");
        TEXT.assertWritesRounded("$1/6 \\approx ", 1.0 / 6);
        // at T = 50 the first marker lies in the first 5 steps, so at least 45 steps from the end
        assertEquals(45, 50 - 50 / 10);
        TEXT.assertLanguagesContain("across 45 or more steps", "跨越 45 步以上");
    }

    /** 8.7: at T = 50, GRU 250–300 and LSTM 650–1,900 iterations; the tanh RNN never, its error ≥ 0.14 after 500. */
    @Test
    void theLongRace() {
        assertSolvedWithin(runs(ModelKind.GRU, 50, LR), 250, 300, "250–300");
        assertSolvedWithin(runs(ModelKind.LSTM, 50, LR), 650, 1900, "650–1,900");
        for (AddingRuns.Run run : runs(ModelKind.RNN, 50, LR).values()) {
            assertNull(run.solvedAt());
            for (ModelReport report : run.reports()) {
                if (report.iteration() > 500) assertTrue(report.evalLoss() >= 0.14, "eval " + report.evalLoss());
            }
        }
        TEXT.assertLanguagesContain("never fell below 0.14", "都没有低于 0.14");
    }

    /** 8.8: at T = 10 all three solve: GRU 150–200, LSTM 250–450, tanh RNN 800–1,000 iterations. */
    @Test
    void theShortRace() {
        assertSolvedWithin(runs(ModelKind.GRU, 10, LR), 150, 200, "150–200");
        assertSolvedWithin(runs(ModelKind.LSTM, 10, LR), 250, 450, "250–450");
        assertSolvedWithin(runs(ModelKind.RNN, 10, LR), 800, 1000, "800–1,000");
    }

    /** 8.9: the IRNN solves T = 10 on every seed; at T = 50 one of five at lr 0.01 (at iteration 2,850) and one at 0.003. */
    @Test
    void theIrnn() {
        for (AddingRuns.Run run : runs(ModelKind.IRNN, 10, LR).values()) assertNotNull(run.solvedAt());
        List<Integer> solvedAtDefault = runs(ModelKind.IRNN, 50, LR).values().stream()
                .map(AddingRuns.Run::solvedAt).filter(java.util.Objects::nonNull).toList();
        assertEquals(List.of(2850), solvedAtDefault);
        long solved = runs(ModelKind.IRNN, 50, IRNN_LR).values().stream().filter(run -> run.solvedAt() != null).count();
        assertEquals(1, solved);
        TEXT.assertLanguagesContain("it solved only one of the five seeds at the learning rate of 0.01, and that one late"
                + " (after 2,850 of its 3,000 iterations); at 0.003 it also solved one of the five",
                "学习率 0.01 下它只解决了五个种子中的一个，而且很晚（3,000 次迭代中的第 2,850 次）；学习率 0.003 下也只解决了五个种子中的一个");
    }

    /**
     * 8.10: at T = 50 the tanh RNN's per-step norm at step 1 is, in the median over a run's reports, 7 to 14 decades
     * below the one at step T on each seed; the GRU's starts more than 2 decades below and ends within 1; the tanh
     * RNN's global norm before clipping stays in [0.02, 3] after iteration 500 (also the misconception box).
     */
    @Test
    void perStepNormsInTheRace() {
        for (AddingRuns.Run run : runs(ModelKind.RNN, 50, LR).values()) {
            List<Double> decades = new ArrayList<>();
            for (ModelReport report : run.reports()) decades.add(firstBelowLast(report));
            Collections.sort(decades);
            double median = decades.get(decades.size() / 2);
            assertTrue(median <= -6.5 && median >= -14.5, "median " + median);
            for (ModelReport report : run.reports()) {
                if (report.iteration() <= 500) continue;
                assertTrue(report.gradNormBeforeClip() >= 0.02 && report.gradNormBeforeClip() <= 3, "global norm " + report.gradNormBeforeClip());
            }
        }
        for (AddingRuns.Run run : runs(ModelKind.GRU, 50, LR).values()) {
            assertTrue(firstBelowLast(run.reports().get(0)) < -2, "GRU at its first report");
            assertTrue(firstBelowLast(run.reports().get(run.reports().size() - 1)) > -1, "GRU at its last report");
        }
        TEXT.assertLanguagesContain("typically 7 to 14 orders of magnitude below", "通常比最后一步小 7 到 14 个数量级");
        TEXT.assertLanguagesContain("between about 0.02 and 3", "大约 0.02 到 3 之间");
    }

    /** log10(‖∂ℓ/∂h_1‖ / ‖∂ℓ/∂h_T‖) in one report. */
    private static double firstBelowLast(ModelReport report) {
        double[] norms = report.stepGradientNorms();
        return Math.log10(norms[0] / norms[norms.length - 1]);
    }

    private static void assertSolvedWithin(Map<Long, AddingRuns.Run> runs, int low, int high, String written) {
        runs.forEach((seed, run) -> {
            assertNotNull(run.solvedAt(), "seed " + seed + " never solved it");
            assertTrue(run.solvedAt() >= low && run.solvedAt() <= high, "seed " + seed + " solved it at " + run.solvedAt());
        });
        TEXT.assertBothContain(written);
    }

    /** The controls the lesson names are the custom widget's labels in each language. */
    @Test
    void theLessonNamesTheCustomWidgetsControls() {
        TEXT.assertNamesControl(WidgetKind.CUSTOM, "model");
        TEXT.assertNamesControl(WidgetKind.CUSTOM, "activation");
        TEXT.assertLanguagesContain("**" + Text.key("custom.compute").in(Lang.EN) + "**", "**" + Text.key("custom.compute").in(Lang.ZH) + "**");
    }
}
