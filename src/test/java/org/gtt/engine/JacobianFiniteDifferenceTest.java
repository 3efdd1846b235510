package org.gtt.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Jacobian against central finite differences (error O(h²), h = 1e−5): each step Jacobian
 * element by element, and each reported norm log10‖∂s_T/∂s_k‖₂ against the SVD of the
 * finite-difference Jacobian of the composed steps k+1..T. Relative error < 1e−6 throughout.
 */
class JacobianFiniteDifferenceTest {
    private static final double TOLERANCE = 1e-6;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation activation : Activation.values()) {
            cases.add(Arguments.of(ModelType.RNN, activation, true));
            cases.add(Arguments.of(ModelType.MLP, activation, true));
        }
        cases.add(Arguments.of(ModelType.LSTM, Activation.TANH, true));
        cases.add(Arguments.of(ModelType.LSTM, Activation.TANH, false));
        cases.add(Arguments.of(ModelType.GRU, Activation.TANH, true));
        return cases.stream();
    }

    private static GradientRequest request(ModelType model, Activation activation, boolean forgetGate) {
        GradientRequest.Builder builder = TestModels.request(model, 6, 5, 3);
        builder.activation = activation;
        builder.forgetGate = forgetGate;
        builder.scale = 1.3;
        builder.forgetBias = 0.7;
        builder.updateBias = -0.4;
        builder.h0 = TestModels.values(5, -0.4, 0.17);
        builder.c0 = TestModels.values(5, 0.9, -0.35);
        if (model == ModelType.MLP) {
            builder.inputs = new double[][] {TestModels.values(3, 0.8, -0.5)};
            builder.target = TestModels.values(5, 0.1, 0.05);
        }
        return builder.build();
    }

    @ParameterizedTest(name = "{0} {1} forgetGate={2}")
    @MethodSource("cases")
    void stepJacobiansMatchFiniteDifferences(ModelType type, Activation activation, boolean forgetGate) {
        GradientRequest request = request(type, activation, forgetGate);
        ForwardModel model = TestModels.model(request, GradientEngine.compute(request));
        for (int t = 1; t <= model.steps(); t++) {
            int step = t;
            DMatrixRMaj analytic = new DMatrixRMaj(model.stateSize(t), model.stateSize(t - 1));
            model.stepJacobian(t, analytic);
            DMatrixRMaj numeric = FiniteDifference.jacobian(s -> model.step(step, s), model.state(t - 1));
            double error = FiniteDifference.relativeError(analytic, numeric);
            assertTrue(error < TOLERANCE, "step " + t + " relative error " + error);
        }
    }

    @ParameterizedTest(name = "{0} {1} forgetGate={2}")
    @MethodSource("cases")
    void reportedNormsMatchFiniteDifferenceProducts(ModelType type, Activation activation, boolean forgetGate) {
        GradientRequest request = request(type, activation, forgetGate);
        GradientResult result = GradientEngine.compute(request);
        ForwardModel model = TestModels.model(request, result);
        int steps = model.steps();
        assertEquals(0.0, result.jacobianLog10Norms()[steps]);
        for (int k = 0; k < steps; k++) {
            int from = k;
            DMatrixRMaj numeric = FiniteDifference.jacobian(s -> TestModels.runFrom(model, from, s), model.state(k));
            assertRelative(FiniteDifference.spectralNorm(numeric), result.jacobianLog10Norms()[k], "J_" + k);
            if (type == ModelType.LSTM) {
                int n = request.hidden();
                DMatrixRMaj cellBlock = new DMatrixRMaj(n, n);
                org.ejml.dense.row.CommonOps_DDRM.extract(numeric, n, 2 * n, n, 2 * n, cellBlock, 0, 0);
                assertRelative(FiniteDifference.spectralNorm(cellBlock), result.cellLog10Norms()[k], "cell " + k);
            }
            int t = k + 1;
            DMatrixRMaj step = FiniteDifference.jacobian(s -> model.step(t, s), model.state(k));
            assertRelative(FiniteDifference.spectralNorm(step), result.stepLog10Norms()[k], "step " + t);
        }
    }

    private static void assertRelative(double expected, Double log10, String what) {
        double actual = Math.pow(10, log10);
        double error = Math.abs(actual - expected) / expected;
        assertTrue(error < TOLERANCE, what + ": engine " + actual + " vs finite differences " + expected);
    }
}
