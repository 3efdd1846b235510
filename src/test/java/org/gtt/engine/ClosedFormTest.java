package org.gtt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cases whose answer is known in closed form, including products far outside the double range. */
class ClosedFormTest {
    private static final int T = 500;
    private static final int N = 8;

    /**
     * Linear rnn, W_hh = aI, zero input and h_0: ∂h_T/∂h_k = a^{T−k} I, so the log10 norm is exactly
     * (T−k)·log10 a. With a = 10^{±0.8} and T = 500 the product is 10^{±400}, beyond any double.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.8, -0.8, 0.0, 0.3})
    void scaledIdentityGivesPowersOfA(double log10A) {
        double a = Math.pow(10, log10A);
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, T, N, 2);
        builder.activation = Activation.LINEAR;
        builder.init = Init.IDENTITY;
        builder.scale = a;
        builder.inputs = new double[T][2];
        GradientResult result = GradientEngine.compute(builder.build());
        for (int k = 0; k <= T; k++) {
            double expected = (T - k) * StrictMath.log10(a);
            assertEquals(expected, result.jacobianLog10Norms()[k], 1e-9, "k = " + k);
            assertEquals(expected, result.boundLog10()[k], 1e-9, "bound at k = " + k);
        }
        assertEquals(a, result.spectralRadius(), 1e-12 * a);
        assertEquals(a, result.largestSingularValue(), 1e-12 * a);
        assertEquals(StrictMath.log10(a), result.stepLog10Norms()[0], 1e-12);
        assertTrue(result.notes().isEmpty(), result.notes().toString());
    }

    /** W_hh = ρQ with Q orthogonal: ‖(ρQ)^{T−k}‖₂ = ρ^{T−k} whatever the inputs (linear activation). */
    @ParameterizedTest
    @ValueSource(doubles = {0.9, 1.0, 1.05})
    void scaledOrthogonalGivesPowersOfRho(double rho) {
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, 200, 16, 4);
        builder.activation = Activation.LINEAR;
        builder.init = Init.ORTHOGONAL;
        builder.scale = rho;
        GradientResult result = GradientEngine.compute(builder.build());
        for (int k = 0; k <= 200; k++) {
            assertEquals((200 - k) * StrictMath.log10(rho), result.jacobianLog10Norms()[k], 1e-9, "k = " + k);
        }
        assertEquals(rho, result.spectralRadius(), 1e-12);
        for (double[] eigenvalue : result.eigenvalues()) {
            assertEquals(rho, Math.hypot(eigenvalue[0], eigenvalue[1]), 1e-12);
        }
    }

    /**
     * LSTM with i = o = 0 (biases −60: σ(−60) ≈ 1e−26) and the same f = σ(b_f) in every unit
     * (W_if = 0): h stays 0, c_t = f c_{t−1}, so ∂c_T/∂c_k = f^{T−k} I and
     * cellLog10Norms[k] = forgetProductLog10[k] = (T−k)·log10 σ(b_f). With b_f = −2 that is 10^{−462}.
     */
    @ParameterizedTest
    @ValueSource(doubles = {-2.0, 0.0, 3.0})
    void saturatedLstmCellFollowsTheForgetProduct(double forgetBias) {
        RecurrentWeights weights = lstmWeights(-60, forgetBias, -60);
        GradientRequest.Builder builder = TestModels.request(ModelType.LSTM, T, N, 3);
        builder.weights = weights;
        builder.c0 = TestModels.values(N, 1.0, 0.5);
        GradientResult result = GradientEngine.compute(builder.build());
        double perStep = StrictMath.log10(1.0 / (1.0 + StrictMath.exp(-forgetBias)));
        for (int k = 0; k <= T; k++) {
            double expected = (T - k) * perStep;
            assertEquals(expected, result.cellLog10Norms()[k], 1e-9, "cell k = " + k);
            assertEquals(expected, result.forgetProductLog10()[k], 1e-9, "forget product k = " + k);
        }
    }

    /** The 1997 LSTM (no forget gate, f ≡ 1) with i = 0: c_t = c_{t−1}, the cell Jacobian stays I. */
    @Test
    void lstmWithoutForgetGateKeepsTheCellJacobianAtIdentity() {
        GradientRequest.Builder builder = TestModels.request(ModelType.LSTM, T, N, 3);
        builder.weights = lstmWeights(-60, 0.0, 0.0);
        builder.forgetGate = false;
        builder.c0 = TestModels.values(N, -1.0, 0.3);
        GradientResult result = GradientEngine.compute(builder.build());
        for (int k = 0; k <= T; k++) {
            assertEquals(0.0, result.cellLog10Norms()[k], 1e-12, "k = " + k);
            assertEquals(0.0, result.forgetProductLog10()[k], 0.0, "k = " + k);
        }
    }

    /** GRU with z = 1 (update bias 50: 1 − z ≈ 2e−22): h_t = h_{t−1}, every Jacobian is I, log10 norm 0. */
    @Test
    void gruWithClosedUpdateGateKeepsTheState() {
        GradientRequest.Builder builder = TestModels.request(ModelType.GRU, T, N, 3);
        builder.updateBias = 50;
        GradientResult result = GradientEngine.compute(builder.build());
        for (int k = 0; k <= T; k++) {
            assertEquals(0.0, result.jacobianLog10Norms()[k], 1e-12, "k = " + k);
        }
    }

    /** Pascanu et al.: ‖∂h_T/∂h_k‖ ≤ (γ σ_max)^{T−k}, for saturating activations too. */
    @ParameterizedTest
    @ValueSource(strings = {"TANH", "SIGMOID", "RELU"})
    void normsStayBelowPascanusBound(String activation) {
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, 300, 16, 4);
        builder.activation = Activation.valueOf(activation);
        builder.scale = 1.5;
        GradientResult result = GradientEngine.compute(builder.build());
        for (int k = 0; k <= 300; k++) {
            Double actual = result.jacobianLog10Norms()[k];
            assertTrue(actual == null || actual <= result.boundLog10()[k] + 1e-9, "k = " + k);
        }
    }

    /** ReLU rnn whose pre-activations are all negative (b_ih = −100): every slope is 0, every product 0. */
    @Test
    void deadReluGivesNullNormsWithANote() {
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, 20, N, 2);
        builder.activation = Activation.RELU;
        RecurrentWeights generated = WeightInit.recurrent(builder.build());
        java.util.Arrays.fill(generated.biasIh(), -100);
        builder.weights = generated;
        GradientResult result = GradientEngine.compute(builder.build());
        assertEquals(0.0, result.jacobianLog10Norms()[20]);
        for (int k = 0; k < 20; k++) {
            assertNull(result.jacobianLog10Norms()[k]);
            assertNull(result.stepLog10Norms()[k]);
            assertNotNull(result.boundLog10()[k]);
        }
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("jacobianLog10Norms is null at indices 0–19")),
                result.notes().toString());
    }

    /** A zero recurrent matrix (rnn scale 0): the bound is 0 too, reported as null with a note. */
    @Test
    void zeroRecurrentMatrixGivesNullBound() {
        GradientRequest.Builder builder = TestModels.request(ModelType.RNN, 5, N, 2);
        builder.scale = 0;
        GradientResult result = GradientEngine.compute(builder.build());
        assertNull(result.boundLog10()[0]);
        assertNull(result.jacobianLog10Norms()[4]);
        assertEquals(0.0, result.spectralRadius());
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("boundLog10 is null")));
    }

    /** Gate rows i, f, g, o; W_hh random but irrelevant once h ≡ 0; W_ih = 0 so every unit's f is equal. */
    private static RecurrentWeights lstmWeights(double inputBias, double forgetBias, double outputBias) {
        GradientRequest.Builder builder = TestModels.request(ModelType.LSTM, 1, N, 3);
        RecurrentWeights generated = WeightInit.recurrent(builder.build());
        double[][] weightIh = new double[4 * N][3];
        double[] biasIh = new double[4 * N];
        for (int u = 0; u < N; u++) {
            biasIh[u] = inputBias;
            biasIh[N + u] = forgetBias;
            biasIh[3 * N + u] = outputBias;
        }
        return new RecurrentWeights(weightIh, generated.weightHh(), biasIh, new double[4 * N]);
    }
}
