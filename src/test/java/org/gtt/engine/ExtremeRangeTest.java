package org.gtt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Products and gradients beyond the double range come back as exact log10 values, never ±∞ or NaN. */
class ExtremeRangeTest {

    /**
     * Linear mlp, 100 layers W = aI (n = 8), zero bias: ∂h_L/∂h_k = a^{L−k} I, log10 norm (L−k)·log10 a;
     * a = 10^{±4} gives 10^{±400}. The input is e_1·2^{−600} for a = 10^4 (so h_L ≈ 10^{219} stays
     * finite) and e_1·2^{600} for a = 10^{−4} (h_L ≈ 10^{−220} does not underflow): the loss gradient ∂loss/∂h_k = a^{L−k} h_L has the closed form
     * log10‖∂loss/∂h_k‖ = log10‖h_L‖ + (L−k)·log10 a.
     */
    @ParameterizedTest
    @ValueSource(doubles = {4.0, -4.0})
    void hundredLayerProductsBeyondTheDoubleRange(double log10A) {
        int depth = 100;
        GradientRequest.Builder builder = TestModels.request(ModelType.MLP, depth, 8, 8);
        builder.activation = Activation.LINEAR;
        builder.init = Init.IDENTITY;
        builder.scale = Math.pow(10, log10A);
        double[] input = new double[8];
        input[0] = Math.scalb(1.0, log10A > 0 ? -600 : 600);
        builder.inputs = new double[][] {input};
        GradientResult result = GradientEngine.compute(builder.build());
        double log10A1 = StrictMath.log10(builder.scale);
        double log10Output = StrictMath.log10(input[0]) + depth * log10A1;
        for (int k = 0; k <= depth; k++) {
            assertEquals((depth - k) * log10A1, result.jacobianLog10Norms()[k], 1e-9, "k = " + k);
            assertEquals(log10Output + (depth - k) * log10A1, result.activationGradientLog10Norms()[k], 1e-9);
        }
        if (log10A > 0) {
            assertNull(result.weightGradientNorms()[0], "beyond the double range");
            assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("weightGradientNorms is null")));
        }
        for (Double log : result.weightGradientLog10Norms()) {
            assertTrue(Double.isFinite(log));
        }
    }

    /** A forward pass that leaves the double range is refused, not answered with NaN. */
    @Test
    void overflowingStateIsRefused() {
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, 500, 8, 2);
        builder.activation = Activation.LINEAR;
        builder.init = Init.IDENTITY;
        builder.scale = 10;
        StateOverflowException error = assertThrows(StateOverflowException.class,
                () -> GradientEngine.compute(builder.build()));
        assertTrue(error.step() > 300 && error.step() < 320, "step " + error.step());
    }

    /**
     * The reviewer's lstm (n = 1, c_0 = 1e308, zero inputs and biases, W_hf = 1e10): the forward pass
     * is finite, but at step 1 (a_f = 0) ∂c_1/∂h_0 holds c_0·σ′(0)·W_hf = 2.5e307 × 1e10 = +∞. (Later
     * steps have a_f = 1e10·h_{t−1} = 5e9, where σ′ underflows to 0.) It once hung the eigenvalue
     * bisection on NaN; it must be refused, naming step 1. The timeout only guards against a hang.
     */
    @Test
    void lstmStepJacobianBeyondTheDoubleRangeIsRefused() {
        GradientRequest.Builder builder = TestModels.request(ModelType.LSTM, 3, 1, 1);
        builder.weights = new RecurrentWeights(new double[4][1], new double[][] {{1}, {1e10}, {1}, {1}},
                new double[4], new double[4]);
        builder.inputs = new double[3][1];
        builder.c0 = new double[] {1e308};
        StateOverflowException error = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(StateOverflowException.class, () -> GradientEngine.compute(builder.build())));
        assertEquals(1, error.step());
        assertTrue(error.getMessage().contains("step Jacobian"), error.getMessage());
    }

    /**
     * W_hh = 1e308·[[1, −1], [1, 1]] = √2·1e308 · (a 45° rotation): every eigenvalue has modulus √2·1e308
     * and every singular value is √2·1e308, both still doubles, though EJML's eigen-solver overflows
     * on the unscaled matrix. With all four entries 1e308 the top eigenvalue and singular value are
     * 2e308, beyond the double range: refused.
     */
    @Test
    void recurrentMatrixFactsNearTheDoubleLimit() {
        double big = 1e308;
        GradientResult result = GradientEngine.compute(rnnWithZeroInputs(new double[][] {{big, -big}, {big, big}}));
        assertEquals(Math.sqrt(2) * big, result.spectralRadius(), 1e-12 * big);
        assertEquals(Math.sqrt(2) * big, result.largestSingularValue(), 1e-12 * big);
        assertEquals(big, result.eigenvalues()[0][0], 1e-12 * big);
        assertEquals(big, Math.abs(result.eigenvalues()[0][1]), 1e-12 * big);
        assertThrows(StateOverflowException.class,
                () -> GradientEngine.compute(rnnWithZeroInputs(new double[][] {{big, big}, {big, big}})));
    }

    private static GradientRequest rnnWithZeroInputs(double[][] weightHh) {
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, 4, 2, 1);
        builder.weights = new RecurrentWeights(new double[2][1], weightHh, new double[2], new double[2]);
        builder.inputs = new double[4][1];
        return builder.build();
    }

    /**
     * A linear 1-1-1 mlp with both weights a = 1.5·2^1023 (near the largest double), input x = 2^−1060,
     * target 0: h_1 = a·x, h_2 = a²x, and ∂loss/∂h_k = a^{2−k}·h_2, so
     * log10‖∂loss/∂h_k‖ = log10 x + (4 − k)·log10 a, and ‖∂loss/∂W_ℓ‖ = ‖∂loss/∂h_ℓ‖·|h_{ℓ−1}|.
     * W_2ᵀ times the rescaled gradient used to overflow to +∞ although every weight and state is finite.
     */
    @Test
    void lossGradientThroughWeightsNearTheDoubleLimit() {
        double a = Math.scalb(1.5, 1023);
        double x = Math.scalb(1.0, -1060);
        GradientRequest.Builder builder = TestModels.request(ModelType.MLP, 2, 1, 1);
        builder.activation = Activation.LINEAR;
        builder.layers = List.of(new DenseLayer(new double[][] {{a}}, new double[1]),
                new DenseLayer(new double[][] {{a}}, new double[1]));
        builder.inputs = new double[][] {{x}};
        GradientResult result = GradientEngine.compute(builder.build());
        double log10A = StrictMath.log10(1.5) + 1023 * StrictMath.log10(2);
        double log10X = -1060 * StrictMath.log10(2);
        double[] log10H = {log10X, log10X + log10A, log10X + 2 * log10A};
        for (int k = 0; k <= 2; k++) {
            assertEquals(log10X + (4 - k) * log10A, result.activationGradientLog10Norms()[k], 1e-12, "k = " + k);
        }
        for (int layer = 1; layer <= 2; layer++) {
            assertEquals(log10X + (4 - layer) * log10A + log10H[layer - 1],
                    result.weightGradientLog10Norms()[layer - 1], 1e-12, "layer " + layer);
        }
    }

    /**
     * The bisection for the top eigenvalue of a tridiagonal matrix: bounded on the widest finite
     * interval (diag(±1.5e308), answer 1.5e308), and a NaN entry throws instead of looping forever.
     */
    @Test
    void tridiagonalBisectionStopsOnExtremeAndNanEntries() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            double[] beta = {0.0};
            assertEquals(1.5e308, SymmetricTridiagonal.largestEigenvalue(new double[] {-1.5e308, 1.5e308}, beta, 2),
                    1e-15 * 1.5e308);
            assertEquals(1e-300, SymmetricTridiagonal.largestEigenvalue(new double[] {-1e300, 1e-300}, beta, 2),
                    1e-315);
            assertThrows(ArithmeticException.class,
                    () -> SymmetricTridiagonal.largestEigenvalue(new double[] {1, Double.NaN}, beta, 2));
            assertThrows(ArithmeticException.class,
                    () -> SymmetricTridiagonal.largestEigenvalue(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY}, 2));
        });
    }
}
