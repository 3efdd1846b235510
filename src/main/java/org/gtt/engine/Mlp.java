package org.gtt.engine;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.gtt.engine.math.PortableMath;

/**
 * A multilayer perceptron h_ℓ = φ(W_ℓ h_{ℓ−1} + b_ℓ), ℓ = 1..L, h_0 = the input, with the loss
 * ½‖h_L − target‖². Layers may have different widths.
 */
final class Mlp extends ForwardModel {
    private final List<DenseLayer> layers;
    private final Activation activation;
    private final double[][] slopes;

    Mlp(List<DenseLayer> layers, double[] input, Activation activation) {
        super(layers.size());
        this.layers = layers;
        this.activation = activation;
        this.slopes = new double[layers.size() + 1][];
        run(input);
    }

    @Override
    public int stateSize(int k) {
        return k == 0 ? layers.get(0).weight()[0].length : layers.get(k - 1).weight().length;
    }

    @Override
    double[] advance(int layer, double[] previous, boolean record) {
        DenseLayer dense = layers.get(layer - 1);
        double[] a = new double[dense.weight().length];
        Vectors.affine(dense.weight(), dense.bias(), 0, previous, a);
        requireFinite(a, layer);
        double[] next = new double[a.length];
        double[] slope = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            next[i] = activation.value(a[i]);
            slope[i] = activation.derivative(a[i]);
        }
        if (record) {
            slopes[layer] = slope;
        }
        return next;
    }

    /** ∂h_ℓ/∂h_{ℓ−1} = diag(φ′(a_ℓ)) W_ℓ. */
    @Override
    public void stepJacobian(int layer, DMatrixRMaj out) {
        DiagonalScaling.rows(slopes[layer], layers.get(layer - 1).weight(), 0, out, 0, 0, false);
    }

    double[] output() { return state(steps()); }

    /**
     * Backpropagates the loss: g_L = h_L − target, δ_ℓ = φ′(a_ℓ) ⊙ g_ℓ, g_{ℓ−1} = W_ℓᵀ δ_ℓ, and
     * ∂loss/∂W_ℓ = δ_ℓ h_{ℓ−1}ᵀ, whose Frobenius norm is ‖δ_ℓ‖·‖h_{ℓ−1}‖. The gradient vector is
     * kept rescaled by powers of two so that a hundred layers can neither overflow nor underflow it.
     */
    LossGradient lossGradient(double[] target) {
        int depth = steps();
        // Halved first, so that h_L − target cannot overflow; the exponent 1 undoes the halving.
        double[] h = output();
        double[] g = new double[h.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = 0.5 * h[i] - 0.5 * target[i];
        }
        int exponent = 1;
        double[] activationLog10 = new double[depth + 1];
        double[] weightLog10 = new double[depth];
        double[][] deltas = new double[depth + 1][];
        int[] deltaExponents = new int[depth + 1];
        activationLog10[depth] = Vectors.log10Norm(g) + Vectors.LOG10_2;
        for (int layer = depth; layer >= 1; layer--) {
            double[] delta = new double[g.length];
            for (int i = 0; i < g.length; i++) {
                delta[i] = slopes[layer][i] * g[i];
            }
            deltas[layer] = delta;
            deltaExponents[layer] = exponent;
            weightLog10[layer - 1] = Vectors.log10Norm(delta) + exponent * Vectors.LOG10_2
                    + Vectors.log10Norm(state(layer - 1));
            double[][] weight = layers.get(layer - 1).weight();
            g = new double[weight[0].length];
            exponent += scaledTransposeTimes(weight, delta, g);
            exponent += rescale(g);
            activationLog10[layer - 1] = Vectors.log10Norm(g) + exponent * Vectors.LOG10_2;
        }
        return new LossGradient(activationLog10, weightLog10, deltas, deltaExponents);
    }

    /** ∂loss/∂W_ℓ as a matrix, for the finite-difference tests. */
    double[][] weightGradient(LossGradient gradient, int layer) {
        double[] delta = gradient.deltas()[layer];
        double[] input = state(layer - 1);
        double[][] result = new double[delta.length][input.length];
        for (int i = 0; i < delta.length; i++) {
            for (int j = 0; j < input.length; j++) {
                result[i][j] = PortableMath.scalb(delta[i], gradient.deltaExponents()[layer]) * input[j];
            }
        }
        return result;
    }

    record LossGradient(double[] activationLog10, double[] weightLog10, double[][] deltas, int[] deltaExponents) {}

    /**
     * Writes out = 2^−shift · wᵀv and returns shift, the largest exponent of |v_i|·max_j |w_ij|. Each v_i
     * is scaled by 2^−shift before it meets its row, so every term is below 4 and weights near the
     * double's limit cannot overflow the sum. A scaled v_i that underflows belongs to terms below
     * 2^−1074 of the largest, far under the sum's rounding error. Exponents are taken at least
     * {@link Double#MIN_EXPONENT}, so a subnormal row cannot push a scaled v_i past the double range.
     */
    private static int scaledTransposeTimes(double[][] w, double[] v, double[] out) {
        int[] rowExponent = new int[w.length];
        int shift = Integer.MIN_VALUE;
        for (int i = 0; i < w.length; i++) {
            double rowMax = 0;
            for (double x : w[i]) {
                rowMax = PortableMath.max(rowMax, PortableMath.abs(x));
            }
            if (rowMax != 0 && v[i] != 0) {
                rowExponent[i] = PortableMath.max(PortableMath.getExponent(rowMax), Double.MIN_EXPONENT);
                shift = PortableMath.max(shift, rowExponent[i] + PortableMath.max(PortableMath.getExponent(v[i]), Double.MIN_EXPONENT));
            }
        }
        if (shift == Integer.MIN_VALUE) {
            return 0; // every term is zero
        }
        for (int i = 0; i < w.length; i++) {
            double vi = PortableMath.scalb(v[i], -shift);
            for (int j = 0; j < out.length; j++) {
                out[j] += w[i][j] * vi;
            }
        }
        return shift;
    }

    /** Divides v by 2^e so its largest entry is in [1, 2); returns e (0 for the zero vector). */
    private static int rescale(double[] v) {
        double max = 0;
        for (double x : v) {
            max = PortableMath.max(max, PortableMath.abs(x));
        }
        if (max == 0) {
            return 0;
        }
        int exponent = PortableMath.getExponent(max);
        for (int i = 0; i < v.length; i++) {
            v[i] = PortableMath.scalb(v[i], -exponent);
        }
        return exponent;
    }
}
