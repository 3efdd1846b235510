package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;
import org.gtt.engine.math.PortableMath;

/** What W_hh alone says about an rnn: its spectrum, its largest singular value and Pascanu's bound. */
record RecurrentMatrixFacts(double spectralRadius, double largestSingularValue, double[][] eigenvalues,
                            double maxSlope) {

    /**
     * {@code knownEigenvalues}: W_hh's eigenvalues if already computed, else null. Both the singular
     * value and the eigenvalues are computed on W_hh rescaled by a power of two (exact), so weights
     * near the double's limit cannot overflow inside the iterations; a result that itself is beyond
     * the double range throws {@link StateOverflowException}.
     */
    static RecurrentMatrixFacts of(double[][] weightHh, double[][] knownEigenvalues, Activation activation) {
        DMatrixRMaj w = new DMatrixRMaj(weightHh);
        int exponent = PowerOfTwo.normalize(w);
        if (exponent == PowerOfTwo.ZERO) {
            double[][] zeros = knownEigenvalues != null ? knownEigenvalues : Eigenvalues.of(weightHh);
            return new RecurrentMatrixFacts(0, 0, zeros, activation.maxSlope());
        }
        double sigma = PortableMath.scalb(new SpectralNorm().of(w), exponent);
        double[][] eigenvalues = knownEigenvalues != null ? knownEigenvalues : scaled(Eigenvalues.of(w), exponent);
        double radius = Eigenvalues.spectralRadius(eigenvalues);
        if (!Double.isFinite(sigma) || !Double.isFinite(radius)) {
            throw StateOverflowException.inRecurrentMatrix();
        }
        return new RecurrentMatrixFacts(radius, sigma, eigenvalues, activation.maxSlope());
    }

    /** λ(2^e·W) = 2^e·λ(W), exact; the order (by modulus) is unchanged. */
    private static double[][] scaled(double[][] eigenvalues, int exponent) {
        for (double[] eigenvalue : eigenvalues) {
            eigenvalue[0] = PortableMath.scalb(eigenvalue[0], exponent) + 0.0; // + 0.0 turns −0.0 into 0.0
            eigenvalue[1] = PortableMath.scalb(eigenvalue[1], exponent) + 0.0;
        }
        return eigenvalues;
    }

    /** boundLog10[k] = (T − k)·log10(γ·σ_max), k = 0..T; −∞ when γ·σ_max = 0 (except at k = T). */
    double[] boundLog10(int steps) {
        double perStep = PortableMath.log10(maxSlope * largestSingularValue);
        double[] bound = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            bound[k] = (steps - k) * perStep;
        }
        return bound;
    }
}
