package org.gtt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.gtt.engine.Activation;
import org.gtt.engine.DenseLayer;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;

/** Requests to the real engine, with the explicit weights the lessons state. */
final class Engine {
    private Engine() {}

    /** The mlp h_ℓ = φ(W_ℓ h_{ℓ−1} + b_ℓ) with loss ½‖h_L − target‖². */
    static GradientResult mlp(Activation activation, List<DenseLayer> layers, double[] input, double[] target) {
        GradientRequest.Builder b = GradientRequest.defaults(ModelType.MLP).toBuilder();
        b.activation = activation;
        b.steps = layers.size();
        b.hidden = layers.get(0).weight().length;
        b.inputSize = input.length;
        b.layers = layers;
        b.inputs = new double[][] {input};
        b.target = target;
        return GradientEngine.compute(b.build());
    }

    /** An mlp with generated weights, as the depth widget makes it (zero biases, target 0). */
    static GradientResult generatedMlp(Activation activation, Init init, int depth, int width, int inputSize,
                                       long seed) {
        GradientRequest.Builder b = generated(ModelType.MLP, activation, init, depth, width, seed);
        b.inputSize = inputSize;
        return GradientEngine.compute(b.build());
    }

    /** The rnn with generated weights, W_hh rescaled to spectral radius {@code radius}, as in the rnn widget. */
    static GradientResult generatedRnn(Activation activation, Init init, double radius, int steps, int hidden,
                                       long seed) {
        GradientRequest.Builder b = generated(ModelType.RNN, activation, init, steps, hidden, seed);
        b.scale = radius;
        return GradientEngine.compute(b.build());
    }

    /** The lstm as the lstm widget asks for it: generated weights (gaussian, gain 1), inputs N(0, 1). */
    static GradientResult generatedLstm(double forgetBias, boolean forgetGate, int steps, int hidden, long seed) {
        GradientRequest.Builder b = GradientRequest.defaults(ModelType.LSTM).toBuilder();
        b.forgetBias = forgetBias;
        b.forgetGate = forgetGate;
        b.steps = steps;
        b.hidden = hidden;
        b.seed = seed;
        return GradientEngine.compute(b.build());
    }

    /** The gru as the gru widget asks for it. */
    static GradientResult generatedGru(double updateBias, int steps, int hidden, long seed) {
        GradientRequest.Builder b = GradientRequest.defaults(ModelType.GRU).toBuilder();
        b.updateBias = updateBias;
        b.steps = steps;
        b.hidden = hidden;
        b.seed = seed;
        return GradientEngine.compute(b.build());
    }

    /**
     * An lstm or gru (4 units) with every weight zero (scale 0): no gate reads its input or h, so each gate is
     * σ(gateBias) at every step (the forget gate of the lstm, the update gate of the gru).
     */
    static GradientResult zeroWeights(ModelType model, int steps, double gateBias, boolean forgetGate) {
        GradientRequest.Builder b = GradientRequest.defaults(model).toBuilder();
        b.steps = steps;
        b.hidden = 4;
        b.scale = 0.0;
        b.forgetBias = model == ModelType.LSTM ? gateBias : 0.0;
        b.updateBias = model == ModelType.GRU ? gateBias : 0.0;
        b.forgetGate = forgetGate;
        return GradientEngine.compute(b.build());
    }

    /** A gated model (lstm or gru) with explicit weights, inputs one row per step, zero initial state. */
    static GradientResult gated(ModelType model, RecurrentWeights weights, double[][] inputs, boolean forgetGate) {
        GradientRequest.Builder b = GradientRequest.defaults(model).toBuilder();
        b.steps = inputs.length;
        b.hidden = weights.weightHh()[0].length;
        b.inputSize = inputs[0].length;
        b.weights = weights;
        b.inputs = inputs;
        b.forgetGate = forgetGate;
        return GradientEngine.compute(b.build());
    }

    private static GradientRequest.Builder generated(ModelType model, Activation activation, Init init, int steps,
                                                     int hidden, long seed) {
        GradientRequest.Builder b = GradientRequest.defaults(model).toBuilder();
        b.activation = activation;
        b.init = init;
        b.steps = steps;
        b.hidden = hidden;
        b.seed = seed;
        return b;
    }

    /** An rnn with explicit weights; inputs has one row per step. */
    static GradientResult rnn(Activation activation, RecurrentWeights weights, double[][] inputs, double[] h0) {
        GradientRequest.Builder b = GradientRequest.defaults(ModelType.RNN).toBuilder();
        b.activation = activation;
        b.steps = inputs.length;
        b.hidden = weights.weightHh().length;
        b.inputSize = inputs[0].length;
        b.weights = weights;
        b.inputs = inputs;
        b.h0 = h0;
        return GradientEngine.compute(b.build());
    }

    /** A linear rnn h_t = W h_{t−1} with zero inputs: ∂h_T/∂h_k = W^{T−k}. */
    static GradientResult linearRnnPowers(double[][] w, int steps) {
        int n = w.length;
        RecurrentWeights weights = new RecurrentWeights(new double[n][1], w, new double[n], new double[n]);
        return rnn(Activation.LINEAR, weights, new double[steps][1], new double[n]);
    }

    /**
     * φ′(x) as the engine measures it: a one-unit, one-step rnn with W_hh = 1, W_ih = 0, bias x and
     * h_0 = 0 has a_1 = x and step Jacobian φ′(x)·1.
     */
    static double slope(Activation activation, double x) {
        RecurrentWeights weights = new RecurrentWeights(new double[][] {{0}}, new double[][] {{1}},
                new double[] {x}, new double[] {0});
        Double log10 = rnn(activation, weights, new double[][] {{0}}, new double[] {0}).stepLog10Norms()[0];
        return log10 == null ? 0.0 : Math.pow(10, log10);
    }

    /** ½‖h_L − target‖², recovered from the engine's ‖∂loss/∂h_L‖ = ‖h_L − target‖. */
    static double loss(GradientResult result) {
        Double[] log10 = result.activationGradientLog10Norms();
        Double last = log10[log10.length - 1];
        return last == null ? 0.0 : 0.5 * Math.pow(10, 2 * last);
    }

    static double value(Double log10) {
        assertNotNull(log10, "the engine reported an exactly zero norm");
        return log10;
    }

    /** The engine's log10 norm is log10 of {@code expected} (1e-9 decades), or null when {@code expected} is 0. */
    static void assertLog10Norm(double expected, Double engine, String where) {
        if (expected == 0) {
            assertNull(engine, where + ": the engine should report an exactly zero norm as null");
        } else {
            assertEquals(Math.log10(expected), value(engine), 1e-9, where);
        }
    }

    static List<DenseLayer> repeated(double[][] w, int depth) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            layers.add(new DenseLayer(w, new double[w.length]));
        }
        return layers;
    }

    /** Square layers with N(0, gain²/n) weights and N(0, biasStd²) biases. */
    static List<DenseLayer> randomLayers(Random random, int depth, int width, double gain, double biasStd) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) {
            layers.add(new DenseLayer(gaussian(random, width, width, gain / Math.sqrt(width)),
                    gaussian(random, 1, width, biasStd)[0]));
        }
        return layers;
    }

    static double[][] gaussian(Random random, int rows, int cols, double std) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = std * random.nextGaussian();
            }
        }
        return m;
    }

    static double[] gaussianVector(Random random, int size) {
        return gaussian(random, 1, size, 1.0)[0];
    }

    /** Spectral norm (largest singular value), by EJML's SVD: independent of the engine's power iteration. */
    static double spectralNorm(double[][] m) {
        return NormOps_DDRM.normP2(new DMatrixRMaj(m));
    }

    static double[][] rotation(double angle) {
        return new double[][] {{Math.cos(angle), -Math.sin(angle)}, {Math.sin(angle), Math.cos(angle)}};
    }

    static double[][] scaled(double[][] m, double factor) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int j = 0; j < out[i].length; j++) {
                out[i][j] *= factor;
            }
        }
        return out;
    }
}
