package org.gtt.train;

/**
 * One runner of a race: its net, optimiser and batches. Every runner of a race draws the same batches
 * (the data stream depends only on the seed), so the models are compared on the same sequences, and a
 * model's run does not depend on which other models race with it.
 */
final class ModelTrainer {
    private static final long DATA_STREAM = 200;

    private final TrainingParameters parameters;
    private final RecurrentNet net;
    private final RecurrentNet evaluator;
    private final Optimizer optimizer;
    private final AddingProblem problem;
    private final AddingProblem.Batch data;
    private final EvaluationSet evaluation;
    private final double[] stepNorms;
    private final double[] cellNorms;

    private int iteration;
    private Integer solvedAt;
    private double lossSum;
    private int lossCount;
    private double lastTrainLoss = Double.NaN;
    private double evalLoss = Double.NaN;
    private double evalAccuracy = Double.NaN;
    private double normBefore = Double.NaN;
    private double normAfter = Double.NaN;
    private long nanos;

    ModelTrainer(ModelKind kind, TrainingParameters parameters, EvaluationSet evaluation) {
        this.parameters = parameters;
        double[] params = RecurrentNet.initialParameters(kind, parameters.hidden(), parameters.forgetBias(), parameters.seed());
        this.net = RecurrentNet.create(kind, parameters.hidden(), parameters.steps(), parameters.batch(), params);
        this.evaluator = RecurrentNet.create(kind, parameters.hidden(), parameters.steps(), EvaluationSet.CHUNK, params);
        this.optimizer = Optimizer.create(parameters.optimizer(), parameters.learningRate(), params.length);
        this.problem = new AddingProblem(parameters.steps(), parameters.seed(), DATA_STREAM);
        this.data = new AddingProblem.Batch(parameters.steps(), parameters.batch());
        this.evaluation = evaluation;
        this.stepNorms = new double[parameters.steps()];
        this.cellNorms = kind == ModelKind.LSTM ? new double[parameters.steps()] : null;
    }

    static long workspaceBytes(ModelKind kind, TrainingParameters p) {
        int count = RecurrentNet.parameterCount(kind, p.hidden());
        double[] params = new double[count];
        long nets = RecurrentNet.create(kind, p.hidden(), p.steps(), p.batch(), params).workspaceBytes()
                + RecurrentNet.create(kind, p.hidden(), p.steps(), EvaluationSet.CHUNK, params).workspaceBytes();
        long optimizer = p.optimizer() == TrainingParameters.OptimizerKind.ADAM ? 16L * count : 0;
        long batch = 8L * p.batch() * (p.steps() * AddingProblem.INPUTS + 1);
        return nets + optimizer + batch + 16L * p.steps();
    }

    ModelKind kind() { return net.kind; }
    int iteration() { return iteration; }
    Integer solvedAt() { return solvedAt; }

    /** Trained as far as it goes: the budget spent, or solved and {@link TrainingParameters#AFTER_SOLVED} more. */
    boolean finished() {
        return iteration >= parameters.iterations()
                || (solvedAt != null && iteration >= solvedAt + TrainingParameters.AFTER_SOLVED);
    }

    /** One iteration: a fresh batch, forward, BPTT, clipping, an update; then the evaluation when it is due. */
    void step(boolean measureSteps) {
        long start = System.nanoTime();
        problem.fill(data);
        double loss = net.forward(data);
        net.backward(data, measureSteps ? stepNorms : null, measureSteps ? cellNorms : null);
        normBefore = Clipping.norm(net.grads);
        normAfter = Clipping.clip(net.grads, normBefore, parameters.clipMode(), parameters.clip());
        optimizer.step(net.params, net.grads);
        iteration++;
        lastTrainLoss = loss;
        lossSum += loss;
        lossCount++;
        if (iteration % TrainingParameters.EVALUATE_EVERY == 0) evaluate();
        nanos += System.nanoTime() - start;
    }

    private void evaluate() {
        double squares = 0.0;
        int correct = 0;
        for (AddingProblem.Batch chunk : evaluation.chunks) {
            squares += evaluator.forward(chunk) * chunk.size;
            for (int b = 0; b < chunk.size; b++) {
                if (Math.abs(evaluator.predictions[b] - chunk.targets[b]) < AddingProblem.ACCURACY_TOLERANCE) correct++;
            }
        }
        evalLoss = squares / TrainingParameters.EVALUATION_SEQUENCES;
        evalAccuracy = correct / (double) TrainingParameters.EVALUATION_SEQUENCES;
        if (solvedAt == null && evalLoss <= AddingProblem.SUCCESS_MSE) solvedAt = iteration;
    }

    /** The state now; the training loss is averaged since the last report (the last batch's if none since). */
    ModelReport report() {
        double trainLoss = lossCount == 0 ? lastTrainLoss : lossSum / lossCount;
        lossSum = 0.0;
        lossCount = 0;
        double rate = nanos == 0 ? 0.0 : iteration / (nanos / 1e9);
        return new ModelReport(net.kind, iteration, trainLoss, evalLoss, evalAccuracy, normBefore, normAfter,
                stepNorms.clone(), cellNorms == null ? null : cellNorms.clone(), rate, solvedAt);
    }

    /** The net, for tests and the benchmark. */
    RecurrentNet net() { return net; }
}
