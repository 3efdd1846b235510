package org.gtt.engine;

import java.util.List;

/**
 * Everything the engine needs for one computation. The web layer validates and fills defaults;
 * {@code weights}/{@code layers}, {@code inputs}, {@code h0}, {@code c0} and {@code target} are null
 * when they are to be generated (or zero). For mlp, {@code steps} is the depth L, {@code hidden} the
 * width, and {@code inputs} has one row: the input vector h_0.
 */
public record GradientRequest(
        ModelType model,
        int steps,
        int hidden,
        int inputSize,
        Activation activation,
        Init init,
        double scale,
        double forgetBias,
        double updateBias,
        boolean forgetGate,
        long seed,
        RecurrentWeights weights,
        List<DenseLayer> layers,
        double[][] inputs,
        double[] h0,
        double[] c0,
        double[] target) {

    /** Rows per gate block of the stacked recurrent matrices. */
    public static int gateCount(ModelType model) {
        return switch (model) {
            case RNN -> 1;
            case LSTM -> 4;
            case GRU -> 3;
            case MLP -> 0;
        };
    }

    public static GradientRequest defaults(ModelType model) {
        boolean mlp = model == ModelType.MLP;
        return new GradientRequest(model, mlp ? 20 : 100, 16, 4,
                mlp ? Activation.RELU : Activation.TANH, mlp ? Init.HE : Init.GAUSSIAN,
                1.0, 0.0, 0.0, true, 0L, null, null, null, null, null, null);
    }
    public Builder toBuilder() { return new Builder(this); }

    /** Fills the record field by field: the web parser sets what the client sent over the defaults. */
    public static final class Builder {
        public ModelType model;
        public int steps;
        public int hidden;
        public int inputSize;
        public Activation activation;
        public Init init;
        public double scale;
        public double forgetBias;
        public double updateBias;
        public boolean forgetGate;
        public long seed;
        public RecurrentWeights weights;
        public List<DenseLayer> layers;
        public double[][] inputs;
        public double[] h0;
        public double[] c0;
        public double[] target;

        private Builder(GradientRequest r) {
            model = r.model;
            steps = r.steps;
            hidden = r.hidden;
            inputSize = r.inputSize;
            activation = r.activation;
            init = r.init;
            scale = r.scale;
            forgetBias = r.forgetBias;
            updateBias = r.updateBias;
            forgetGate = r.forgetGate;
            seed = r.seed;
            weights = r.weights;
            layers = r.layers;
            inputs = r.inputs;
            h0 = r.h0;
            c0 = r.c0;
            target = r.target;
        }

        public GradientRequest build() {
            return new GradientRequest(model, steps, hidden, inputSize, activation, init, scale, forgetBias,
                    updateBias, forgetGate, seed, weights, layers, inputs, h0, c0, target);
        }
    }
}
