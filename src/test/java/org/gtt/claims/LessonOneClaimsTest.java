package org.gtt.claims;

import static org.gtt.claims.Engine.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.gtt.engine.Activation;
import org.gtt.engine.DenseLayer;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 1 ("What vanishing and exploding gradients are"): each quantitative claim of
 * src/docs/lesson-claims.md (numbered 1.x there) computed with the engine and found in the text of both
 * languages. log10 norms are compared with an absolute tolerance of 1e-9 decades (relative 2e-9)
 * unless a test says otherwise.
 */
class LessonOneClaimsTest {
    private static final LessonText TEXT = LessonText.VANISHING;
    private static final double EXACT = 1e-9;

    /**
     * 1.1: 0.9^100 ≈ 2.7·10⁻⁵ and 1.1^100 ≈ 1.4·10⁴. A one-unit linear rnn h_t = a·h_{t−1} has
     * ∂h_100/∂h_0 = a^100, so the engine's jacobianLog10Norms[0] is 100·log10 a.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.9, 1.1})
    void repeatedFactorOverHundredSteps(double a) {
        double log10 = value(Engine.linearRnnPowers(new double[][] {{a}}, 100).jacobianLog10Norms()[0]);
        assertEquals(100 * Math.log10(a), log10, EXACT);
        int exponent = (int) Math.floor(log10);
        String mantissa = String.format(Locale.ROOT, "%.1f", Math.pow(10, log10 - exponent));
        TEXT.assertBothContain("$" + mantissa + " \\times 10^{" + exponent + "}$");
    }

    /**
     * 1.2: ∂h_L/∂h_k = J_L⋯J_{k+1} with J_ℓ = diag(φ′(a_ℓ))W_ℓ, and ∇_{h_k}L = (∂h_L/∂h_k)ᵀ∇_{h_L}L.
     * The product (built by the test from the formula) matches central differences of the forward pass
     * (1e-6 relative, step 1e-6), the engine's ‖∂h_L/∂h_k‖ and ‖∇_{h_k}L‖ (1e-9 decades), and the
     * input gradient matches central differences of the engine's own loss (step 1e-4; tolerance
     * 1e-6·(‖∇L‖ + L), since the loss is rebuilt from a log10 norm and keeps ~1e-15 relative precision).
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void chainRuleIsAProductOfLayerJacobians(Activation activation) {
        Random random = new Random(11);
        int depth = 6;
        List<DenseLayer> layers = Engine.randomLayers(random, depth, 5, 1.3, 0.3);
        double[] input = Engine.gaussianVector(random, 5);
        double[] target = Engine.gaussianVector(random, 5);
        GradientResult result = Engine.mlp(activation, layers, input, target);
        Unrolled net = Unrolled.mlp(activation, layers, input);
        double[] outputGradient = Unrolled.minus(net.state(depth), target);
        for (int k = 0; k < depth; k++) {
            net.assertJacobianMatchesFiniteDifferences(k);
            DMatrixRMaj product = net.jacobian(k);
            Engine.assertLog10Norm(NormOps_DDRM.normP2(product), result.jacobianLog10Norms()[k], "k = " + k);
            double[] gradient = Unrolled.transposeTimes(product, outputGradient);
            Engine.assertLog10Norm(Unrolled.norm(gradient), result.activationGradientLog10Norms()[k], "k = " + k);
        }
        double[] inputGradient = Unrolled.transposeTimes(net.jacobian(0), outputGradient);
        double[] fdGradient = engineLossGradientOverInput(activation, layers, input, target, 1e-4);
        double loss = Engine.loss(result);
        for (int j = 0; j < input.length; j++) {
            assertEquals(inputGradient[j], fdGradient[j], 1e-6 * (Unrolled.norm(inputGradient) + loss), "input " + j);
        }
        TEXT.assertBothContain("J_\\ell = \\frac{\\partial h_\\ell}{\\partial h_{\\ell-1}} = "
                + "\\operatorname{diag}\\big(\\phi'(a_\\ell)\\big)\\, W_\\ell");
        TEXT.assertBothContain("\\nabla_{h_k} \\mathcal{L} &= \\Big(\\frac{\\partial h_L}{\\partial h_k}\\Big)^{\\top}"
                + " \\nabla_{h_L} \\mathcal{L}");
    }

    private static double[] engineLossGradientOverInput(Activation activation, List<DenseLayer> layers,
                                                        double[] input, double[] target, double step) {
        double[] gradient = new double[input.length];
        for (int j = 0; j < input.length; j++) {
            double[] plus = input.clone();
            double[] minus = input.clone();
            plus[j] += step;
            minus[j] -= step;
            gradient[j] = (Engine.loss(Engine.mlp(activation, layers, plus, target))
                    - Engine.loss(Engine.mlp(activation, layers, minus, target))) / (2 * step);
        }
        return gradient;
    }

    /**
     * 1.3: ‖∇_{h_k}L‖ ≤ ∏_{ℓ>k} ‖diag φ′(a_ℓ)‖·‖W_ℓ‖₂ · ‖∇_{h_L}L‖ (submultiplicativity), and hence
     * also with γ = sup|φ′| in place of the actual slopes. Checked on 5 random nets per activation,
     * slopes from the test's forward pass, σ_max by EJML's SVD; slack 1e-9 decades.
     */
    @ParameterizedTest
    @EnumSource(Activation.class)
    void gradientNormBoundedByProductOfFactorNorms(Activation activation) {
        for (long seed = 0; seed < 5; seed++) {
            Random random = new Random(seed);
            int depth = 8;
            List<DenseLayer> layers = Engine.randomLayers(random, depth, 6, 1.5, 0.5);
            double[] input = Engine.gaussianVector(random, 6);
            GradientResult result = Engine.mlp(activation, layers, input, new double[6]);
            Unrolled net = Unrolled.mlp(activation, layers, input);
            Double[] gradient = result.activationGradientLog10Norms();
            double actual = value(gradient[depth]);
            double withGamma = actual;
            for (int k = depth - 1; k >= 0; k--) {
                double sigma = Engine.spectralNorm(layers.get(k).weight());
                actual += Math.log10(net.maxSlope(k + 1) * sigma);
                withGamma += Math.log10(activation.maxSlope() * sigma);
                if (gradient[k] != null) {
                    assertTrue(gradient[k] <= actual + EXACT, "seed " + seed + ", k = " + k);
                    assertTrue(gradient[k] <= withGamma + EXACT, "seed " + seed + ", k = " + k);
                }
            }
        }
        TEXT.assertBothContain("\\lVert \\nabla_{h_k} \\mathcal{L} \\rVert \\;\\le\\; \\prod_{\\ell=k+1}^{L} "
                + "\\big\\lVert \\operatorname{diag}(\\phi'(a_\\ell)) \\big\\rVert \\, \\lVert W_\\ell \\rVert");
    }

    /**
     * 1.4, 1.5: sigmoid′ = σ(1−σ) ≤ 1/4 and tanh′ = 1 − tanh² ≤ 1, each maximum attained only at x = 0.
     * The engine's slope (a one-step rnn with bias x) is exactly γ at 0, below γ elsewhere on a grid
     * over [−8, 8], and equals the closed form to 1e-12 relative.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH"})
    void squashingSlopeIsLargestOnlyAtZero(Activation activation) {
        double gamma = activation == Activation.SIGMOID ? 0.25 : 1.0;
        assertEquals(gamma, activation.maxSlope());
        assertEquals(gamma, Engine.slope(activation, 0.0), 1e-15);
        for (double x = -8; x <= 8; x += 0.25) {
            double slope = Engine.slope(activation, x);
            assertEquals(closedFormSlope(activation, x), slope, 1e-12 * slope, "x = " + x);
            assertTrue(x == 0 || slope < gamma, "x = " + x);
        }
        String row = activation == Activation.SIGMOID ? "sigmoid $\\sigma(x) = 1/(1+e^{-x})$" : "$\\tanh x$";
        TEXT.assertTableCell(row, 2, gammaAsWritten(activation));
        TEXT.assertTableCell(row, 3, "at $x = 0$ only", "仅在 $x = 0$");
    }

    /**
     * σ(1−σ) written as σ(x)σ(−x), and 1 − tanh² as 1/cosh²: the same functions without the
     * cancellation of 1 − (number near 1), which costs ~1e-10 relative at |x| = 8.
     */
    private static double closedFormSlope(Activation activation, double x) {
        if (activation == Activation.SIGMOID) {
            return 1 / (1 + Math.exp(-x)) / (1 + Math.exp(x));
        }
        double c = Math.cosh(x);
        return 1 / (c * c);
    }

    /** 1.6: ReLU′ ∈ {0, 1} (1 for every x > 0), linear′ = 1 everywhere; γ = 1 for both. */
    @Test
    void reluAndLinearSlopes() {
        for (double x = -3; x <= 3; x += 0.5) {
            // 1e-15: the slope comes back as 10^log10, which need not round-trip to exactly 1.
            assertEquals(x > 0 ? 1.0 : 0.0, Engine.slope(Activation.RELU, x), 1e-15, "relu at " + x);
            assertEquals(1.0, Engine.slope(Activation.LINEAR, x), 1e-15, "linear at " + x);
        }
        assertEquals(1.0, Activation.RELU.maxSlope());
        assertEquals(1.0, Activation.LINEAR.maxSlope());
        TEXT.assertTableCell("ReLU $\\max(0, x)$", 2, gammaAsWritten(Activation.RELU));
        TEXT.assertTableCell("ReLU $\\max(0, x)$", 1, "$0$ or $1$", "$0$ 或 $1$");
        TEXT.assertTableCell("linear $x$", "线性 $x$", 2, gammaAsWritten(Activation.LINEAR));
        TEXT.assertTableCell("linear $x$", "线性 $x$", 1, "$1$");
    }

    /** γ as the tables write it: "$1$" or "$1/4$". */
    static String gammaAsWritten(Activation activation) {
        double gamma = activation.maxSlope();
        return gamma == 1.0 ? "$1$" : "$1/" + Math.round(1 / gamma) + "$";
    }

    /** 1.7: σ′(2) ≈ 0.105, σ′(5) ≈ 0.0066, tanh′(2) ≈ 0.071, as the engine evaluates them. */
    @Test
    void saturatedSlopes() {
        TEXT.assertWritesRounded("$\\sigma'(2) \\approx ", Engine.slope(Activation.SIGMOID, 2));
        TEXT.assertWritesRounded("$\\sigma'(5) \\approx ", Engine.slope(Activation.SIGMOID, 5));
        TEXT.assertWritesRounded("$\\tanh'(2) \\approx ", Engine.slope(Activation.TANH, 2));
    }

    /**
     * 1.8: with ‖W_ℓ‖₂ = 1, ten sigmoid layers pass back at most (1/4)^10 ≈ 9.5·10⁻⁷ of the gradient.
     * Engine mlp: sigmoid, 10 square orthogonal layers (width 8 = input size), zero biases, 5 seeds:
     * log10‖∇_{h_0}L‖ − log10‖∇_{h_10}L‖ ≤ 10·log10(1/4) + 1e-9.
     */
    @Test
    void tenSigmoidLayersPassBackAtMostAQuarterToTheTenth() {
        double bound = 10 * Math.log10(Activation.SIGMOID.maxSlope());
        for (long seed = 0; seed < 5; seed++) {
            Double[] g = Engine.generatedMlp(Activation.SIGMOID, Init.ORTHOGONAL, 10, 8, 8, seed)
                    .activationGradientLog10Norms();
            assertTrue(value(g[0]) - value(g[10]) <= bound + EXACT, "seed " + seed + ": " + (g[0] - g[10]));
        }
        int exponent = (int) Math.floor(bound);
        String mantissa = String.format(Locale.ROOT, "%.1f", Math.pow(10, bound - exponent));
        TEXT.assertBothContain("$(1/4)^{10} \\approx " + mantissa + " \\times 10^{" + exponent + "}$");
    }

    /**
     * 1.9–1.12: linear, no bias, W_ℓ = a·I (2×2), 10 layers: ∇_{h_1}L = a⁹∇_{h_10}L for any input and
     * target, so activationGradientLog10Norms[1] − [10] = 9·log10 a (1e-9); the table's figures are
     * a⁹ rounded as written.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.5, 1.0, 0.5})
    void tenLayerScaledIdentityGivesAToTheNinth(double a) {
        double ratio = Math.pow(10, gradientRatioLog10(new double[][] {{a, 0}, {0, a}}, 10, new Random(3)));
        assertEquals(Math.pow(a, 9), ratio, 1e-9 * Math.pow(a, 9));
        if (a != 1.0) {
            String power = a == 1.5 ? "1.5" : "0.5";
            TEXT.assertEveryOccurrenceRounded(power + "^9 \\approx ", ratio);
        } else {
            TEXT.assertBothContain("| $1.0$ | $1$ |");
        }
    }

    /** 1.12: "about 38 times larger", "about 500 times smaller" (1/0.5⁹ = 512). */
    @Test
    void tenLayerRatiosInWords() {
        double up = Math.pow(10, gradientRatioLog10(new double[][] {{1.5, 0}, {0, 1.5}}, 10, new Random(4)));
        double down = Math.pow(10, -gradientRatioLog10(new double[][] {{0.5, 0}, {0, 0.5}}, 10, new Random(4)));
        TEXT.assertWritesRounded("layer's gradient about ", "大了约 ", up);
        TEXT.assertWritesRounded("makes it about ", "小了约 ", down);
    }

    /** 1.13: 50 layers, 49 factors: 1.5⁴⁹ ≈ 10^8.6 and 0.5⁴⁹ ≈ 10^−14.8 (engine, 1e-9 decades). */
    @ParameterizedTest
    @ValueSource(doubles = {1.5, 0.5})
    void fiftyLayers(double a) {
        double log10 = gradientRatioLog10(new double[][] {{a, 0}, {0, a}}, 50, new Random(5));
        assertEquals(49 * Math.log10(a), log10, EXACT);
        TEXT.assertWritesRounded(a == 1.5 ? "$1.5^{49} \\approx 10^{" : "$0.5^{49} \\approx 10^{", log10);
    }

    /** 1.14: W = 1.5·Q with Q a rotation preserves lengths up to 1.5, so the ratio is again 1.5⁹ (1e-9). */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void scaledRotationGivesTheSameRatio(double angle) {
        double log10 = gradientRatioLog10(Engine.scaled(Engine.rotation(angle), 1.5), 10, new Random(6));
        assertEquals(9 * Math.log10(1.5), log10, EXACT);
        TEXT.assertBothContain("$1.5\\,Q$");
        TEXT.assertBothContain("$1.5^9$");
    }

    /**
     * 1.15: W = diag(1.5, 0.5): W⁹ = diag(1.5⁹, 0.5⁹). With input 0 and target −e_i the output
     * gradient is e_i, so the gradient at layer 1 is 1.5⁹e₁ or 0.5⁹e₂; ‖∂h_10/∂h_1‖ = σ_max(W⁹) = 1.5⁹.
     */
    @Test
    void diagonalWeightExplodesOneAxisAndVanishesTheOther() {
        List<DenseLayer> layers = Engine.repeated(new double[][] {{1.5, 0}, {0, 0.5}}, 10);
        GradientResult alongFirst = Engine.mlp(Activation.LINEAR, layers, new double[2], new double[] {-1, 0});
        GradientResult alongSecond = Engine.mlp(Activation.LINEAR, layers, new double[2], new double[] {0, -1});
        double up = Math.pow(10, value(alongFirst.activationGradientLog10Norms()[1]));
        double down = Math.pow(10, value(alongSecond.activationGradientLog10Norms()[1]));
        assertEquals(Math.pow(1.5, 9), up, 1e-9 * up);
        assertEquals(Math.pow(0.5, 9), down, 1e-9 * down);
        assertEquals(9 * Math.log10(1.5), value(alongSecond.jacobianLog10Norms()[1]), EXACT);
        TEXT.assertWritesRounded("$W^9 = \\operatorname{diag}(", up);
        TEXT.assertWritesRounded("$W^9 = \\operatorname{diag}(38.44,\\; ", down);
    }

    /** log10(‖∇_{h_1}L‖/‖∇_{h_L}L‖) from the engine: linear, no bias, W in every layer, random input and target. */
    private static double gradientRatioLog10(double[][] w, int depth, Random random) {
        GradientResult result = Engine.mlp(Activation.LINEAR, Engine.repeated(w, depth),
                Engine.gaussianVector(random, 2), Engine.gaussianVector(random, 2));
        return value(result.activationGradientLog10Norms()[1]) - value(result.activationGradientLog10Norms()[depth]);
    }

    /**
     * 1.16: depth widget, sigmoid + xavier, 20 layers: the activation-gradient norm falls from output to
     * input by a factor of about four to five and a half per layer, twelve to fifteen decades in all
     * (4^20 = 10^12.0, 5.5^20 = 10^14.8). Measured in the engine at widths 8–256 (input size 4, zero
     * biases, target 0), seeds 0–4: 12.5–14.7 decades, 4.2–5.4 per layer.
     */
    @Test
    void sigmoidXavierFallsByAFactorOfFourToFivePerLayer() {
        for (int width : new int[] {8, 16, 64, 256}) {
            for (long seed = 0; seed < 5; seed++) {
                Double[] g = Engine.generatedMlp(Activation.SIGMOID, Init.XAVIER, 20, width, 4, seed)
                        .activationGradientLog10Norms();
                double drop = value(g[20]) - value(g[0]);
                String where = "width " + width + ", seed " + seed + ": " + drop + " decades";
                assertTrue(drop >= 12 && drop <= 15, where);
                double perLayer = Math.pow(10, drop / 20);
                assertTrue(perLayer >= 4 && perLayer < 5.5, where);
            }
        }
        TEXT.assertLanguagesContain("factor of about four to five and a half per layer", "每层缩小 4 到 5.5 倍");
        TEXT.assertLanguagesContain("twelve to fifteen powers of ten over 20 layers", "20 层下来差了十二到十五个数量级");
    }

    /**
     * 1.17: relu + he: the curve stays nearly level. Engine, widths 16 (the widget's) to 256, seeds 0–4:
     * the 21 log10 norms span less than 1.5 decades (measured 0.5–1.1) and never fall by more than 1.5
     * from layer 20 to layer 0. Narrower nets are left out on purpose: with 8 ReLU units a few dead units
     * decide the product, and single seeds lose up to 2.5 decades; the lesson makes no claim there.
     */
    @Test
    void reluHeStaysNearlyLevel() {
        for (int width : new int[] {16, 64, 256}) {
            for (long seed = 0; seed < 5; seed++) {
                Double[] g = Engine.generatedMlp(Activation.RELU, Init.HE, 20, width, 4, seed)
                        .activationGradientLog10Norms();
                double max = Double.NEGATIVE_INFINITY;
                double min = Double.POSITIVE_INFINITY;
                for (Double v : g) {
                    max = Math.max(max, value(v));
                    min = Math.min(min, value(v));
                }
                String where = "width " + width + ", seed " + seed;
                assertTrue(max - min < 1.5, where + ": span " + (max - min));
                assertTrue(g[0] - g[20] > -1.5, where + ": fall " + (g[0] - g[20]));
            }
        }
    }

    /**
     * 1.18: relu + xavier falls again, by a few (2–5) powers of ten over 20 layers; engine, widths 16–256,
     * seeds 0–4: 2.6–3.5 (width 8 is left out for the reason given at 1.17).
     */
    @Test
    void reluXavierFallsByAFewDecades() {
        for (int width : new int[] {16, 64, 256}) {
            for (long seed = 0; seed < 5; seed++) {
                Double[] g = Engine.generatedMlp(Activation.RELU, Init.XAVIER, 20, width, 4, seed)
                        .activationGradientLog10Norms();
                double drop = value(g[20]) - value(g[0]);
                assertTrue(drop >= 2 && drop <= 5, "width " + width + ", seed " + seed + ": " + drop);
            }
        }
    }

    /**
     * 1.19: sigmoid + xavier: the total drop grows in proportion to depth, drop(20)/drop(10) = 2 within
     * ±25 % (engine, widths 8–256, seeds 0–4: 1.80–2.26).
     */
    @Test
    void sigmoidXavierDropIsProportionalToDepth() {
        for (int width : new int[] {8, 16, 64, 256}) {
            for (long seed = 0; seed < 5; seed++) {
                double ratio = drop(width, 20, seed) / drop(width, 10, seed);
                assertTrue(ratio >= 1.5 && ratio <= 2.5, "width " + width + ", seed " + seed + ": " + ratio);
            }
        }
    }

    private static double drop(int width, int depth, long seed) {
        Double[] g = Engine.generatedMlp(Activation.SIGMOID, Init.XAVIER, depth, width, 4, seed)
                .activationGradientLog10Norms();
        return value(g[depth]) - value(g[0]);
    }

    /**
     * 1.20: ∂L/∂W_ℓ = δ_ℓh_{ℓ−1}ᵀ is rank one with ‖·‖_F = ‖δ_ℓ‖‖h_{ℓ−1}‖. The weight gradient is
     * taken by central differences of the engine's own loss (step 1e-6): its Frobenius norm matches the
     * engine's weightGradientNorms (1e-6 relative) and its second singular value is below 1e-6·the first.
     */
    @Test
    void weightGradientIsRankOne() {
        Random random = new Random(21);
        int depth = 4;
        List<DenseLayer> layers = Engine.randomLayers(random, depth, 3, 1.2, 0.4);
        double[] input = Engine.gaussianVector(random, 3);
        double[] target = Engine.gaussianVector(random, 3);
        GradientResult result = Engine.mlp(Activation.TANH, layers, input, target);
        for (int l = 0; l < depth; l++) {
            DMatrixRMaj fd = weightGradientByDifferences(layers, l, input, target, 1e-6);
            double[] singular = SingularOps_DDRM.singularValues(fd);
            Arrays.sort(singular);
            double largest = singular[singular.length - 1];
            assertEquals(result.weightGradientNorms()[l], NormOps_DDRM.normF(fd), 1e-6 * largest, "layer " + (l + 1));
            assertTrue(singular[singular.length - 2] < 1e-6 * largest, "layer " + (l + 1) + " is not rank one");
        }
        TEXT.assertBothContain("\\frac{\\partial \\mathcal{L}}{\\partial W_\\ell} = \\delta_\\ell \\, h_{\\ell-1}^{\\top}");
        TEXT.assertBothContain("$\\lVert \\delta_\\ell \\rVert \\, \\lVert h_{\\ell-1} \\rVert$");
    }

    private static DMatrixRMaj weightGradientByDifferences(List<DenseLayer> layers, int l, double[] input,
                                                          double[] target, double step) {
        double[][] w = layers.get(l).weight();
        DMatrixRMaj gradient = new DMatrixRMaj(w.length, w[0].length);
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w[0].length; j++) {
                double up = Engine.loss(Engine.mlp(Activation.TANH, withEntry(layers, l, i, j, step), input, target));
                double down = Engine.loss(Engine.mlp(Activation.TANH, withEntry(layers, l, i, j, -step), input, target));
                gradient.set(i, j, (up - down) / (2 * step));
            }
        }
        return gradient;
    }

    private static List<DenseLayer> withEntry(List<DenseLayer> layers, int l, int i, int j, double delta) {
        List<DenseLayer> copy = new ArrayList<>(layers);
        double[][] w = Engine.scaled(layers.get(l).weight(), 1.0);
        w[i][j] += delta;
        copy.set(l, new DenseLayer(w, layers.get(l).bias()));
        return copy;
    }

    /**
     * 1.21: in the W = a·I example, ∂L/∂W_ℓ = a⁹(h_10 − y)xᵀ for every layer: the engine's
     * weightGradientNorms are all a⁹‖a^10·x − y‖‖x‖ (1e-12 relative).
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.5, 0.5})
    void everyLayerGetsTheSameWeightGradient(double a) {
        Random random = new Random(7);
        double[] x = Engine.gaussianVector(random, 2);
        double[] y = Engine.gaussianVector(random, 2);
        GradientResult result = Engine.mlp(Activation.LINEAR, Engine.repeated(new double[][] {{a, 0}, {0, a}}, 10), x, y);
        double[] h10 = {Math.pow(a, 10) * x[0], Math.pow(a, 10) * x[1]};
        double expected = Math.pow(a, 9) * Unrolled.norm(Unrolled.minus(h10, y)) * Unrolled.norm(x);
        for (Double norm : result.weightGradientNorms()) {
            assertEquals(expected, norm, 1e-12 * expected);
        }
        TEXT.assertBothContain("\\frac{\\partial \\mathcal{L}}{\\partial W_\\ell} = a^{9}\\,(h_{10} - y)\\, x^{\\top}");
    }

    /**
     * 1.22: linear or ReLU, no biases: ⟨W_ℓ, ∂L/∂W_ℓ⟩ = ⟨h_L, ∇_{h_L}L⟩ for every ℓ. Reason: h_L is
     * positively homogeneous of degree 1 in each W_ℓ, so d/dt L(tW_ℓ) at t = 1 is ⟨h_L, ∇_{h_L}L⟩.
     * The left side is that derivative, by central differences of the engine's loss (exact for a
     * quadratic in t up to rounding: 1e-7 relative); the right side is
     * ½(‖h_L‖² + ‖h_L − y‖² − ‖y‖²), with ‖h_L‖ from the engine run with target 0.
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "RELU"})
    void weightTimesGradientIsTheSameAtEveryDepth(Activation activation) {
        Random random = new Random(13);
        int depth = 7;
        List<DenseLayer> layers = new ArrayList<>();
        for (DenseLayer layer : Engine.randomLayers(random, depth, 5, 1.4, 0)) {
            layers.add(new DenseLayer(layer.weight(), new double[5]));
        }
        double[] x = Engine.gaussianVector(random, 5);
        double[] y = Engine.gaussianVector(random, 5);
        double lossAtY = Engine.loss(Engine.mlp(activation, layers, x, y));
        double outputSquared = 2 * Engine.loss(Engine.mlp(activation, layers, x, new double[5]));
        double expected = 0.5 * (outputSquared + 2 * lossAtY - Math.pow(Unrolled.norm(y), 2));
        double step = 1e-4;
        for (int l = 0; l < depth; l++) {
            double up = Engine.loss(Engine.mlp(activation, scaledLayer(layers, l, 1 + step), x, y));
            double down = Engine.loss(Engine.mlp(activation, scaledLayer(layers, l, 1 - step), x, y));
            assertEquals(expected, (up - down) / (2 * step), 1e-7 * (Math.abs(expected) + lossAtY), "layer " + (l + 1));
        }
        TEXT.assertBothContain("$\\langle W_\\ell, \\partial \\mathcal{L}/\\partial W_\\ell \\rangle = "
                + "\\langle h_L, \\nabla_{h_L}\\mathcal{L} \\rangle$");
    }

    private static List<DenseLayer> scaledLayer(List<DenseLayer> layers, int l, double factor) {
        List<DenseLayer> copy = new ArrayList<>(layers);
        copy.set(l, new DenseLayer(Engine.scaled(layers.get(l).weight(), factor), layers.get(l).bias()));
        return copy;
    }

    /**
     * 1.23: Xavier draws Var(W_ij) = 2/(n_in + n_out), He 2/n_in. Sample variance of the engine's
     * generated weights (layersUsed), layer 1 (256×64) and layer 2 (256×256): within 5 % (the sampling
     * error's standard deviation is √(2/N) ≤ 1.1 %).
     */
    @ParameterizedTest
    @EnumSource(value = Init.class, names = {"XAVIER", "HE"})
    void initialisationVariances(Init init) {
        GradientResult result = Engine.generatedMlp(Activation.RELU, init, 2, 256, 64, 9);
        for (DenseLayer layer : result.layersUsed()) {
            int out = layer.weight().length;
            int in = layer.weight()[0].length;
            double expected = init == Init.XAVIER ? 2.0 / (in + out) : 2.0 / in;
            assertEquals(expected, sampleVariance(layer.weight()), 0.05 * expected, out + "×" + in);
        }
        TEXT.assertBothContain("$\\operatorname{Var}(W_{ij}) = 2/(n_{\\text{in}} + n_{\\text{out}})$");
        TEXT.assertBothContain("$\\operatorname{Var}(W_{ij}) = 2/n_{\\text{in}}$");
    }

    private static double sampleVariance(double[][] w) {
        double sum = 0;
        double squares = 0;
        int count = 0;
        for (double[] row : w) {
            for (double v : row) {
                sum += v;
                squares += v * v;
                count++;
            }
        }
        double mean = sum / count;
        return (squares - count * mean * mean) / (count - 1);
    }
}
