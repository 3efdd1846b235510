package org.gtt.train;

/**
 * One model trained alone, iteration by iteration, exactly as a race steps it (a fresh batch, forward,
 * BPTT, clipping, the optimiser; step norms every {@code reportEvery} iterations and the evaluation every
 * {@value TrainingParameters#EVALUATE_EVERY}), with no budget: for the training benchmark
 * ({@code bench train}), which times windows of iterations against PyTorch doing the same.
 */
public final class ModelRun {
    private final ModelTrainer trainer;
    private final int reportEvery;

    public ModelRun(ModelKind kind, TrainingParameters parameters) {
        this.trainer = new ModelTrainer(kind, parameters, EvaluationSet.of(parameters.steps()));
        this.reportEvery = parameters.reportEvery();
    }

    /** Trains {@code count} more iterations. */
    public void iterate(int count) {
        for (int i = 0; i < count; i++) trainer.step((trainer.iteration() + 1) % reportEvery == 0);
    }

    /** The evaluation loss of the last evaluation (NaN before the first). */
    public double evalLoss() {
        return trainer.report().evalLoss();
    }
}
