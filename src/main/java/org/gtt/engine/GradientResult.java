package org.gtt.engine;

import java.util.List;

/**
 * What the engine computed. Log10 series hold null where the norm is exactly zero (and
 * {@code notes} says why); fields that do not apply to the model are null. The weights, inputs and
 * initial states actually used are included so the caller can echo them.
 */
public record GradientResult(
        Double[] jacobianLog10Norms,
        Double[] stepLog10Norms,
        Double[] cellLog10Norms,
        Double[] forgetProductLog10,
        Double spectralRadius,
        Double largestSingularValue,
        double[][] eigenvalues,
        Double[] boundLog10,
        Double[] weightGradientNorms,
        Double[] weightGradientLog10Norms,
        Double[] activationGradientLog10Norms,
        List<String> notes,
        RecurrentWeights weightsUsed,
        List<DenseLayer> layersUsed,
        double[][] inputsUsed) {}
