package org.gtt.claims;

import static org.gtt.claims.Engine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.dense.row.NormOps_DDRM;
import org.gtt.engine.Activation;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.gtt.engine.Limits;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 6 ("Gated recurrent units"): each claim of src/docs/lesson-claims.md numbered 6.x, computed with the
 * engine and the test's own GRU forward pass ({@link UnrolledGated.Gru}) and found in the text of both
 * languages. Widget figures: the gru widget as the page builds it (16 units, 100 steps, seed 0); its dashed LSTM
 * has forget-gate bias 0, its vanilla RNN is tanh with spectral radius 1.
 */
class GruLessonClaimsTest {
    private static final LessonText TEXT = LessonText.GRU;
    private static final double EXACT = 1e-9;
    private static final int STEPS = 100;
    private static final int HIDDEN = 16;

    private static GradientResult widget(double updateBias) {
        return Engine.generatedGru(updateBias, STEPS, HIDDEN, 0);
    }

    private static double atHundred(GradientResult r) {
        return value(r.jacobianLog10Norms()[0]);
    }

    /** 6.1: the equations of PyTorch's nn.GRU, which the engine and the test's forward pass implement. */
    @Test
    void gruEquations() {
        TEXT.assertBothContain("$$h_t = (1 - z_t) \\odot n_t + z_t \\odot h_{t-1} .$$");
        TEXT.assertBothContain("n_t &= \\tanh\\big(W_{in}\\, x_t + b_{in} + r_t \\odot (W_{hn}\\, h_{t-1} + b_{hn})\\big)");
        TEXT.assertBothContain("$h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tilde h_t$");
    }

    /**
     * 6.2: the step Jacobian diag(z) + diag((1−z)(1−n²))(diag(r)W_hn + diag((W_hn h + b_hn)r(1−r))W_hr)
     * + diag((h_{t−1}−n)z(1−z))W_hz. Random weights, 5 units, 10 steps: the formula's spectral norm is the engine's
     * stepLog10Norms (1e-9 decades), and the engine's ∂h_T/∂h_k norms match central differences of the test's own
     * forward pass (step 1e-6, 1e-6 decades).
     */
    @Test
    void stepJacobianFormula() {
        Random random = new Random(12);
        int n = 5;
        int steps = 10;
        RecurrentWeights weights = new RecurrentWeights(Engine.gaussian(random, 3 * n, 3, 0.6),
                Engine.gaussian(random, 3 * n, n, 0.7), Engine.gaussian(random, 1, 3 * n, 0.4)[0],
                Engine.gaussian(random, 1, 3 * n, 0.4)[0]);
        double[][] inputs = Engine.gaussian(random, steps, 3, 1.0);
        GradientResult result = Engine.gated(ModelType.GRU, weights, inputs, true);
        UnrolledGated.Gru gru = new UnrolledGated.Gru(weights, inputs, new double[n]);
        for (int t = 1; t <= steps; t++) {
            Engine.assertLog10Norm(NormOps_DDRM.normP2(gru.stepFormula(t)), result.stepLog10Norms()[t - 1], "t = " + t);
        }
        for (int k = 0; k < steps; k++) {
            double fd = NormOps_DDRM.normP2(gru.jacobianByDifferences(k, 1e-6));
            assertEquals(Math.log10(fd), value(result.jacobianLog10Norms()[k]), 1e-6, "k = " + k);
        }
        TEXT.assertBothContain("""
                \\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}(z_t)
                &+ \\operatorname{diag}\\big((1 - z_t) \\odot (1 - n_t^2) \\odot r_t\\big)\\, W_{hn} \\\\
                &+ \\operatorname{diag}\\big((1 - z_t) \\odot (1 - n_t^2) \\odot (W_{hn} h_{t-1} + b_{hn}) \\odot r_t \\odot (1 - r_t)\\big)\\, W_{hr} \\\\
                &+ \\operatorname{diag}\\big((h_{t-1} - n_t) \\odot z_t \\odot (1 - z_t)\\big)\\, W_{hz} .""");
    }

    /**
     * 6.3: the direct path is diag(z_t). With every weight zero, n_t = 0 and h_t = z ⊙ h_{t−1} with z = σ(b), so the
     * engine's ∂h_T/∂h_k is (T−k)·log10 σ(b) exactly.
     */
    @ParameterizedTest
    @ValueSource(doubles = {-1.0, 0.0, 2.0})
    void directPathIsTheUpdateGate(double updateBias) {
        GradientResult r = Engine.zeroWeights(ModelType.GRU, 30, updateBias, true);
        double z = UnrolledGated.sigmoid(updateBias);
        for (int k = 0; k <= 30; k++) {
            assertEquals((30 - k) * Math.log10(z), value(r.jacobianLog10Norms()[k]), EXACT, "k = " + k);
        }
        TEXT.assertBothContain("$\\prod_t \\operatorname{diag}(z_t)$");
    }

    /**
     * 6.4 and exercise 3: z → 1 switches every other path off, the step Jacobian tends to I. At the largest bias the
     * engine accepts (50, so z = σ(50) rounds to 1), the widget's GRU has ‖∂h_T/∂h_k‖ = 1 to 1e-12 at every distance.
     */
    @Test
    void saturatedUpdateGateIsTheIdentity() {
        GradientResult r = Engine.generatedGru(Limits.MAX_GATE_BIAS, STEPS, HIDDEN, 0);
        for (Double log10 : r.jacobianLog10Norms()) {
            assertEquals(0.0, value(log10), 1e-12);
        }
        TEXT.assertBothContain("$$z_t \\to 1 \\quad\\Longrightarrow\\quad \\frac{\\partial h_t}{\\partial h_{t-1}} \\to I .$$");
    }

    /**
     * 6.5, Try this 1: at update-gate bias 0 the GRU reaches about 10^−18 at T − k = 100 (engine −17.73), the LSTM
     * (forget bias 0, full state) and the RNN both near 10^−20 (−19.54, −20.23), the GRU a little above both.
     */
    @Test
    void zeroUpdateBiasVanishes() {
        double gru = atHundred(widget(0));
        double lstm = value(Engine.generatedLstm(0, true, STEPS, HIDDEN, 0).jacobianLog10Norms()[0]);
        double rnn = value(Engine.generatedRnn(Activation.TANH, Init.GAUSSIAN, 1.0, STEPS, HIDDEN, 0).jacobianLog10Norms()[0]);
        assertTrue(gru > lstm && gru > rnn);
        TEXT.assertWritesRounded("the GRU curve reaches about $10^{", "GRU 曲线在 $T - k = 100$ 处降到大约 $10^{", gru);
        TEXT.assertWritesRounded("the LSTM and the vanilla RNN (both near $10^{", "比 LSTM 和普通 RNN（都在 $10^{", lstm);
        TEXT.assertWritesRounded("the LSTM and the vanilla RNN (both near $10^{", "比 LSTM 和普通 RNN（都在 $10^{", rnn);
        assertEquals("0", WidgetKind.GRU.defaults().get("updateBias"));
        TEXT.assertNamesControl(WidgetKind.GRU, "updateBias", "update-gate bias", "更新门偏置");
    }

    /** 6.6, Try this 2 and the misconception box: bias 3 ends near 10^−1.5 (−1.51), bias 5 near 10^−0.22. */
    @Test
    void positiveUpdateBiasKeepsTheGradient() {
        TEXT.assertWritesRounded("the curve now ends near $10^{", "曲线的终点在 $10^{", atHundred(widget(3)));
        double five = atHundred(widget(5));
        TEXT.assertWritesRounded("At 5 it ends near $10^{", "拖到 5 时，终点在 $10^{", five);
        TEXT.assertWritesRounded("GRU curve ends near $10^{", "走过 100 步后终点在 $10^{", five);
        double rnn = value(Engine.generatedRnn(Activation.TANH, Init.GAUSSIAN, 1.0, STEPS, HIDDEN, 0).jacobianLog10Norms()[0]);
        TEXT.assertWritesRounded("while the vanilla RNN is near $10^{", "而普通 RNN 在 $10^{", rnn);
    }

    /**
     * 6.7, Try this 3 and exercise 2: at bias 10 the curve lies on 10^0, within 10^±0.01 at every distance (engine:
     * −0.0023 to +0.000002): it does not climb as the LSTM's cell path does.
     */
    @Test
    void largeUpdateBiasLiesOnOne() {
        for (Double log10 : widget(10).jacobianLog10Norms()) {
            assertTrue(Math.abs(value(log10)) < 0.01, "log10 " + log10);
        }
        TEXT.assertLanguagesContain("within $10^{\\pm 0.01}$ everywhere", "处处在 $10^{\\pm 0.01}$ 之内");
        TEXT.assertLanguagesContain("within $10^{\\pm 0.01}$ at every distance", "在每个距离上都在 $10^{\\pm 0.01}$ 之内");
    }

    /** 6.8, Try this 4: bias −3 puts the gates near σ(−3) ≈ 0.05 and the curve at about 10^−43 (−43.36). */
    @Test
    void negativeUpdateBiasOverwrites() {
        TEXT.assertWritesRounded("−3: the update gates sit near ", "拖到 −3：更新门都在 ", UnrolledGated.sigmoid(-3));
        TEXT.assertWritesRounded("the curve falls to about $10^{", "曲线跌到大约 $10^{", atHundred(widget(-3)));
    }

    /**
     * 6.9: over the whole slider (−5 to 10 in steps of 0.5) the widget's GRU never rises far above 10^0 (engine: at
     * most 10^0.05); with every weight block five times larger (scale 5) some seeds (0–4, bias 0) exceed 10^2.
     */
    @Test
    void explosionNeedsLargerWeights() {
        for (double bias = -5; bias <= 10; bias += 0.5) {
            for (Double log10 : widget(bias).jacobianLog10Norms()) {
                assertTrue(value(log10) < 0.1, "bias " + bias + ": " + log10);
            }
        }
        int above = 0;
        for (long seed = 0; seed < 5; seed++) {
            GradientRequest.Builder b = GradientRequest.defaults(ModelType.GRU).toBuilder();
            b.scale = 5;
            b.seed = seed;
            double max = Double.NEGATIVE_INFINITY;
            for (Double log10 : GradientEngine.compute(b.build()).jacobianLog10Norms()) max = Math.max(max, value(log10));
            if (max > 2) above++;
        }
        assertTrue(above >= 1, "no seed exceeded 10^2");
        TEXT.assertLanguagesContain("long-range Jacobians above $10^{2}$ for some random draws", "在某些随机抽样下会得到高于 $10^{2}$ 的长程雅可比矩阵");
    }

    /**
     * 6.10: parameter counts, 4(nm + n² + 2n) = 1408 and 3(nm + n² + 2n) = 1056 for n = 16, m = 4: the sizes of
     * the weights the engine generates for the widgets' models, written in the table of both languages.
     */
    @Test
    void parameterCounts() {
        long lstm = parameters(Engine.generatedLstm(0, true, 10, HIDDEN, 0).weightsUsed());
        long gru = parameters(widget(0).weightsUsed());
        assertEquals(4L * (16 * 4 + 16 * 16 + 2 * 16), lstm);
        assertEquals(3L * (16 * 4 + 16 * 16 + 2 * 16), gru);
        TEXT.assertTableCell("parameters (16 units, 4 inputs)", "参数个数（16 个隐藏单元、4 维输入）", 1, String.valueOf(lstm));
        TEXT.assertTableCell("parameters (16 units, 4 inputs)", "参数个数（16 个隐藏单元、4 维输入）", 2, String.valueOf(gru));
        TEXT.assertBothContain("$4(nm + n^2 + 2n)$");
        TEXT.assertBothContain("$3(nm + n^2 + 2n)$");
    }

    private static long parameters(RecurrentWeights w) {
        return (long) w.weightIh().length * w.weightIh()[0].length + (long) w.weightHh().length * w.weightHh()[0].length
                + w.biasIh().length + w.biasHh().length;
    }

    /** 6.11, exercise 1: σ(5) ≈ 0.9933, σ(5)^100 ≈ 10^−0.29; the widget at bias 5 shows about 10^−0.22. */
    @Test
    void exerciseOneDirectPathEstimate() {
        double z = UnrolledGated.sigmoid(5);
        TEXT.assertWritesRounded("$\\sigma(5) \\approx ", z);
        TEXT.assertWritesRounded("$\\sigma(5)^{100} = 10^{100 \\log_{10} 0.9933} \\approx 10^{", 100 * Math.log10(z));
        TEXT.assertWritesRounded("The widget shows about $10^{", "小部件显示的是大约 $10^{", atHundred(widget(5)));
    }
}
