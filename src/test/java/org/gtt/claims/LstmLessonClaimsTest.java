package org.gtt.claims;

import static org.gtt.claims.Engine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.gtt.engine.Activation;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 5 ("Long short-term memory"): each claim of src/docs/lesson-claims.md numbered 5.x, computed with the
 * engine (and, for the derivatives, with the test's own forward pass {@link UnrolledGated.Lstm}) and found in the
 * text of both languages. The widget figures are those of the lstm widget as the page builds it: 16 units,
 * 100 steps, seed 0, generated Gaussian weights; "at T − k = 100" is index 0 of the engine's series.
 */
class LstmLessonClaimsTest {
    private static final LessonText TEXT = LessonText.LSTM;
    private static final double EXACT = 1e-9;
    private static final int STEPS = 100;
    private static final int HIDDEN = 16;

    private static GradientResult widget(double forgetBias, boolean forgetGate) {
        return Engine.generatedLstm(forgetBias, forgetGate, STEPS, HIDDEN, 0);
    }

    /** 5.1: the cell equations of PyTorch's nn.LSTM, as the engine and the test's forward pass implement them. */
    @Test
    void cellEquations() {
        TEXT.assertBothContain("$$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t, \\qquad h_t = o_t \\odot \\tanh(c_t) .$$");
        TEXT.assertBothContain("f_t &= \\sigma(W_{if}\\, x_t + W_{hf}\\, h_{t-1} + b_f)");
        TEXT.assertBothContain("$$c_t = c_{t-1} + i_t \\odot g_t ,$$");
    }

    /**
     * 5.2: ∂c_T/∂c_k (h_k fixed, every path) is what the engine reports as cellLog10Norms, and "forget gates
     * only" is ‖∏ diag(f_t)‖ = max_i ∏ f_{t,i}. Random weights (recurrent blocks N(0, 0.5²)), 12 steps, 5 units:
     * the engine's cell norms match the spectral norm of central differences of the test's own forward pass
     * (step 1e-6, 1e-6 relative) and its forget product matches the test's gate values (1e-9 decades); the two
     * differ, so the forget gate alone is not the derivative.
     */
    @Test
    void cellPathIsTheFullDerivativeAndDiffersFromTheForgetGates() {
        Random random = new Random(5);
        int n = 5;
        int steps = 12;
        RecurrentWeights weights = randomLstm(random, n, 3, 0.5);
        double[][] inputs = Engine.gaussian(random, steps, 3, 1.0);
        GradientResult result = Engine.gated(ModelType.LSTM, weights, inputs, true);
        UnrolledGated.Lstm lstm = new UnrolledGated.Lstm(weights, inputs, new double[n], new double[n], true);
        double largestGap = 0;
        for (int k = 0; k < steps; k++) {
            double fd = NormOps_DDRM.normP2(lstm.cellJacobianByDifferences(k, 1e-6));
            assertEquals(Math.log10(fd), value(result.cellLog10Norms()[k]), 1e-6, "k = " + k);
            assertEquals(lstm.forgetProductLog10(k), value(result.forgetProductLog10()[k]), EXACT, "k = " + k);
            largestGap = Math.max(largestGap, Math.abs(result.cellLog10Norms()[k] - result.forgetProductLog10()[k]));
        }
        assertTrue(largestGap > 0.1, "the paths through h changed the cell path by only " + largestGap + " decades");
        TEXT.assertLanguagesContain("the engine's `cellLog10Norms`", "引擎的 `cellLog10Norms`");
        TEXT.assertLanguagesContain("$\\max_i \\prod_t f_{t,i}$ (the engine's `forgetProductLog10`)",
                "$\\max_i \\prod_t f_{t,i}$（引擎的 `forgetProductLog10`）");
    }

    /**
     * 5.3: the one-step derivative with h_{t−2} and x fixed, diag(f_t) + (diag(c_{t−1})∂f/∂h + diag(g)∂i/∂h +
     * diag(i)∂g/∂h)∂h_{t−1}/∂c_{t−1}, agrees with central differences of the test's forward pass (1e-7 absolute,
     * entries of order 1) and is not diag(f_t) (its off-diagonal part has Frobenius norm above 0.05).
     */
    @Test
    void oneStepDerivativeAddsThePathsThroughTheHiddenState() {
        Random random = new Random(8);
        int n = 4;
        RecurrentWeights weights = randomLstm(random, n, 2, 0.8);
        double[][] inputs = Engine.gaussian(random, 6, 2, 1.0);
        UnrolledGated.Lstm lstm = new UnrolledGated.Lstm(weights, inputs, new double[n], new double[n], true);
        for (int t = 2; t <= 6; t++) {
            DMatrixRMaj formula = lstm.oneStepFormula(t);
            DMatrixRMaj fd = lstm.oneStepByDifferences(t, 1e-6);
            for (int i = 0; i < formula.getNumElements(); i++) {
                assertEquals(fd.get(i), formula.get(i), 1e-7, "t = " + t + ", entry " + i);
            }
            DMatrixRMaj offForget = formula.copy();
            for (int u = 0; u < n; u++) offForget.add(u, u, -lstm.at(t).f()[u]);
            assertTrue(NormOps_DDRM.normF(offForget) > 0.05, "t = " + t + ": the paths through h are negligible");
        }
        TEXT.assertBothContain("$$\\frac{\\partial c_t}{\\partial c_{t-1}} = \\operatorname{diag}(f_t) + \\Big( "
                + "\\operatorname{diag}(c_{t-1}) \\frac{\\partial f_t}{\\partial h_{t-1}} + \\operatorname{diag}(g_t) "
                + "\\frac{\\partial i_t}{\\partial h_{t-1}} + \\operatorname{diag}(i_t) \\frac{\\partial g_t}{\\partial h_{t-1}} "
                + "\\Big) \\frac{\\partial h_{t-1}}{\\partial c_{t-1}} ,$$");
        TEXT.assertBothContain("$\\frac{\\partial f_t}{\\partial h_{t-1}} = \\operatorname{diag}(f_t \\odot (1 - f_t))\\, W_{hf}$");
        TEXT.assertBothContain("$\\frac{\\partial i_t}{\\partial h_{t-1}} = \\operatorname{diag}(i_t \\odot (1 - i_t))\\, W_{hi}$");
        TEXT.assertBothContain("$\\frac{\\partial g_t}{\\partial h_{t-1}} = \\operatorname{diag}(1 - g_t^2)\\, W_{hg}$");
        TEXT.assertBothContain("$\\frac{\\partial h_{t-1}}{\\partial c_{t-1}} = "
                + "\\operatorname{diag}\\big(o_{t-1} \\odot (1 - \\tanh^2 c_{t-1})\\big)$");
    }

    /**
     * 5.4 (exercise 3): with every recurrent block zero no gate reads h, so ∂c_T/∂c_k = ∏ diag(f_t) exactly. Random
     * input weights make the gates differ per unit and step; the engine's cell norm equals its forget product (1e-9).
     */
    @Test
    void withoutRecurrentWeightsTheForgetGatesAreTheWholeStory() {
        Random random = new Random(3);
        int n = 6;
        RecurrentWeights random4 = randomLstm(random, n, 3, 0.0);
        RecurrentWeights weights = new RecurrentWeights(random4.weightIh(), new double[4 * n][n], random4.biasIh(), random4.biasHh());
        double[][] inputs = Engine.gaussian(random, 40, 3, 1.0);
        GradientResult result = Engine.gated(ModelType.LSTM, weights, inputs, true);
        for (int k = 0; k <= 40; k++) {
            assertEquals(value(result.forgetProductLog10()[k]), value(result.cellLog10Norms()[k]), EXACT, "k = " + k);
        }
        TEXT.assertBothContain("$W_{hi} = W_{hf} = W_{hg} = W_{ho} = 0$");
        TEXT.assertBothContain("$\\partial c_T / \\partial c_k = \\prod_{t=k+1}^{T} \\operatorname{diag}(f_t)$");
    }

    /**
     * 5.5: the table of σ(b)^100 for b = 0, 1, 3, 5. With every weight zero (scale 0) the forget gate is σ(b) at
     * every step, and the engine's cell path over 100 steps is 100·log10 σ(b) (1e-9); the table writes σ(b) and
     * that exponent rounded, in both languages.
     */
    @Test
    void constantForgetGateTable() {
        double[] biases = {0, 1, 3, 5};
        for (String lang : new String[] {"en", "zh"}) {
            String[] gates = TEXT.tableRow(lang, lang.equals("en") ? "forget-gate value" : "遗忘门的取值");
            String[] powers = TEXT.tableRow(lang, "$\\sigma(b)^{100}$");
            for (int col = 1; col <= biases.length; col++) {
                double b = biases[col - 1];
                double gate = UnrolledGated.sigmoid(b);
                String cell = gates[col];
                assertTrue(cell.startsWith("$\\sigma(" + (int) b + ")"), lang + ": column " + col + " is " + cell);
                LessonText.assertRounded(gate, cell.substring(cell.lastIndexOf(' ') + 1), lang + ": σ(" + b + ")");
                double log10 = value(constantGateLstm(b).cellLog10Norms()[0]);
                assertEquals(100 * Math.log10(gate), log10, EXACT);
                String power = powers[col];
                assertTrue(power.startsWith("$10^{"), power);
                LessonText.assertRounded(log10, power.substring(5), lang + ": σ(" + b + ")^100");
            }
        }
    }

    private static GradientResult constantGateLstm(double forgetBias) {
        return Engine.zeroWeights(ModelType.LSTM, STEPS, forgetBias, true);
    }

    /**
     * 5.6, Try this step 1 and the first misconception box: at forget-gate bias 0 the cell path at T − k = 100 is
     * about 10^−20 (engine −19.72), the vanilla tanh RNN drawn beside it (radius 1, gaussian) about 10^−20 too
     * (−20.23), and the forget gates alone about 10^−31 (−30.80).
     */
    @Test
    void zeroForgetBiasVanishesLikeTheRnn() {
        GradientResult r = widget(0, true);
        double cell = value(r.cellLog10Norms()[0]);
        TEXT.assertWritesRounded("the cell path has fallen to about $10^{", "细胞路径已经降到大约 $10^{", cell);
        TEXT.assertWritesRounded("bias of 0 lets it fall to about $10^{", "偏置取 0 时，它会降到大约 $10^{", cell);
        double rnn = value(Engine.generatedRnn(Activation.TANH, Init.GAUSSIAN, 1.0, STEPS, HIDDEN, 0).jacobianLog10Norms()[0]);
        TEXT.assertWritesRounded("no better than the vanilla RNN (about $10^{", "它也在 $10^{", rnn);
        TEXT.assertWritesRounded("even lower, about $10^{", "还要更低，大约 $10^{", value(r.forgetProductLog10()[0]));
        assertEquals("0", WidgetKind.LSTM.defaults().get("forgetBias"));
        TEXT.assertNamesControl(WidgetKind.LSTM, "forgetBias", "forget-gate bias", "遗忘门偏置");
    }

    /** 5.7, step 2: forget-gate bias 1 lifts the cell path at T − k = 100 to about 10^−8 (engine −7.77). */
    @Test
    void unitForgetBias() {
        TEXT.assertWritesRounded("rises to about $10^{", "升到大约 $10^{", value(widget(1, true).cellLog10Norms()[0]));
    }

    /**
     * 5.8, step 3, exercise 4 and the first misconception box: at bias 3 the cell path ends near 10^0.9 ≈ 8
     * (engine 0.90), the forget gates alone at about 10^−1.7 (−1.67): several hundred times lower (engine 372);
     * the cell path stays within one decade of 10^0 at every distance.
     */
    @Test
    void forgetBiasThreeKeepsTheCellPathNearOne() {
        GradientResult r = widget(3, true);
        double cell = value(r.cellLog10Norms()[0]);
        double forget = value(r.forgetProductLog10()[0]);
        TEXT.assertWritesRounded("the cell path now ends near $10^{", "细胞路径的终点在 $10^{", cell);
        TEXT.assertWritesRounded("$10^{0.9}$, about ", "约等于 ", Math.pow(10, cell));
        TEXT.assertWritesRounded("the cell path is about $10^{", "细胞路径在 $T - k = 100$ 处约为 $10^{", cell);
        TEXT.assertWritesRounded("$10^{0.9} \\approx ", Math.pow(10, cell));
        TEXT.assertWritesRounded("the forget gates alone still give about $10^{", "只看遗忘门仍然只有大约 $10^{", forget);
        double ratio = Math.pow(10, cell - forget);
        assertTrue(ratio >= 200 && ratio < 1000, "ratio " + ratio);
        TEXT.assertLanguagesContain("several hundred times larger", "好几百倍");
        for (int k = 0; k <= STEPS; k++) {
            assertTrue(Math.abs(value(r.cellLog10Norms()[k])) < 1, "k = " + k + ": " + r.cellLog10Norms()[k]);
        }
        TEXT.assertLanguagesContain("within one power of ten of $10^0$ over 100 steps", "在 100 步内都保持在 $10^0$ 上下一个数量级之内");
    }

    /** 5.9, step 4: bias −3, the cell path at T − k = 100 is near 10^−67 (engine −66.65). */
    @Test
    void negativeForgetBiasCollapses() {
        TEXT.assertWritesRounded("the cell path at $T - k = 100$ is near $10^{", "细胞路径在 $T - k = 100$ 处接近 $10^{",
                value(widget(-3, true).cellLog10Norms()[0]));
    }

    /**
     * 5.10, step 5, exercise 2, the explosion paragraph and the last two boxes: without the forget gate (1997, f ≡ 1)
     * the forget-gate line is exactly 10^0 at every distance while the cell path grows with distance, to about
     * 10^1.8 at T − k = 100 (engine 1.77), a factor of about 60 (58.9).
     */
    @Test
    void withoutForgetGateTheCellPathGrows() {
        GradientResult r = widget(0, false);
        for (Double f : r.forgetProductLog10()) {
            assertEquals(0.0, value(f), 0.0);
        }
        double[] sampled = new double[5];
        int[] distances = {10, 25, 50, 75, 100};
        for (int i = 0; i < distances.length; i++) {
            sampled[i] = value(r.cellLog10Norms()[STEPS - distances[i]]);
            assertTrue(sampled[i] > (i == 0 ? 0 : sampled[i - 1]), "T − k = " + distances[i] + ": " + sampled[i]);
        }
        double end = sampled[4];
        TEXT.assertWritesRounded("it climbs to about $10^{", "在 $T - k = 100$ 处爬到大约 $10^{", end);
        TEXT.assertWritesRounded("grows to about $10^{", "长到大约 $10^{", end);
        TEXT.assertWritesRounded("about a factor of ", "100 步大约 ", Math.pow(10, end));
        TEXT.assertNamesControl(WidgetKind.LSTM, "forgetGate", "forget gate", "遗忘门");
    }

    /**
     * 5.11, exercise 1: σ(3) ≈ 0.9526, σ(3)^100 ≈ 10^−2.11 ≈ 0.0078; the widget's dashed line at bias 3 shows
     * about 10^−1.7, the largest product over the units.
     */
    @Test
    void exerciseOneConstantGateEstimate() {
        double gate = UnrolledGated.sigmoid(3);
        TEXT.assertWritesRounded("$\\sigma(3) \\approx ", gate);
        TEXT.assertWritesRounded("$0.9526^{100} = 10^{100 \\log_{10} 0.9526} \\approx 10^{", 100 * Math.log10(gate));
        TEXT.assertWritesRounded("10^{-2.11}$, about $", "10^{-2.11}$，约为 $", Math.pow(gate, 100));
        TEXT.assertWritesRounded("The widget shows about $10^{", "小部件显示的是大约 $10^{", value(widget(3, true).forgetProductLog10()[0]));
    }

    /** Stacked i, f, g, o blocks: input weights N(0, 1/m), recurrent N(0, recurrentStd²), biases N(0, 0.3²). */
    private static RecurrentWeights randomLstm(Random random, int n, int m, double recurrentStd) {
        return new RecurrentWeights(Engine.gaussian(random, 4 * n, m, 1 / Math.sqrt(m)),
                Engine.gaussian(random, 4 * n, n, recurrentStd),
                Engine.gaussian(random, 1, 4 * n, 0.3)[0], Engine.gaussian(random, 1, 4 * n, 0.3)[0]);
    }
}
