package org.gtt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.gtt.train.AddingRuns;
import org.gtt.train.ModelKind;
import org.gtt.train.ModelReport;
import org.gtt.train.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lesson 8's train widget and its "Try this" box (claims 8.11–8.14 of src/docs/lesson-claims.md): the widget's
 * default race is {@link TrainingParameters#defaults()} (an empty block; TrainWidgetTest checks that the empty block
 * asks for exactly those parameters), seed 1. A model's run does not depend on its rivals, so each model's run alone
 * ({@link AddingRuns}, shared with the other race claims) is what the widget shows. "Dark" and "bright" in the text
 * are read as log10(‖∂ℓ/∂h_1‖ / ‖∂ℓ/∂h_T‖): more than one decade below, or within one decade.
 */
class TrainWidgetClaimsTest {
    private static final LessonText TEXT = LessonText.IN_PRACTICE;
    private static final long SEED = 1;
    private static final double LR = TrainingParameters.defaults().learningRate();

    @BeforeAll
    static void startTheRuns() {
        for (ModelKind kind : ModelKind.values()) AddingRuns.start(kind, 50, SEED, LR);
        AddingRuns.start(ModelKind.RNN, 10, SEED, LR);
    }

    private static AddingRuns.Run run(ModelKind kind, int steps) {
        return AddingRuns.seeds(kind, steps, LR, SEED).get(SEED);
    }

    /** log10 of the first step's gradient norm over the last step's, in one report. */
    private static double firstOverLast(ModelReport report) {
        double[] norms = report.stepGradientNorms();
        return Math.log10(norms[0] / norms[norms.length - 1]);
    }

    private static String thousands(int n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** 8.11: the block is the default race; GRU solves at 250, LSTM at 1,900; tanh RNN and IRNN never, near chance after 500. */
    @Test
    void theDefaultRaceOfSeedOne() {
        TEXT.assertBothContain("```widget train\n```");
        TEXT.assertLanguagesContain("**steps T** 50, **seed** 1", "**步数 T** 为 50，**随机种子**为 1");
        int gru = run(ModelKind.GRU, 50).solvedAt();
        int lstm = run(ModelKind.LSTM, 50).solvedAt();
        assertEquals(250, gru);
        assertEquals(1900, lstm);
        TEXT.assertLanguagesContain("it solves the task at iteration " + thousands(gru), "在第 " + thousands(gru) + " 次迭代解决任务");
        TEXT.assertLanguagesContain("it solves the task at iteration " + thousands(lstm), "在第 " + thousands(lstm) + " 次迭代解决任务");
        int budget = TrainingParameters.defaults().iterations();
        for (ModelKind failing : List.of(ModelKind.RNN, ModelKind.IRNN)) {
            AddingRuns.Run run = run(failing, 50);
            assertNull(run.solvedAt(), failing + " does not solve T = 50");
            assertEquals(budget, run.reports().get(run.reports().size() - 1).iteration(), failing + " spends the budget");
            for (ModelReport report : run.reports()) {
                if (report.iteration() > 500) assertTrue(report.evalLoss() >= 0.15, failing + " near chance at " + report.iteration());
            }
        }
        TEXT.assertLanguagesContain("until the budget of " + thousands(budget) + " iterations is spent", "直到 " + thousands(budget) + " 次迭代的预算用完");
    }

    /**
     * 8.12: the tanh RNN's step-1 gradient is below step 50's at every one of the 60 reports, more than 10× below in all
     * but one, and at least 5 decades below in most (more than half).
     */
    @Test
    void theTanhRnnsEarlyStepsStayDark() {
        List<ModelReport> reports = run(ModelKind.RNN, 50).reports();
        assertEquals(60, reports.size());
        for (ModelReport report : reports) assertTrue(firstOverLast(report) < 0, "at " + report.iteration() + ": " + firstOverLast(report));
        long tenfold = reports.stream().filter(r -> firstOverLast(r) < -1).count();
        assertEquals(reports.size() - 1, tenfold, "reports more than one decade below");
        long farBelow = reports.stream().filter(r -> firstOverLast(r) <= -5).count();
        assertTrue(farBelow > reports.size() / 2, farBelow + " of " + reports.size() + " reports at least 5 decades below");
        TEXT.assertLanguagesContain("its gradient at step 1 is smaller than at step 50 in every one of the 60 reports, more than 10 times smaller in all but one, and 5 or more orders of magnitude smaller in most",
                "60 次报告里，它在第 1 步的梯度每一次都比第 50 步小，只有一次不到 10 倍，多数报告里小 5 个数量级或更多");
    }

    /** 8.13: the GRU's step-1 gradient is within a decade of step 50's by iteration 250; the LSTM's ≥ 4 decades below until 200 before it solves, within one when it does. */
    @Test
    void theGatedCellsLightUpAsTheyLearn() {
        AddingRuns.Run gru = run(ModelKind.GRU, 50);
        assertTrue(firstOverLast(at(gru, 250)) > -1, "GRU at 250: " + firstOverLast(at(gru, 250)));
        assertTrue(firstOverLast(gru.reports().get(0)) < -2, "the GRU starts dark");
        TEXT.assertLanguagesContain("The GRU's top rows light up within its first 250 iterations", "GRU 的顶部在最初 250 次迭代之内就亮了起来");

        AddingRuns.Run lstm = run(ModelKind.LSTM, 50);
        int before = lstm.solvedAt() - 200;
        for (ModelReport report : lstm.reports()) {
            if (report.iteration() <= before) assertTrue(firstOverLast(report) <= -4, "LSTM dark at " + report.iteration());
        }
        assertTrue(firstOverLast(at(lstm, lstm.solvedAt())) > -1, "the LSTM is bright when it solves");
        TEXT.assertLanguagesContain("the LSTM's stay dark until about 200 iterations before it solves", "直到解决任务之前大约 200 次迭代才亮起来");
    }

    /** 8.14: at T = 10 the tanh RNN solves at 1,000, its step-1 gradient within a decade of step 10's in all reports but one at most. */
    @Test
    void atTenStepsTheTanhRnnLearnsAndItsStripIsBright() {
        AddingRuns.Run rnn = run(ModelKind.RNN, 10);
        assertEquals(1000, rnn.solvedAt());
        long dark = rnn.reports().stream().filter(r -> firstOverLast(r) <= -1).count();
        assertTrue(dark <= 1, dark + " dark reports");
        TEXT.assertLanguagesContain("Set **steps T** to 10 and press **Start** again: now the RNN (tanh) solves it too, at iteration " + thousands(rnn.solvedAt()),
                "这一次 RNN（tanh）也解决了任务，在第 " + thousands(rnn.solvedAt()) + " 次迭代");
    }

    private static ModelReport at(AddingRuns.Run run, int iteration) {
        return run.reports().stream().filter(r -> r.iteration() == iteration).findFirst().orElseThrow();
    }
}
