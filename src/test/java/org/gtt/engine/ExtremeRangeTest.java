package org.gtt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
