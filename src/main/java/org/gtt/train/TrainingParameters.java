package org.gtt.train;

import java.util.List;
import java.util.Locale;

/**
 * One race: which models, the adding problem's length T ({@code steps}), the nets' size, the optimiser
 * and clipping, the budget, the seed and how often to report. The API bounds every field
 * ({@code org.gtt.api.TrainingRequestParser}); this record only refuses what would break the trainer.
 */
public record TrainingParameters(List<ModelKind> models, int steps, int hidden, int batch, double learningRate,
                                 OptimizerKind optimizer, Double clip, ClipMode clipMode, double forgetBias,
                                 int iterations, long seed, int reportEvery) {

    public enum OptimizerKind {
        ADAM, SGD;

        public String jsonName() { return name().toLowerCase(Locale.ROOT); }
    }

    public enum ClipMode {
        NORM, VALUE;

        public String jsonName() { return name().toLowerCase(Locale.ROOT); }
    }

    /** Evaluation (and the success check) runs every this many iterations, whatever the report interval. */
    public static final int EVALUATE_EVERY = 50;
    /** A model that solved the task trains this many iterations more, then stops. */
    public static final int AFTER_SOLVED = 200;
    public static final int EVALUATION_SEQUENCES = 500;

    public TrainingParameters {
        models = List.copyOf(models);
        if (models.isEmpty() || models.size() != models.stream().distinct().count()) {
            throw new IllegalArgumentException("models must be distinct and at least one");
        }
        if (steps < 2 || hidden < 1 || batch < 1 || iterations < 1 || reportEvery < 1) {
            throw new IllegalArgumentException("sizes must be positive and steps at least 2");
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) throw new IllegalArgumentException("learningRate");
        if (clip != null && !(clip > 0 && clip < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("clip");
    }

    /** The defaults: the four-model race at T = 50 that the lessons show. */
    public static TrainingParameters defaults() {
        return new TrainingParameters(List.of(ModelKind.RNN, ModelKind.LSTM, ModelKind.GRU, ModelKind.IRNN), 50, 16, 32,
                0.01, OptimizerKind.ADAM, 1.0, ClipMode.NORM, 1.0, 3000, 1, 50);
    }

    public TrainingParameters withModels(List<ModelKind> models) {
        return new TrainingParameters(models, steps, hidden, batch, learningRate, optimizer, clip, clipMode, forgetBias,
                iterations, seed, reportEvery);
    }

    public TrainingParameters withSteps(int steps) {
        return new TrainingParameters(models, steps, hidden, batch, learningRate, optimizer, clip, clipMode, forgetBias,
                iterations, seed, reportEvery);
    }

    public TrainingParameters withSeed(long seed) {
        return new TrainingParameters(models, steps, hidden, batch, learningRate, optimizer, clip, clipMode, forgetBias,
                iterations, seed, reportEvery);
    }

    public TrainingParameters withIterations(int iterations) {
        return new TrainingParameters(models, steps, hidden, batch, learningRate, optimizer, clip, clipMode, forgetBias,
                iterations, seed, reportEvery);
    }

    public TrainingParameters withLearningRate(double learningRate) {
        return new TrainingParameters(models, steps, hidden, batch, learningRate, optimizer, clip, clipMode, forgetBias,
                iterations, seed, reportEvery);
    }

    /** Bytes of the arrays a job holds (every model's training and evaluation workspaces and data). */
    public long workspaceBytes() {
        long total = 0;
        for (ModelKind kind : models) total += ModelTrainer.workspaceBytes(kind, this);
        return total;
    }
}
