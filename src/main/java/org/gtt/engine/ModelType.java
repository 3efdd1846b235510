package org.gtt.engine;

import java.util.Locale;

/** The four architectures the course compares; the JSON name is the lower-case enum name. */
public enum ModelType {
    RNN, LSTM, GRU, MLP;

    public String jsonName() { return name().toLowerCase(Locale.ROOT); }

    public boolean isRecurrent() { return this != MLP; }
}
