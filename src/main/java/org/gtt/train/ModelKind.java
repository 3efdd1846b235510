package org.gtt.train;

import java.util.Locale;

/**
 * The runners of a training race. rnn: tanh Elman cell; irnn: ReLU Elman cell started at W_hh = I
 * (Le, Jaitly &amp; Hinton 2015); lstm and gru: PyTorch's cells (same equations, gate order and init).
 */
public enum ModelKind {
    RNN(1), LSTM(4), GRU(3), IRNN(1);

    /** Weight blocks stacked in W_ih and W_hh (PyTorch's layout: i, f, g, o for the lstm; r, z, n for the gru). */
    final int gates;

    ModelKind(int gates) {
        this.gates = gates;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ModelKind fromJson(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
