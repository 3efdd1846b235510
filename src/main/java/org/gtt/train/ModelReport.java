package org.gtt.train;

/**
 * One model's state at a report. {@code trainLoss} is the mean batch MSE since the previous report;
 * {@code evalLoss} and {@code evalAccuracy} (share of |prediction − target| &lt; 0.04) come from the latest
 * evaluation on the 500 fixed sequences; the gradient norms are those of the report's iteration:
 * the global norm before and after clipping, and {@code stepGradientNorms[k−1]} = ‖∂ℓ_b/∂h_k‖ for
 * k = 1..T averaged over the batch (ℓ_b one sequence's squared error), {@code cellGradientNorms} the same
 * for ∂ℓ_b/∂c_k (lstm only, else null). {@code solvedAt}: the first evaluation at or below 1/60, or null.
 */
public record ModelReport(ModelKind model, int iteration, double trainLoss, double evalLoss, double evalAccuracy,
                          double gradNormBeforeClip, double gradNormAfterClip, double[] stepGradientNorms,
                          double[] cellGradientNorms, double iterationsPerSecond, Integer solvedAt) {}
