package org.gtt.claims;

import static org.gtt.claims.Engine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.ejml.dense.row.NormOps_DDRM;
import org.gtt.engine.Activation;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.gtt.engine.RecurrentWeights;
import org.gtt.widget.DataTable;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 3 ("Backpropagation through time in a vanilla RNN"): each quantitative claim of
 * src/docs/lesson-claims.md (numbered 3.x there) computed with the engine and found in the text of both
 * languages. log10 norms are compared with an absolute tolerance of 1e-9 decades unless stated.
 */
class LessonThreeClaimsTest {
    private static final LessonText TEXT = LessonText.BPTT;
    private static final double EXACT = 1e-9;
    /** The lesson's non-normal example. */
    private static final double[][] NON_NORMAL = {{0.9, 5}, {0, 0.9}};

    /**
     * 3.1: ∂h_t/∂h_{t−1} = diag(φ′(a_t))W_hh and ∂h_T/∂h_k = ∏_{t=k+1}^T diag(φ′(a_t))W_hh, highest t on
     * the left. The product built from the formula matches central differences of the rnn's forward pass
     * (1e-6 relative) and the engine's jacobianLog10Norms and stepLog10Norms (1e-9 decades).
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void jacobianAcrossTimeIsAProductOfStepJacobians(Activation activation) {
        Random random = new Random(17);
        int n = 4;
        int steps = 12;
        RecurrentWeights weights = new RecurrentWeights(Engine.gaussian(random, n, 3, 1.0),
                Engine.gaussian(random, n, n, 0.7), Engine.gaussianVector(random, n), Engine.gaussianVector(random, n));
        double[][] inputs = Engine.gaussian(random, steps, 3, 1.0);
        double[] h0 = Engine.gaussianVector(random, n);
        GradientResult result = Engine.rnn(activation, weights, inputs, h0);
        Unrolled rnn = Unrolled.rnn(activation, weights, inputs, h0);
        for (int k = 0; k < steps; k++) {
            rnn.assertJacobianMatchesFiniteDifferences(k);
            Engine.assertLog10Norm(NormOps_DDRM.normP2(rnn.jacobian(k)), result.jacobianLog10Norms()[k], "k = " + k);
            Engine.assertLog10Norm(NormOps_DDRM.normP2(rnn.stepJacobian(k + 1)), result.stepLog10Norms()[k],
                    "t = " + (k + 1));
        }
        TEXT.assertBothContain("$$\\frac{\\partial h_t}{\\partial h_{t-1}} = \\operatorname{diag}\\big(\\phi'(a_t)\\big)\\, W_{hh} ,$$");
        TEXT.assertBothContain("\\frac{\\partial h_T}{\\partial h_k} &= \\prod_{t=k+1}^{T} "
                + "\\operatorname{diag}\\big(\\phi'(a_t)\\big)\\, W_{hh}");
    }

    /**
     * 3.1 on the widget's own settings (hidden 16, T = 100, orthogonal and gaussian init, radius 0.9):
     * the engine's step and product norms equal ‖diag(φ′(a_t))W_hh‖₂ and ‖∏ diag(φ′(a_t))W_hh‖₂
     * computed from the weights and inputs it reports using (EJML SVD, 1e-9 decades).
     */
    @ParameterizedTest
    @EnumSource(value = Init.class, names = {"ORTHOGONAL", "GAUSSIAN"})
    void widgetNormsAreTheNormsOfTheStepJacobians(Init init) {
        for (Activation activation : new Activation[] {Activation.TANH, Activation.SIGMOID}) {
            GradientResult result = Engine.generatedRnn(activation, init, 0.9, 100, 16, 0);
            Unrolled rnn = Unrolled.rnn(activation, result.weightsUsed(), result.inputsUsed(), new double[16]);
            for (int t = 1; t <= 100; t++) {
                String where = activation + ", t = " + t;
                Engine.assertLog10Norm(NormOps_DDRM.normP2(rnn.stepJacobian(t)), result.stepLog10Norms()[t - 1], where);
                if (t % 10 == 0) {
                    Engine.assertLog10Norm(NormOps_DDRM.normP2(rnn.jacobian(t - 1)), result.jacobianLog10Norms()[t - 1], where);
                }
            }
        }
    }

    /**
     * 3.3–3.5: ‖∂h_t/∂h_{t−1}‖ ≤ γσ_max(W_hh) and log10‖∂h_T/∂h_k‖ ≤ (T−k)·log10(γσ_max), the line the
     * widget draws (boundLog10). For every activation, every init and radii 0.9 and 1.5 (hidden 16,
     * T = 100, seed 0): the engine's bound is that line (1e-9) and both norms stay below it (+1e-9).
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void pascanuBoundHoldsAtEveryDistance(Activation activation) {
        for (Init init : Init.values()) {
            for (double radius : new double[] {0.9, 1.5}) {
                GradientResult r = Engine.generatedRnn(activation, init, radius, 100, 16, 0);
                double perStep = Math.log10(activation.maxSlope() * r.largestSingularValue());
                String where = init + " radius " + radius;
                for (int k = 0; k < 100; k++) {
                    assertEquals((100 - k) * perStep, value(r.boundLog10()[k]), EXACT, where);
                    Double norm = r.jacobianLog10Norms()[k];
                    assertTrue(norm == null || norm <= r.boundLog10()[k] + EXACT, where + ", k = " + k);
                    Double step = r.stepLog10Norms()[k];
                    int t = k + 1;
                    assertTrue(step == null || step <= perStep + EXACT,
                            () -> where + ", t = " + t + ": step " + step + " > " + perStep + ", σ_max " + r.largestSingularValue());
                }
            }
        }
        TEXT.assertBothContain("\\log_{10} \\Big\\lVert \\frac{\\partial h_T}{\\partial h_k} \\Big\\rVert \\;\\le\\; "
                + "(T-k)\\, \\log_{10}\\!\\big(\\gamma\\, \\sigma_{\\max}(W_{hh})\\big)");
    }

    /**
     * 3.4: the table of γ = sup|φ′| and the thresholds 1/γ: vanishing guaranteed below, exploding
     * possible only above. γ is the engine's maxSlope; the thresholds written are 1/γ.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"TANH", "SIGMOID"})
    void gammaTable(Activation activation) {
        String row = activation == Activation.TANH ? "tanh" : "sigmoid";
        String threshold = String.valueOf(Math.round(1 / activation.maxSlope()));
        TEXT.assertTableCell(row, 1, LessonTwoClaimsTest.gammaAsWritten(activation));
        TEXT.assertTableCell(row, 2, "$\\sigma_{\\max}(W_{hh}) < " + threshold + "$");
        TEXT.assertTableCell(row, 3, "$\\sigma_{\\max}(W_{hh}) > " + threshold + "$");
    }

    /** 3.4: ReLU and linear share γ = 1 and the threshold 1. */
    @Test
    void gammaTableReluAndLinear() {
        assertEquals(1.0, Activation.RELU.maxSlope());
        assertEquals(1.0, Activation.LINEAR.maxSlope());
        TEXT.assertTableCell("ReLU, linear", "ReLU、线性", 1, "$1$");
        TEXT.assertTableCell("ReLU, linear", "ReLU、线性", 2, "$\\sigma_{\\max}(W_{hh}) < 1$");
    }

    /**
     * 3.6: ρ(W) ≤ σ_max(W), with equality for normal W, and then ‖Wⁿ‖ = ρⁿ. A symmetric W (normal) in a
     * linear rnn: σ_max = ρ (1e-12) and jacobianLog10Norms[T−n] = n·log10 ρ; the non-normal example has
     * ρ < σ_max.
     */
    @Test
    void normalMatricesHaveNormEqualToSpectralRadius() {
        double[][] symmetric = {{0.5, 0.3, -0.2}, {0.3, -0.6, 0.1}, {-0.2, 0.1, 0.4}};
        GradientResult r = Engine.linearRnnPowers(symmetric, 40);
        assertEquals(r.spectralRadius(), r.largestSingularValue(), 1e-12);
        for (int k = 0; k <= 40; k++) {
            assertEquals((40 - k) * Math.log10(r.spectralRadius()), value(r.jacobianLog10Norms()[k]), EXACT);
        }
        GradientResult nonNormal = Engine.linearRnnPowers(NON_NORMAL, 1);
        assertTrue(nonNormal.spectralRadius() < nonNormal.largestSingularValue());
        TEXT.assertBothContain("\\rho(W) \\le \\sigma_{\\max}(W)");
        TEXT.assertBothContain("\\lVert W^n \\rVert = \\rho(W)^n");
    }

    /**
     * 3.7: Gelfand, ‖Wⁿ‖^{1/n} → ρ(W). For the example ‖Wⁿ‖ ≈ 5n·0.9^{n−1}, so ‖Wⁿ‖^{1/n} is 0.9587 at
     * n = 100 and 0.9078 at n = 1000: the engine's values approach 0.9 from above.
     */
    @Test
    void gelfandFormulaApproachesTheSpectralRadius() {
        double at100 = Math.pow(10, value(Engine.linearRnnPowers(NON_NORMAL, 100).jacobianLog10Norms()[0]) / 100);
        double at1000 = Math.pow(10, value(Engine.linearRnnPowers(NON_NORMAL, 1000).jacobianLog10Norms()[0]) / 1000);
        assertEquals(0.9587, at100, 1e-4);
        assertEquals(0.9078, at1000, 1e-4);
        assertTrue(at1000 - 0.9 < at100 - 0.9 && at1000 > 0.9);
        TEXT.assertBothContain("\\lVert W^n \\rVert^{1/n} \\to \\rho(W)");
    }

    /**
     * 3.8: W = [[0.9, 5], [0, 0.9]]: both eigenvalues 0.9, ρ = 0.9, σ_max = (5 + √(25 + 4·0.81))/2 ≈ 5.157
     * (the largest singular value of [[a, b], [0, a]] is (|b| + √(b² + 4a²))/2); engine to 1e-12.
     */
    @Test
    void nonNormalExampleSpectrum() {
        GradientResult r = Engine.linearRnnPowers(NON_NORMAL, 100);
        assertEquals(0.9, r.spectralRadius(), 1e-12);
        for (double[] eigenvalue : r.eigenvalues()) {
            assertEquals(0.9, Math.hypot(eigenvalue[0], eigenvalue[1]), 1e-7);
        }
        double sigma = (5 + Math.sqrt(25 + 4 * 0.81)) / 2;
        assertEquals(sigma, r.largestSingularValue(), 1e-12 * sigma);
        for (Double step : r.stepLog10Norms()) {
            assertEquals(Math.log10(sigma), value(step), EXACT);
        }
        TEXT.assertWritesRounded("but $\\sigma_{\\max}(W) \\approx ", "但 $\\sigma_{\\max}(W) \\approx ", sigma);
        TEXT.assertBothContain("$\\rho(W) = 0.9 < 1$");
        TEXT.assertBothContain("W^n = \\begin{pmatrix} 0.9^n & 5n \\cdot 0.9^{\\,n-1} \\\\ 0 & 0.9^n \\end{pmatrix}");
    }

    /**
     * 3.9: the table of ‖Wⁿ‖₂. Closed form: Wⁿ = [[0.9ⁿ, 5n·0.9ⁿ⁻¹], [0, 0.9ⁿ]], whose largest singular
     * value is (|b| + √(b² + 4a²))/2 with a = 0.9ⁿ, b = 5n·0.9ⁿ⁻¹. The engine's
     * jacobianLog10Norms[T−n] (linear rnn, T = 100) matches it (1e-9 decades), and every table cell is
     * the engine's value rounded to the digits written, in both languages.
     */
    @Test
    void nonNormalPowersTable() {
        GradientResult r = Engine.linearRnnPowers(NON_NORMAL, 100);
        for (int n = 1; n <= 100; n++) {
            double a = Math.pow(0.9, n);
            double b = 5 * n * Math.pow(0.9, n - 1);
            double closedForm = (b + Math.sqrt(b * b + 4 * a * a)) / 2;
            assertEquals(Math.log10(closedForm), value(r.jacobianLog10Norms()[100 - n]), EXACT, "n = " + n);
        }
        for (String lang : new String[] {"en", "zh"}) {
            String[] ns = TEXT.tableRow(lang, "$n$");
            String[] norms = TEXT.tableRow(lang, "$\\lVert W^n \\rVert_2$");
            assertEquals(8, ns.length);
            for (int col = 1; col < ns.length; col++) {
                int n = Integer.parseInt(ns[col]);
                LessonText.assertRounded(Math.pow(10, value(r.jacobianLog10Norms()[100 - n])), norms[col],
                        "content/" + lang + " table, n = " + n);
            }
        }
    }

    /**
     * 3.10: the amplification peaks at n = 9 (≈ 19.38, "about 19") and ‖Wⁿ‖ > 1 exactly for n ≤ 54.
     * Engine: linear rnn, T = 100; argmax over n = 1..100 and the last n with a positive log10 norm.
     */
    @Test
    void nonNormalPeakAndCrossing() {
        Double[] log10 = Engine.linearRnnPowers(NON_NORMAL, 100).jacobianLog10Norms();
        int peak = 1;
        int lastAboveOne = 0;
        for (int n = 1; n <= 100; n++) {
            if (value(log10[100 - n]) > value(log10[100 - peak])) {
                peak = n;
            }
            if (log10[100 - n] > 0) {
                assertEquals(lastAboveOne + 1, n, "‖Wⁿ‖ > 1 again after dropping below 1");
                lastAboveOne = n;
            }
        }
        assertEquals(9, peak);
        double peakValue = Math.pow(10, log10[100 - peak]);
        TEXT.assertLanguagesContain("| " + peak + " |", "| " + peak + " |");
        TEXT.assertLanguagesContain(String.format(Locale.ROOT, "%.2f (peak)", peakValue),
                String.format(Locale.ROOT, "%.2f（峰值）", peakValue));
        TEXT.assertWritesRounded("by up to a factor of about ", "最多会把梯度放大到大约 ", peakValue);
        TEXT.assertWritesRounded("for every distance up to ", "距离在 ", lastAboveOne);
        assertEquals(54, lastAboveOne);
    }

    /**
     * 3.11: A = [[0, 2], [0, 0]] and B = Aᵀ are nilpotent (ρ = 0), yet AB = [[4, 0], [0, 0]] has ρ = 4.
     * Spectral radii from the engine (W_hh = A, B, AB).
     */
    @Test
    void productOfNilpotentMatricesHasSpectralRadiusFour() {
        double[][] a = {{0, 2}, {0, 0}};
        double[][] b = {{0, 0}, {2, 0}};
        double[][] ab = {{a[0][0] * b[0][0] + a[0][1] * b[1][0], a[0][0] * b[0][1] + a[0][1] * b[1][1]},
                {a[1][0] * b[0][0] + a[1][1] * b[1][0], a[1][0] * b[0][1] + a[1][1] * b[1][1]}};
        assertEquals(0.0, Engine.linearRnnPowers(a, 1).spectralRadius(), 1e-12);
        assertEquals(0.0, Engine.linearRnnPowers(b, 1).spectralRadius(), 1e-12);
        double radius = Engine.linearRnnPowers(ab, 1).spectralRadius();
        assertEquals(4.0, radius, 1e-12);
        TEXT.assertBothContain("$A = \\begin{pmatrix} 0 & 2 \\\\ 0 & 0 \\end{pmatrix}$");
        TEXT.assertBothContain("$AB = \\begin{pmatrix} " + fmt(ab[0][0]) + " & " + fmt(ab[0][1]) + " \\\\ "
                + fmt(ab[1][0]) + " & " + fmt(ab[1][1]) + " \\end{pmatrix}$");
        TEXT.assertWritesRounded("has spectral radius ", "谱半径却是 ", radius);
    }

    private static String fmt(double v) { return String.valueOf(Math.round(v)); }

    /**
     * 3.12: rnn widget, gaussian init, radius 0.9 (hidden 16, T = 100, tanh, seeds 0–4): the largest
     * |λ| is 0.9 (1e-12) and every eigenvalue lies inside; σ_max exceeds 1 (engine: 1.43–1.74), so the
     * bound line rises, while the curve falls (jacobianLog10Norms[0] < −10; engine: −24 to −29).
     * "Close to twice the spectral radius for a large matrix": hidden 256, σ_max/ρ in [1.7, 2.3]
     * (circular law: ρ → 1 and σ_max → 2 for N(0, 1/n) entries).
     */
    @Test
    void gaussianInitHasSigmaMaxAboveOneWhileTheCurveFalls() {
        for (long seed = 0; seed < 5; seed++) {
            GradientResult r = Engine.generatedRnn(Activation.TANH, Init.GAUSSIAN, 0.9, 100, 16, seed);
            String where = "seed " + seed;
            assertEquals(0.9, r.spectralRadius(), 1e-12, where);
            for (double[] eigenvalue : r.eigenvalues()) {
                assertTrue(Math.hypot(eigenvalue[0], eigenvalue[1]) <= 0.9 + 1e-12, where);
            }
            assertTrue(r.largestSingularValue() > 1, where + ": σ_max " + r.largestSingularValue());
            assertTrue(r.boundLog10()[0] > 0, where);
            assertTrue(value(r.jacobianLog10Norms()[0]) < -10, where + ": " + r.jacobianLog10Norms()[0]);
        }
        for (long seed = 0; seed < 2; seed++) {
            GradientResult large = Engine.generatedRnn(Activation.TANH, Init.GAUSSIAN, 0.9, 1, 256, seed);
            double ratio = large.largestSingularValue() / large.spectralRadius();
            assertTrue(ratio > 1.7 && ratio < 2.3, "hidden 256, seed " + seed + ": σ_max/ρ = " + ratio);
        }
        TEXT.assertLanguagesContain("inside the circle of radius 0.9", "半径 0.9 的圆内");
        TEXT.assertBothContain("scale: 0.9");
    }

    /**
     * 3.13: orthogonal init, radius 0.9: W_hh = 0.9Q, so σ_max = ρ = 0.9 and every |λ| = 0.9 (1e-12);
     * the bound falls by log10 0.9 ≈ −0.046 per step and the tanh curve stays below it.
     */
    @Test
    void orthogonalInitHasSigmaMaxEqualToRadius() {
        for (long seed = 0; seed < 3; seed++) {
            GradientResult r = Engine.generatedRnn(Activation.TANH, Init.ORTHOGONAL, 0.9, 100, 16, seed);
            assertEquals(0.9, r.spectralRadius(), 1e-12);
            assertEquals(0.9, r.largestSingularValue(), 1e-12);
            for (double[] eigenvalue : r.eigenvalues()) {
                assertEquals(0.9, Math.hypot(eigenvalue[0], eigenvalue[1]), 1e-12);
            }
            for (int k = 0; k < 100; k++) {
                assertEquals((100 - k) * Math.log10(0.9), value(r.boundLog10()[k]), EXACT);
                assertTrue(value(r.jacobianLog10Norms()[k]) <= r.boundLog10()[k] + EXACT, "k = " + k);
            }
            TEXT.assertWritesRounded("$\\log_{10} 0.9 \\approx ", r.boundLog10()[99]);
        }
    }

    /**
     * 3.14: orthogonal + linear: ‖(ρQ)ⁿ‖ = ρⁿ, so the curve lies on the bound line (1e-9): falling at
     * 0.9, flat at 1.0, rising at 1.1.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.9, 1.0, 1.1})
    void orthogonalLinearCurveLiesOnTheBound(double radius) {
        GradientResult r = Engine.generatedRnn(Activation.LINEAR, Init.ORTHOGONAL, radius, 100, 16, 0);
        for (int k = 0; k <= 100; k++) {
            assertEquals(value(r.boundLog10()[k] == null ? 0.0 : r.boundLog10()[k]), value(r.jacobianLog10Norms()[k]), EXACT);
            assertEquals((100 - k) * Math.log10(radius), value(r.jacobianLog10Norms()[k]), EXACT);
        }
        double slope = r.jacobianLog10Norms()[0] - r.jacobianLog10Norms()[1];
        assertEquals(Math.signum(radius - 1), Math.signum(Math.abs(slope) < 1e-12 ? 0 : slope));
        TEXT.assertBothContain("$\\lVert (0.9\\,Q)^n \\rVert = 0.9^n$");
    }

    /**
     * 3.15: tanh, radius 1.1 → 1.5 → 2: the curve falls more slowly as the radius grows, and it can keep
     * falling well past 1. Engine, hidden 16, T = 100, seeds 0–4, gaussian and orthogonal init:
     * jacobianLog10Norms[0] increases strictly with the radius (0.9, 1.1, 1.5, 2); at 1.1 it is below
     * −5 for both inits, and with gaussian init still below −2 at 1.5 (engine: −5 to −13).
     */
    @Test
    void tanhCurveFallsMoreSlowlyAsTheRadiusGrows() {
        double[] radii = {0.9, 1.1, 1.5, 2.0};
        for (Init init : new Init[] {Init.GAUSSIAN, Init.ORTHOGONAL}) {
            for (long seed = 0; seed < 5; seed++) {
                double[] end = new double[radii.length];
                for (int i = 0; i < radii.length; i++) {
                    end[i] = value(Engine.generatedRnn(Activation.TANH, init, radii[i], 100, 16, seed).jacobianLog10Norms()[0]);
                }
                String where = init + ", seed " + seed + ": " + Arrays.toString(end);
                for (int i = 1; i < radii.length; i++) {
                    assertTrue(end[i] > end[i - 1], where);
                }
                assertTrue(end[1] < -5, where);
                if (init == Init.GAUSSIAN) {
                    assertTrue(end[2] < -2, where);
                }
            }
        }
    }

    /**
     * 3.16: sigmoid (γ = 1/4) falls much faster than tanh: same weights and inputs, at least 30 decades
     * lower at T − k = 100 (engine: 37–50). With orthogonal init the bound slope is log10(ρ/4) < 0 for
     * every ρ < 4 (ρ = 3.9: −0.011 per step), 0 at ρ = 4.
     */
    @Test
    void sigmoidFallsMuchFasterAndItsBoundFallsBelowRadiusFour() {
        for (Init init : new Init[] {Init.GAUSSIAN, Init.ORTHOGONAL}) {
            for (long seed = 0; seed < 3; seed++) {
                double tanh = value(Engine.generatedRnn(Activation.TANH, init, 0.9, 100, 16, seed).jacobianLog10Norms()[0]);
                double sigmoid = value(Engine.generatedRnn(Activation.SIGMOID, init, 0.9, 100, 16, seed).jacobianLog10Norms()[0]);
                assertTrue(sigmoid < tanh - 30, init + ", seed " + seed + ": " + sigmoid + " vs " + tanh);
            }
        }
        GradientResult below = Engine.generatedRnn(Activation.SIGMOID, Init.ORTHOGONAL, 3.9, 10, 16, 0);
        assertEquals(Math.log10(3.9 / 4), value(below.boundLog10()[9]), EXACT);
        assertTrue(below.boundLog10()[9] < 0);
        GradientResult at = Engine.generatedRnn(Activation.SIGMOID, Init.ORTHOGONAL, 4.0, 10, 16, 0);
        assertEquals(0.0, value(at.boundLog10()[9]), 1e-12);
        TEXT.assertWritesRounded("any radius below ", "只要谱半径小于 ", 1 / Activation.SIGMOID.maxSlope());
    }

    /**
     * 3.17 (exercise 1, checked in the widget): orthogonal init, linear, radius 0.9, T = 100: the curve at
     * distance 50 is 50·log10 0.9 ≈ −2.288 (1e-9), a factor of about 194, which the widget's table writes as
     * 5.15 × 10⁻³.
     */
    @Test
    void orthogonalLinearAtDistanceFifty() {
        GradientResult r = Engine.generatedRnn(Activation.LINEAR, Init.ORTHOGONAL, 0.9, 100, 16, 0);
        double log10 = value(r.jacobianLog10Norms()[50]);
        assertEquals(50 * Math.log10(0.9), log10, EXACT);
        TEXT.assertWritesRounded("= 50 \\log_{10} 0.9 \\approx ", log10);
        TEXT.assertWritesRounded("passes $10^{", "经过 $10^{", log10);
        TEXT.assertWritesRounded("shrunk by a factor of about ", "梯度缩小了约 ", Math.pow(10, -log10));
        assertEquals("5.15 × 10⁻³", DataTable.powerOfTen(log10), "as the widget's table writes it");
        TEXT.assertBothContain("$5.15 \\times 10^{-3}$");
    }

    /**
     * 3.18 (exercise 2, predict then check): sigmoid, orthogonal, radius 3: γσ_max = 0.75 < 1, so the bound
     * falls by log10 0.75 ≈ −0.125 per step, −12.49 over 100, and the curve stays below it. Radius 3 is on
     * the widget's slider.
     */
    @Test
    void sigmoidAtRadiusThreeMustVanish() {
        GradientResult r = Engine.generatedRnn(Activation.SIGMOID, Init.ORTHOGONAL, 3.0, 100, 16, 0);
        assertEquals(3.0, r.largestSingularValue(), 1e-12);
        double perStep = Math.log10(Activation.SIGMOID.maxSlope() * 3.0);
        for (int k = 0; k < 100; k++) {
            assertEquals((100 - k) * perStep, value(r.boundLog10()[k]), EXACT);
            assertTrue(value(r.jacobianLog10Norms()[k]) <= r.boundLog10()[k] + EXACT, "k = " + k);
        }
        assertTrue(WidgetKind.RNN.control("scale").orElseThrow().max() >= 3.0, "radius 3 is on the slider");
        TEXT.assertBothContain("$\\gamma\\,\\sigma_{\\max} = 0.75 < 1$");
        TEXT.assertWritesRounded("$\\log_{10} 0.75 \\approx ", perStep);
        TEXT.assertWritesRounded("per step, $-", "100 步共下降 $-", -r.boundLog10()[0]);
    }

    /**
     * 3.19 (exercise 3): the off-diagonal entry 5n·0.9^(n−1) is largest, and equal, at n = 9 and 10 (≈ 19.37);
     * the engine's ‖Wⁿ‖ peaks at n = 9 (19.38), the highest point of the custom widget's curve.
     */
    @Test
    void transientPeaksAtNine() {
        assertEquals(5 * 9 * Math.pow(0.9, 8), 5 * 10 * Math.pow(0.9, 9), 1e-12);
        double entry = 5 * 9 * Math.pow(0.9, 8);
        TEXT.assertWritesRounded("5 \\cdot 10 \\cdot 0.9^9 \\approx ", entry);
        Double[] norms = Engine.linearRnnPowers(NON_NORMAL, 30).jacobianLog10Norms();
        int peak = 1;
        for (int n = 2; n <= 30; n++) if (norms[30 - n] > norms[30 - peak]) peak = n;
        assertEquals(9, peak);
        TEXT.assertWritesRounded("$\\lVert W^9 \\rVert_2 \\approx ", Math.pow(10, norms[30 - 9]));
    }

    /**
     * 3.20 (exercise 4): the bound 0.9^(T−k) drops below 10⁻⁶ beyond 6/0.04576 ≈ 131.1 steps; at 132 it is
     * 10^−6.04 and at 131 still above 10⁻⁶ (engine: a one-unit linear rnn with W = 0.9).
     */
    @Test
    void tanhBoundBelowOneMillionthFrom132Steps() {
        double at132 = value(Engine.linearRnnPowers(new double[][] {{0.9}}, 132).jacobianLog10Norms()[0]);
        double at131 = value(Engine.linearRnnPowers(new double[][] {{0.9}}, 131).jacobianLog10Norms()[0]);
        assertTrue(at132 < -6 && at131 > -6, at131 + ", " + at132);
        TEXT.assertWritesRounded("T - k > 6 / 0.04576 \\approx ", 6 / -Math.log10(0.9));
        TEXT.assertWritesRounded("the bound is $10^{", "上界为 $10^{", at132);
    }

    /** The controls the lesson tells the reader to set, named as the rnn and custom widgets label them. */
    @Test
    void theLessonNamesTheWidgetsControlsAsThePageShowsThem() {
        for (String key : new String[] {"scale", "activation", "init"}) TEXT.assertNamesControl(WidgetKind.RNN, key);
        TEXT.assertLanguagesContain("**" + org.gtt.widget.Text.key("custom.compute").in(org.gtt.content.Lang.EN) + "**",
                "**" + org.gtt.widget.Text.key("custom.compute").in(org.gtt.content.Lang.ZH) + "**");
    }
}
