package org.gtt.api;

import java.util.Random;

/** Bodies with a pasted state_dict of random weights, as the custom widget posts them (for tests). */
public final class PastedWeights {
    private PastedWeights() {}

    /** A {@code model} (rnn, lstm, gru) with 3 hidden units and 2 inputs, weights N(0, 1) from {@code random}. */
    public static String body(String model, Random random) {
        int rows = (model.equals("lstm") ? 4 : model.equals("gru") ? 3 : 1) * 3;
        return "{\"model\": \"" + model + "\", \"steps\": 20, \"seed\": 3, \"returnWeights\": true, \"weights\": {"
                + "\"weight_ih_l0\": " + matrix(rows, 2, random) + ", \"weight_hh_l0\": " + matrix(rows, 3, random)
                + ", \"bias_ih_l0\": " + vector(rows, random) + ", \"bias_hh_l0\": " + vector(rows, random) + "}}";
    }

    private static String matrix(int rows, int cols, Random random) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < rows; i++) out.append(i > 0 ? ", " : "").append(vector(cols, random));
        return out.append(']').toString();
    }

    private static String vector(int length, Random random) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < length; i++) out.append(i > 0 ? ", " : "").append(random.nextGaussian());
        return out.append(']').toString();
    }
}
