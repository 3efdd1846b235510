package org.gtt.engine;

import java.util.ArrayList;
import java.util.List;
import org.gtt.engine.math.PortableMath;

/** Computes every quantity of a {@link GradientRequest}. Stateless and thread-safe. */
public final class GradientEngine {
    private GradientEngine() {}

    public static GradientResult compute(GradientRequest request) {
        double[][] inputs = request.inputs() != null ? request.inputs() : WeightInit.inputs(request);
        return request.model() == ModelType.MLP ? mlp(request, inputs) : recurrent(request, inputs);
    }

    private static GradientResult recurrent(GradientRequest request, double[][] inputs) {
        WeightInit.Generated generated = request.weights() != null ? null : WeightInit.generate(request);
        RecurrentWeights weights = generated == null ? request.weights() : generated.weights();
        int n = weights.hiddenSize();
        double[] h0 = request.h0() != null ? request.h0() : new double[n];
        Notes notes = new Notes();
        Series series = new Series(notes);
        return switch (request.model()) {
            case RNN -> {
                Rnn rnn = new Rnn(weights, inputs, h0, request.activation());
                JacobianChain.Result chain = JacobianChain.run(rnn, null);
                RecurrentMatrixFacts facts = RecurrentMatrixFacts.of(weights.weightHh(),
                        generated == null ? null : generated.eigenvaluesHh(), request.activation());
                yield new GradientResult(
                        series.log10("jacobianLog10Norms", chain.jacobianLog10(), Notes.ZERO_PRODUCT),
                        series.log10("stepLog10Norms", chain.stepLog10(), Notes.ZERO_STEP),
                        null, null, facts.spectralRadius(), facts.largestSingularValue(), facts.eigenvalues(),
                        series.log10("boundLog10", facts.boundLog10(request.steps()), Notes.ZERO_BOUND),
                        null, null, null, notes.list(), weights, null, inputs);
            }
            case LSTM -> {
                double[] c0 = request.c0() != null ? request.c0() : new double[n];
                Lstm lstm = new Lstm(weights, inputs, h0, c0, request.forgetGate());
                JacobianChain.Result chain = JacobianChain.run(lstm, new JacobianChain.Block(n, 2 * n, n, 2 * n));
                if (!request.forgetGate()) {
                    notes.add("forgetGate is false: f ≡ 1 (the 1997 LSTM), the f rows of the weights are unused");
                }
                yield new GradientResult(
                        series.log10("jacobianLog10Norms", chain.jacobianLog10(), Notes.ZERO_PRODUCT),
                        series.log10("stepLog10Norms", chain.stepLog10(), Notes.ZERO_STEP),
                        series.log10("cellLog10Norms", chain.blockLog10(), Notes.ZERO_PRODUCT),
                        series.log10("forgetProductLog10", lstm.forgetProductLog10(), Notes.ZERO_PRODUCT),
                        null, null, null, null, null, null, null, notes.list(), weights, null, inputs);
            }
            case GRU -> {
                Gru gru = new Gru(weights, inputs, h0);
                JacobianChain.Result chain = JacobianChain.run(gru, null);
                yield new GradientResult(
                        series.log10("jacobianLog10Norms", chain.jacobianLog10(), Notes.ZERO_PRODUCT),
                        series.log10("stepLog10Norms", chain.stepLog10(), Notes.ZERO_STEP),
                        null, null, null, null, null, null, null, null, null, notes.list(), weights, null, inputs);
            }
            case MLP -> throw new IllegalStateException("mlp is not recurrent");
        };
    }

    private static GradientResult mlp(GradientRequest request, double[][] inputs) {
        List<DenseLayer> layers = request.layers() != null ? request.layers() : WeightInit.mlp(request);
        Mlp mlp = new Mlp(layers, inputs[0], request.activation());
        int outputSize = mlp.stateSize(mlp.steps());
        double[] target = request.target() != null ? request.target() : new double[outputSize];
        Notes notes = new Notes();
        Series series = new Series(notes);
        JacobianChain.Result chain = JacobianChain.run(mlp, null);
        Mlp.LossGradient loss = mlp.lossGradient(target);
        return new GradientResult(
                series.log10("jacobianLog10Norms", chain.jacobianLog10(), Notes.ZERO_PRODUCT),
                series.log10("stepLog10Norms", chain.stepLog10(), Notes.ZERO_STEP),
                null, null, null, null, null, null,
                series.plain("weightGradientNorms", loss.weightLog10()),
                series.log10("weightGradientLog10Norms", loss.weightLog10(), Notes.ZERO_LOSS_GRADIENT),
                series.log10("activationGradientLog10Norms", loss.activationLog10(), Notes.ZERO_LOSS_GRADIENT),
                notes.list(), null, layers, inputs);
    }

    /** Turns engine arrays into JSON-ready series, noting every null. */
    private record Series(Notes notes) {
        Double[] log10(String name, double[] values, String reason) {
            Double[] boxed = new Double[values.length];
            List<Integer> zeros = new ArrayList<>();
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i]) || values[i] == Double.POSITIVE_INFINITY) {
                    // Every input to a log10 is kept finite and rescaled upstream; this is a bug, not bad input.
                    throw new IllegalStateException(name + "[" + i + "] is " + values[i]);
                }
                if (values[i] == Double.NEGATIVE_INFINITY) {
                    zeros.add(i);
                } else {
                    boxed[i] = values[i];
                }
            }
            notes.nulls(name, zeros, reason);
            return boxed;
        }

        /** 10^log10 where a double can hold it; null (with a note) beyond the double range. */
        Double[] plain(String name, double[] log10Values) {
            Double[] boxed = new Double[log10Values.length];
            List<Integer> outOfRange = new ArrayList<>();
            for (int i = 0; i < log10Values.length; i++) {
                double log = log10Values[i];
                if (log == Double.NEGATIVE_INFINITY) {
                    boxed[i] = 0.0;
                } else if (log > 308 || log < -307) {
                    outOfRange.add(i);
                } else {
                    boxed[i] = PortableMath.pow(10.0, log);
                }
            }
            notes.nulls(name, outOfRange, Notes.OUT_OF_DOUBLE_RANGE);
            return boxed;
        }
    }
}
