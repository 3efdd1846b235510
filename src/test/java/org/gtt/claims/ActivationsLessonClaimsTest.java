package org.gtt.claims;

import static org.gtt.claims.Engine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.content.BlockException;
import org.gtt.engine.Activation;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.gtt.widget.WidgetBlock;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;

/**
 * Lesson 7 ("Activations and initialisation in recurrent nets"): each claim of src/docs/lesson-claims.md numbered
 * 7.x, computed with the engine and found in the text of both languages. The lesson's three rnn widgets start from
 * presets (ids relu-explodes, irnn, orthogonal); the tests read those presets from the lesson's own widget blocks,
 * so the text, the widget and the engine cannot drift apart. "At 100" is index 0 of a series (T = 100).
 */
class ActivationsLessonClaimsTest {
    private static final LessonText TEXT = LessonText.ACTIVATIONS;
    private static final Pattern WIDGET = Pattern.compile("```widget rnn\n(.*?)```", Pattern.DOTALL);

    /** The state of the rnn widget block with this id, the same in both languages. */
    private static Map<String, String> preset(String id) {
        Map<String, Map<String, String>> byLanguage = new LinkedHashMap<>();
        for (String lang : new String[] {"en", "zh"}) {
            Matcher m = WIDGET.matcher(TEXT.text(lang));
            while (m.find()) {
                try {
                    WidgetBlock block = WidgetBlock.parse(WidgetKind.RNN, m.group(1));
                    if (block.id().equals(id)) byLanguage.put(lang, block.state());
                } catch (BlockException e) {
                    throw new AssertionError("content/" + lang + ": " + e.getMessage(), e);
                }
            }
        }
        assertEquals(byLanguage.get("en"), byLanguage.get("zh"), "widget " + id + " differs between the languages");
        assertTrue(byLanguage.containsKey("en"), "no rnn widget with id " + id);
        return byLanguage.get("en");
    }

    /** The widget's engine run with some controls moved from the preset. */
    private static GradientResult run(Map<String, String> preset, String... changes) {
        Map<String, String> state = new LinkedHashMap<>(preset);
        for (int i = 0; i < changes.length; i += 2) state.put(changes[i], changes[i + 1]);
        return Engine.generatedRnn(Activation.valueOf(state.get("activation").toUpperCase(Locale.ROOT)),
                Init.valueOf(state.get("init").toUpperCase(Locale.ROOT)), Double.parseDouble(state.get("scale")),
                Integer.parseInt(state.get("steps")), Integer.parseInt(state.get("hidden")), Long.parseLong(state.get("seed")));
    }

    private static double atHundred(GradientResult r) {
        return value(r.jacobianLog10Norms()[0]);
    }

    /** The largest distance T − k with a non-zero ∂h_T/∂h_k (the engine reports exact zeros as null). */
    private static int lastDistance(GradientResult r) {
        Double[] j = r.jacobianLog10Norms();
        int steps = j.length - 1;
        for (int k = 0; k <= steps; k++) {
            if (j[k] != null) return steps - k;
        }
        return 0;
    }

    /** 7.1: the per-step factor diag(φ′(a_t))W_hh (checked against finite differences in LessonTwoClaimsTest, 2.1). */
    @Test
    void perStepFactor() {
        TEXT.assertBothContain("$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\big(\\phi'(a_t)\\big)\\, W_{hh} .$$");
        assertEquals(1.0, Activation.RELU.maxSlope());
        assertEquals(0.0, Activation.RELU.derivative(-0.5));
        assertEquals(1.0, Activation.RELU.derivative(0.5));
    }

    /**
     * 7.2, first widget (relu, gaussian, radius 1.5), its Try this, exercise 2 and the misconception box: relu rises to
     * about 10^3.7 at T − k = 100 (engine 3.71); tanh with the same weights falls to about 10^−8.5 (−8.46); relu at
     * radius 2 about 10^15 (14.92); relu at radius 1 about 10^−16 (−16.29).
     */
    @Test
    void reluExplodesWhereTanhSaturates() {
        Map<String, String> preset = preset("relu-explodes");
        assertEquals("relu", preset.get("activation"));
        double relu = atHundred(run(preset));
        double tanh = atHundred(run(preset, "activation", "tanh"));
        double two = atHundred(run(preset, "scale", "2"));
        double one = atHundred(run(preset, "scale", "1"));
        assertTrue(relu > 0 && tanh < 0 && one < 0);
        TEXT.assertWritesRounded("at $T - k = 100$ it is about $10^{", "在 $T - k = 100$ 处大约是 $10^{", relu);
        TEXT.assertWritesRounded("relu at radius 1.5 grows to about $10^{", "relu 在 100 步内增长到大约 $10^{", relu);
        TEXT.assertWritesRounded("the curve falls, to about $10^{", "曲线转为下降，在 $T - k = 100$ 处降到大约 $10^{", tanh);
        TEXT.assertWritesRounded("It falls, to about $10^{", "它会下降，在 $T - k = 100$ 处降到大约 $10^{", tanh);
        TEXT.assertWritesRounded("tanh with the same weights falls to $10^{", "同样权重下的 tanh 降到 $10^{", tanh);
        TEXT.assertWritesRounded("drag the radius to 2: about $10^{", "把谱半径拖到 2：大约 $10^{", two);
        TEXT.assertWritesRounded("the curve falls again, to about $10^{", "曲线又下降了，降到大约 $10^{", one);
        TEXT.assertWritesRounded("the ReLU RNN still vanishes, to about $10^{", "ReLU RNN 的梯度仍然消失，降到大约 $10^{", one);
        TEXT.assertNamesControl(WidgetKind.RNN, "activation", "activation φ", "激活函数 φ");
        TEXT.assertNamesControl(WidgetKind.RNN, "scale", "spectral radius ρ(W_hh)", "谱半径 ρ(W_hh)");
    }

    /**
     * 7.3, the IRNN widget (relu, identity, radius 1) and exercise 3: ∂h_T/∂h_k = diag(∏ 1[a > 0]), so its norm is
     * exactly 1 or exactly 0: engine log10 norms are 0 (1e-12) up to T − k = 97 and zero (null) beyond; every
     * eigenvalue is 1. The same 0-or-1 holds for seeds 0–4.
     */
    @Test
    void identityReluPassesTheGradientWithFactorOne() {
        Map<String, String> preset = preset("irnn");
        assertEquals("identity", preset.get("init"));
        GradientResult r = run(preset);
        int last = lastDistance(r);
        for (int k = 0; k <= 100; k++) {
            if (100 - k <= last) {
                assertEquals(0.0, value(r.jacobianLog10Norms()[k]), 1e-12, "T − k = " + (100 - k));
            } else {
                assertNull(r.jacobianLog10Norms()[k], "T − k = " + (100 - k));
            }
        }
        TEXT.assertWritesRounded("and stops at $T - k = ", "并在 $T - k = ", last);
        for (double[] eigenvalue : r.eigenvalues()) {
            assertEquals(1.0, eigenvalue[0], 1e-12);
            assertEquals(0.0, eigenvalue[1], 1e-12);
        }
        for (long seed = 1; seed < 5; seed++) {
            for (Double log10 : run(preset, "seed", String.valueOf(seed)).jacobianLog10Norms()) {
                assertTrue(log10 == null || Math.abs(log10) < 1e-12, "seed " + seed + ": " + log10);
            }
        }
        TEXT.assertBothContain("\\frac{\\partial h_T}{\\partial h_k} = \\operatorname{diag}\\Big(\\prod_{t=k+1}^{T} "
                + "\\mathbf{1}[a_{t} > 0]\\Big)");
        TEXT.assertNamesControl(WidgetKind.RNN, "init", "init of W_hh", "W_hh 的初始化");
    }

    /**
     * 7.4, IRNN Try this 2 and 3, exercise 1: radius 1.1 rises with slope log10 1.1 ≈ 0.041 per step, 10^2.07 at
     * T − k = 50; radius 1.05 gives 1.05^50 = 10^1.06 ≈ 11.5 there; radius 0.9 stops after 4 steps.
     */
    @Test
    void identityAwayFromOne() {
        Map<String, String> preset = preset("irnn");
        GradientResult up = run(preset, "scale", "1.1");
        assertEquals(50 * Math.log10(1.1), value(up.jacobianLog10Norms()[50]), 1e-9);
        TEXT.assertWritesRounded("slope $\\log_{10} 1.1 \\approx ", "每步 $\\log_{10} 1.1 \\approx ", Math.log10(1.1));
        TEXT.assertWritesRounded("per step, to $10^{", "处达到 $10^{", value(up.jacobianLog10Norms()[50]));
        double slight = value(run(preset, "scale", "1.05").jacobianLog10Norms()[50]);
        assertEquals(50 * Math.log10(1.05), slight, 1e-9);
        TEXT.assertWritesRounded("$1.05^{50} = 10^{50 \\log_{10} 1.05} \\approx 10^{", 50 * Math.log10(1.05));
        TEXT.assertWritesRounded("\\approx 10^{1.06} \\approx ", Math.pow(1.05, 50));
        TEXT.assertWritesRounded("The widget shows $10^{", "小部件显示的正是 $10^{", slight);
        TEXT.assertWritesRounded("the curve stops after only ", "曲线只走了 ", lastDistance(run(preset, "scale", "0.9")));
    }

    /**
     * 7.5, the orthogonal widget (linear, orthogonal, radius 1): exactly flat (1e-12), σ_max = ρ = 1. Gaussian at
     * radius 1: σ_max ≈ 1.84, the curve peaks at T − k = 4 at about 10^0.36 (a factor ≈ 2.3) and stays above 10^0 at
     * every distance ≥ 1. A large Gaussian matrix has σ_max ≈ 2ρ (hidden 256: ratio in [1.7, 2.3]).
     */
    @Test
    void orthogonalIsFlatGaussianIsNot() {
        Map<String, String> preset = preset("orthogonal");
        GradientResult orthogonal = run(preset);
        for (Double log10 : orthogonal.jacobianLog10Norms()) assertEquals(0.0, value(log10), 1e-12);
        assertEquals(1.0, orthogonal.largestSingularValue(), 1e-12);
        assertEquals(1.0, orthogonal.spectralRadius(), 1e-12);
        GradientResult gaussian = run(preset, "init", "gaussian");
        assertEquals(1.0, gaussian.spectralRadius(), 1e-12);
        TEXT.assertWritesRounded("$\\sigma_{\\max}$ becomes about ", "$\\sigma_{\\max}$ 变成约 ", gaussian.largestSingularValue());
        TEXT.assertWritesRounded("largest singular value is larger (about ", "最大奇异值却更大（小部件里约为 ", gaussian.largestSingularValue());
        Double[] j = gaussian.jacobianLog10Norms();
        int peak = 0;
        for (int k = 0; k < 100; k++) {
            assertTrue(value(j[k]) > 0, "T − k = " + (100 - k) + ": " + j[k]);
            if (value(j[k]) > value(j[100 - peak])) peak = 100 - k;
        }
        assertEquals(4, peak);
        TEXT.assertLanguagesContain("at $T - k = " + peak + "$ and wanders above $10^0$", "在 $T - k = " + peak + "$ 处升到约");
        TEXT.assertWritesRounded("it rises to about $10^{", "升到约 $10^{", value(j[100 - peak]));
        TEXT.assertWritesRounded("(a factor of about ", "（约 ", Math.pow(10, value(j[100 - peak])));
        GradientResult large = Engine.generatedRnn(Activation.LINEAR, Init.GAUSSIAN, 1.0, 1, 256, 0);
        double ratio = large.largestSingularValue() / large.spectralRadius();
        assertTrue(ratio > 1.7 && ratio < 2.3, "σ_max/ρ = " + ratio);
        TEXT.assertLanguagesContain("about twice the radius for a large matrix", "对大矩阵约为谱半径的两倍");
    }

    /**
     * 7.6, orthogonal widget Try this 3: with tanh at radius 1, orthogonal ≈ 10^−10.6 and gaussian ≈ 10^−20 at
     * T − k = 100 (engine −10.63, −20.23): orthogonal roughly halves the decay on the log scale (ratio in [0.4, 0.6]).
     */
    @Test
    void orthogonalHalvesTheTanhDecay() {
        Map<String, String> preset = preset("orthogonal");
        double orthogonal = atHundred(run(preset, "activation", "tanh"));
        double gaussian = atHundred(run(preset, "activation", "tanh", "init", "gaussian"));
        TEXT.assertWritesRounded("compare the two inits at $T - k = 100$: about $10^{", "正交初始化约为 $10^{", orthogonal);
        TEXT.assertWritesRounded("with orthogonal, about $10^{", "高斯初始化约为 $10^{", gaussian);
        double ratio = orthogonal / gaussian;
        assertTrue(ratio > 0.4 && ratio < 0.6, "ratio " + ratio);
        TEXT.assertLanguagesContain("halves the decay on the log scale", "减少了一半左右");
    }

    /** 7.7: W_hh = ρQ with Q orthogonal in a linear rnn: ‖∂h_T/∂h_k‖ = ρ^{T−k} exactly (radii 0.8, 1.2; 1e-9). */
    @Test
    void scaledOrthogonalLinearNormIsAPower() {
        for (double radius : new double[] {0.8, 1.2}) {
            GradientResult r = Engine.generatedRnn(Activation.LINEAR, Init.ORTHOGONAL, radius, 60, 16, 3);
            assertEquals(radius, r.largestSingularValue(), 1e-12);
            for (int k = 0; k <= 60; k++) {
                assertEquals((60 - k) * Math.log10(radius), value(r.jacobianLog10Norms()[k]), 1e-9);
            }
        }
        TEXT.assertBothContain("\\Big\\lVert \\frac{\\partial h_T}{\\partial h_k} \\Big\\rVert = "
                + "\\lVert (\\rho\\, Q)^{T-k} \\rVert = \\rho^{T-k}");
    }
}
