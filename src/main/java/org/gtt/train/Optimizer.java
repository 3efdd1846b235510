package org.gtt.train;

/** Updates parameters from their gradients, as PyTorch's {@code torch.optim.Adam} and {@code SGD} (defaults). */
abstract class Optimizer {
    final double learningRate;

    Optimizer(double learningRate) {
        this.learningRate = learningRate;
    }

    abstract void step(double[] params, double[] grads);

    static Optimizer create(TrainingParameters.OptimizerKind kind, double learningRate, int size) {
        return kind == TrainingParameters.OptimizerKind.ADAM ? new Adam(learningRate, size) : new Sgd(learningRate);
    }

    static final class Sgd extends Optimizer {
        Sgd(double learningRate) {
            super(learningRate);
        }

        @Override
        void step(double[] params, double[] grads) {
            for (int i = 0; i < params.length; i++) params[i] -= learningRate * grads[i];
        }
    }

    /** Kingma &amp; Ba (2015) with β = (0.9, 0.999), ε = 1e-8, in PyTorch's arrangement of the bias corrections. */
    static final class Adam extends Optimizer {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;
        private final double[] m;
        private final double[] v;
        private double beta1Power = 1.0;
        private double beta2Power = 1.0;

        Adam(double learningRate, int size) {
            super(learningRate);
            this.m = new double[size];
            this.v = new double[size];
        }

        @Override
        void step(double[] params, double[] grads) {
            beta1Power *= BETA1;
            beta2Power *= BETA2;
            double stepSize = learningRate / (1.0 - beta1Power);
            double correction2 = Math.sqrt(1.0 - beta2Power);
            for (int i = 0; i < params.length; i++) {
                double g = grads[i];
                m[i] = BETA1 * m[i] + (1.0 - BETA1) * g;
                v[i] = BETA2 * v[i] + (1.0 - BETA2) * g * g;
                params[i] -= stepSize * m[i] / (Math.sqrt(v[i]) / correction2 + EPSILON);
            }
        }
    }
}
