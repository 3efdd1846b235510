package org.gtt.engine;

import org.ejml.data.DMatrixRMaj;

/** What W_hh alone says about an rnn: its spectrum, its largest singular value and Pascanu's bound. */
record RecurrentMatrixFacts(double spectralRadius, double largestSingularValue, double[][] eigenvalues,
                            double maxSlope) {

    static RecurrentMatrixFacts of(double[][] weightHh, Activation activation) {
        double[][] eigenvalues = Eigenvalues.of(weightHh);
        double radius = eigenvalues.length == 0 ? 0 : Math.hypot(eigenvalues[0][0], eigenvalues[0][1]);
        DMatrixRMaj w = new DMatrixRMaj(weightHh);
        int exponent = PowerOfTwo.normalize(w);
        double sigma = exponent == PowerOfTwo.ZERO ? 0 : Math.scalb(new SpectralNorm().of(w), exponent);
        return new RecurrentMatrixFacts(radius, sigma, eigenvalues, activation.maxSlope());
    }

    /** boundLog10[k] = (T − k)·log10(γ·σ_max), k = 0..T; −∞ when γ·σ_max = 0 (except at k = T). */
    double[] boundLog10(int steps) {
        double perStep = StrictMath.log10(maxSlope * largestSingularValue);
        double[] bound = new double[steps + 1];
        for (int k = 0; k < steps; k++) {
            bound[k] = (steps - k) * perStep;
        }
        return bound;
    }
}
