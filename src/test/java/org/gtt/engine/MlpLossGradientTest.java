package org.gtt.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The mlp's loss gradients against central finite differences of ½‖h_L − target‖²: every entry of
 * every ∂loss/∂W_ℓ (and its reported Frobenius norm), and ‖∂loss/∂h_k‖ for every layer k, for
 * every activation. Relative error < 1e−6.
 */
class MlpLossGradientTest {
    private static final double TOLERANCE = 1e-6;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void weightAndActivationGradientsMatchFiniteDifferences(Activation activation) {
        GradientRequest.Builder builder = TestModels.request(ModelType.MLP, 4, 5, 3);
        builder.activation = activation;
        builder.init = Init.XAVIER;
        builder.scale = 1.5;
        builder.inputs = new double[][] {TestModels.values(3, 0.9, -0.6)};
        builder.target = TestModels.values(5, 0.2, -0.1);
        GradientRequest request = builder.build();
        GradientResult result = GradientEngine.compute(request);
        List<DenseLayer> layers = result.layersUsed();
        Mlp mlp = (Mlp) TestModels.model(request, result);
        Mlp.LossGradient gradient = mlp.lossGradient(request.target());

        for (int layer = 1; layer <= layers.size(); layer++) {
            DMatrixRMaj numeric = numericWeightGradient(layers, layer, request);
            DMatrixRMaj analytic = new DMatrixRMaj(mlp.weightGradient(gradient, layer));
            double error = FiniteDifference.relativeError(analytic, numeric);
            assertTrue(error < TOLERANCE, "W_" + layer + " relative error " + error);
            double frobenius = Math.sqrt(org.ejml.dense.row.CommonOps_DDRM.elementSum(squared(numeric)));
            assertClose(frobenius, result.weightGradientNorms()[layer - 1], "‖∂loss/∂W_" + layer + "‖");
            assertClose(frobenius, Math.pow(10, result.weightGradientLog10Norms()[layer - 1]), "log10 of it");
        }
        for (int k = 0; k <= layers.size(); k++) {
            int from = k;
            double[] numeric = FiniteDifference.gradient(
                    h -> loss(TestModels.runFrom(mlp, from, h), request.target()), mlp.state(k));
            assertClose(norm(numeric), Math.pow(10, result.activationGradientLog10Norms()[k]), "‖∂loss/∂h_" + k + "‖");
        }
    }

    private static DMatrixRMaj numericWeightGradient(List<DenseLayer> layers, int layer, GradientRequest request) {
        double[][] weight = layers.get(layer - 1).weight();
        int cols = weight[0].length;
        double[] flat = new double[weight.length * cols];
        for (int i = 0; i < weight.length; i++) {
            System.arraycopy(weight[i], 0, flat, i * cols, cols);
        }
        double[] numeric = FiniteDifference.gradient(w -> {
            double[][] changed = new double[weight.length][cols];
            for (int i = 0; i < weight.length; i++) {
                System.arraycopy(w, i * cols, changed[i], 0, cols);
            }
            List<DenseLayer> copy = new java.util.ArrayList<>(layers);
            copy.set(layer - 1, new DenseLayer(changed, layers.get(layer - 1).bias()));
            Mlp perturbed = new Mlp(copy, request.inputs()[0], request.activation());
            return loss(perturbed.output(), request.target());
        }, flat);
        return new DMatrixRMaj(weight.length, cols, true, numeric);
    }

    private static double loss(double[] output, double[] target) {
        double sum = 0;
        for (int i = 0; i < output.length; i++) {
            double d = output[i] - target[i];
            sum += d * d;
        }
        return 0.5 * sum;
    }

    private static DMatrixRMaj squared(DMatrixRMaj m) {
        DMatrixRMaj out = m.copy();
        org.ejml.dense.row.CommonOps_DDRM.elementMult(out, m);
        return out;
    }

    private static double norm(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }

    private static void assertClose(double expected, double actual, String what) {
        double error = Math.abs(actual - expected) / expected;
        assertTrue(error < TOLERANCE, what + ": engine " + actual + " vs finite differences " + expected);
    }
}
