package org.gtt.engine;

/** One MLP layer h = φ(W h_prev + b), W of shape out × in. */
public record DenseLayer(double[][] weight, double[] bias) {}
