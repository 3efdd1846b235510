package org.gtt.engine;

/** Builds the engine's model objects from a request and the weights/inputs the engine reports it used. */
final class TestModels {
    private TestModels() {}

    static GradientRequest.Builder request(ModelType model, int steps, int hidden, int inputSize) {
        GradientRequest.Builder builder = GradientRequest.defaults(model).toBuilder();
        builder.steps = steps;
        builder.hidden = hidden;
        builder.inputSize = inputSize;
        builder.seed = 42;
        return builder;
    }

    static ForwardModel model(GradientRequest request, GradientResult result) {
        double[][] inputs = result.inputsUsed();
        int n = request.hidden();
        double[] h0 = request.h0() != null ? request.h0() : new double[n];
        return switch (request.model()) {
            case RNN -> new Rnn(result.weightsUsed(), inputs, h0, request.activation());
            case LSTM -> new Lstm(result.weightsUsed(), inputs, h0,
                    request.c0() != null ? request.c0() : new double[n], request.forgetGate());
            case GRU -> new Gru(result.weightsUsed(), inputs, h0);
            case MLP -> new Mlp(result.layersUsed(), inputs[0], request.activation());
        };
    }

    /** s_T as a function of s_k, by running the model's own steps k+1..T. */
    static double[] runFrom(StepModel model, int k, double[] state) {
        double[] s = state;
        for (int t = k + 1; t <= model.steps(); t++) {
            s = model.step(t, s);
        }
        return s;
    }

    static double[] values(int size, double start, double step) {
        double[] v = new double[size];
        for (int i = 0; i < size; i++) {
            v[i] = start + i * step;
        }
        return v;
    }
}
