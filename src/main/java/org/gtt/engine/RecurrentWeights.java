package org.gtt.engine;

/**
 * One recurrent layer in PyTorch's layout: {@code weight_ih_l0} (gates·n × m), {@code weight_hh_l0}
 * (gates·n × n), {@code bias_ih_l0}, {@code bias_hh_l0} (gates·n), gate rows stacked as PyTorch
 * stacks them (lstm: i, f, g, o; gru: r, z, n; rnn: one block).
 */
public record RecurrentWeights(double[][] weightIh, double[][] weightHh, double[] biasIh, double[] biasHh) {

    int hiddenSize() { return weightHh[0].length; }

    int inputSize() { return weightIh[0].length; }
}
