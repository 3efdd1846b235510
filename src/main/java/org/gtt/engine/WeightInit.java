package org.gtt.engine;

import java.util.ArrayList;
import java.util.List;
import org.gtt.engine.math.PortableMath;

/**
 * Generated weights and inputs. Every weight block (one gate's n×m or n×n block, one MLP layer) of
 * shape rows×cols is drawn by {@link Init}:
 * gaussian N(0, 1/cols); xavier N(0, 2/(rows+cols)); he N(0, 2/cols); orthogonal: orthonormal
 * columns (or rows, if wider than tall) from a Gaussian matrix by Gram–Schmidt, like PyTorch's
 * {@code orthogonal_}; identity: ones on the main diagonal. Then every block is multiplied by
 * {@code scale}, except the rnn's {@code weight_hh}, which is rescaled to spectral radius exactly
 * {@code scale} (and its {@code weight_ih}, which keeps gain 1). Biases are zero, plus
 * {@code forgetBias} on the lstm's f rows and {@code updateBias} on the gru's z rows of
 * {@code bias_ih}. Inputs are i.i.d. N(0, 1).
 */
final class WeightInit {
    private static final long WEIGHT_STREAM = 1;
    private static final long INPUT_STREAM = 2;

    private WeightInit() {}

    static RecurrentWeights recurrent(GradientRequest request) {
        return generate(request).weights();
    }

    /** Generated weights; for the rnn also W_hh's eigenvalues when the rescaling had to compute them. */
    record Generated(RecurrentWeights weights, double[][] eigenvaluesHh) {}

    static Generated generate(GradientRequest request) {
        int n = request.hidden();
        int m = request.inputSize();
        int gates = GradientRequest.gateCount(request.model());
        boolean rnn = request.model() == ModelType.RNN;
        double gain = rnn ? 1.0 : request.scale();
        SeededGaussian gaussian = new SeededGaussian(request.seed(), WEIGHT_STREAM);
        double[][] weightIh = new double[gates * n][];
        double[][] weightHh = new double[gates * n][];
        for (int gate = 0; gate < gates; gate++) {
            copyRows(block(request.init(), n, m, gain, gaussian), weightIh, gate * n);
        }
        for (int gate = 0; gate < gates; gate++) {
            copyRows(block(request.init(), n, n, gain, gaussian), weightHh, gate * n);
        }
        double[][] eigenvalues = rnn ? rescaleToSpectralRadius(weightHh, request.scale(), request.init()) : null;
        double[] biasIh = new double[gates * n];
        double[] biasHh = new double[gates * n];
        if (request.model() == ModelType.LSTM) {
            addToRows(biasIh, n, 2 * n, request.forgetBias());
        } else if (request.model() == ModelType.GRU) {
            addToRows(biasIh, n, 2 * n, request.updateBias());
        }
        return new Generated(new RecurrentWeights(weightIh, weightHh, biasIh, biasHh), eigenvalues);
    }

    static List<DenseLayer> mlp(GradientRequest request) {
        SeededGaussian gaussian = new SeededGaussian(request.seed(), WEIGHT_STREAM);
        List<DenseLayer> layers = new ArrayList<>();
        for (int layer = 1; layer <= request.steps(); layer++) {
            int cols = layer == 1 ? request.inputSize() : request.hidden();
            double[][] weight = block(request.init(), request.hidden(), cols, request.scale(), gaussian);
            layers.add(new DenseLayer(weight, new double[request.hidden()]));
        }
        return layers;
    }

    /** T×m for the recurrent models, 1×m (the input vector) for the mlp. */
    static double[][] inputs(GradientRequest request) {
        int rows = request.model() == ModelType.MLP ? 1 : request.steps();
        SeededGaussian gaussian = new SeededGaussian(request.seed(), INPUT_STREAM);
        double[][] inputs = new double[rows][request.inputSize()];
        for (double[] row : inputs) {
            for (int j = 0; j < row.length; j++) {
                row[j] = gaussian.next();
            }
        }
        return inputs;
    }

    static double[][] block(Init init, int rows, int cols, double gain, SeededGaussian gaussian) {
        return switch (init) {
            case GAUSSIAN -> gaussianBlock(rows, cols, gain / PortableMath.sqrt(cols), gaussian);
            case XAVIER -> gaussianBlock(rows, cols, gain * PortableMath.sqrt(2.0 / (rows + cols)), gaussian);
            case HE -> gaussianBlock(rows, cols, gain * PortableMath.sqrt(2.0 / cols), gaussian);
            case ORTHOGONAL -> orthogonalBlock(rows, cols, gain, gaussian);
            case IDENTITY -> identityBlock(rows, cols, gain);
        };
    }

    private static double[][] gaussianBlock(int rows, int cols, double std, SeededGaussian gaussian) {
        double[][] block = new double[rows][cols];
        for (double[] row : block) {
            for (int j = 0; j < cols; j++) {
                row[j] = std * gaussian.next();
            }
        }
        return block;
    }

    private static double[][] identityBlock(int rows, int cols, double gain) {
        double[][] block = new double[rows][cols];
        for (int i = 0; i < PortableMath.min(rows, cols); i++) {
            block[i][i] = gain;
        }
        return block;
    }

    /** Orthonormalises the longer dimension's vectors: modified Gram–Schmidt, run twice for accuracy. */
    private static double[][] orthogonalBlock(int rows, int cols, double gain, SeededGaussian gaussian) {
        boolean tall = rows >= cols;
        double[][] vectors = gaussianBlock(tall ? cols : rows, tall ? rows : cols, 1.0, gaussian);
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < vectors.length; i++) {
                for (int j = 0; j < i; j++) {
                    subtractProjection(vectors[i], vectors[j]);
                }
                normalize(vectors[i]);
            }
        }
        double[][] block = new double[rows][cols];
        for (int i = 0; i < vectors.length; i++) {
            for (int j = 0; j < vectors[i].length; j++) {
                double value = gain * vectors[i][j];
                if (tall) {
                    block[j][i] = value;
                } else {
                    block[i][j] = value;
                }
            }
        }
        return block;
    }

    private static void subtractProjection(double[] v, double[] unit) {
        double dot = 0;
        for (int k = 0; k < v.length; k++) {
            dot += v[k] * unit[k];
        }
        for (int k = 0; k < v.length; k++) {
            v[k] -= dot * unit[k];
        }
    }

    private static void normalize(double[] v) {
        double sum = 0;
        for (double x : v) {
            sum += x * x;
        }
        double norm = PortableMath.sqrt(sum);
        for (int k = 0; k < v.length; k++) {
            v[k] /= norm;
        }
    }

    /**
     * Identity and orthogonal blocks have spectral radius exactly 1, so only the others are measured;
     * returns their eigenvalues after the rescaling (λ(cW) = cλ(W)), or null when none were computed.
     */
    private static double[][] rescaleToSpectralRadius(double[][] weightHh, double radius, Init init) {
        if (init == Init.IDENTITY || init == Init.ORTHOGONAL) {
            scale(weightHh, radius);
            return null;
        }
        double[][] eigenvalues = Eigenvalues.of(weightHh);
        double current = Eigenvalues.spectralRadius(eigenvalues);
        double factor = current == 0 ? 0 : radius / current;
        scale(weightHh, factor);
        for (double[] eigenvalue : eigenvalues) {
            eigenvalue[0] = eigenvalue[0] * factor + 0.0; // + 0.0 turns −0.0 into 0.0
            eigenvalue[1] = eigenvalue[1] * factor + 0.0;
        }
        return eigenvalues;
    }

    private static void scale(double[][] matrix, double factor) {
        for (double[] row : matrix) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    private static void copyRows(double[][] from, double[][] to, int offset) {
        System.arraycopy(from, 0, to, offset, from.length);
    }

    private static void addToRows(double[] bias, int from, int to, double amount) {
        for (int i = from; i < to; i++) {
            bias[i] += amount;
        }
    }
}
