package org.gtt.train;

/** Gradient clipping as PyTorch's {@code clip_grad_norm_} and {@code clip_grad_value_}. */
final class Clipping {
    private Clipping() {}

    static double norm(double[] grads) {
        double sum = 0.0;
        for (double g : grads) sum += g * g;
        return Math.sqrt(sum);
    }

    /**
     * Clips in place and returns the norm after. Norm mode rescales by threshold/(‖g‖ + 1e-6) when that is
     * below 1; value mode clamps every component to [−threshold, threshold].
     */
    static double clip(double[] grads, double normBefore, TrainingParameters.ClipMode mode, Double threshold) {
        if (threshold == null) return normBefore;
        if (mode == TrainingParameters.ClipMode.NORM) {
            double coefficient = threshold / (normBefore + 1e-6);
            if (coefficient >= 1.0) return normBefore;
            for (int i = 0; i < grads.length; i++) grads[i] *= coefficient;
        } else {
            double limit = threshold;
            for (int i = 0; i < grads.length; i++) grads[i] = Math.max(-limit, Math.min(limit, grads[i]));
        }
        return norm(grads);
    }
}
