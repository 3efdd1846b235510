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
     * 1.4–1.7: linear, no bias, W_ℓ = a·I (2×2), 10 layers: ∇_{h_1}L = a⁹∇_{h_10}L for any input and
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

    /** 1.7: "about 38 times larger", "about 500 times smaller" (1/0.5⁹ = 512). */
    @Test
    void tenLayerRatiosInWords() {
        double up = Math.pow(10, gradientRatioLog10(new double[][] {{1.5, 0}, {0, 1.5}}, 10, new Random(4)));
        double down = Math.pow(10, -gradientRatioLog10(new double[][] {{0.5, 0}, {0, 0.5}}, 10, new Random(4)));
        TEXT.assertWritesRounded("layer's gradient about ", "大了约 ", up);
        TEXT.assertWritesRounded("makes it about ", "小了约 ", down);
    }

    /** 1.8: 50 layers, 49 factors: 1.5⁴⁹ ≈ 10^8.6 and 0.5⁴⁹ ≈ 10^−14.8 (engine, 1e-9 decades). */
    @ParameterizedTest
    @ValueSource(doubles = {1.5, 0.5})
    void fiftyLayers(double a) {
        double log10 = gradientRatioLog10(new double[][] {{a, 0}, {0, a}}, 50, new Random(5));
        assertEquals(49 * Math.log10(a), log10, EXACT);
        TEXT.assertWritesRounded(a == 1.5 ? "$1.5^{49} \\approx 10^{" : "$0.5^{49} \\approx 10^{", log10);
    }

    /** 1.9: W = 1.5·Q with Q a rotation preserves lengths up to 1.5, so the ratio is again 1.5⁹ (1e-9). */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.0, 2.5})
    void scaledRotationGivesTheSameRatio(double angle) {
        double log10 = gradientRatioLog10(Engine.scaled(Engine.rotation(angle), 1.5), 10, new Random(6));
        assertEquals(9 * Math.log10(1.5), log10, EXACT);
        TEXT.assertBothContain("$1.5\\,Q$");
        TEXT.assertBothContain("$1.5^9$");
    }

    /**
     * 1.10: W = diag(1.5, 0.5): W⁹ = diag(1.5⁹, 0.5⁹). With input 0 and target −e_i the output
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
}
