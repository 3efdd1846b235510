package org.gtt.engine;

import java.util.ArrayList;
import java.util.List;

/** Explanations returned with the numbers, chiefly why a value is null. */
final class Notes {
    static final String ZERO_PRODUCT = "the product of step Jacobians is exactly zero there: at some step"
            + " every path is cut (e.g. all units have slope 0, as dead ReLUs do), so its log10 is −∞";
    static final String ZERO_STEP = "that step's Jacobian is exactly zero (every unit has slope 0 there"
            + " or the recurrent weights are zero), so its log10 is −∞";
    static final String ZERO_BOUND = "γ·σ_max(W_hh) is 0, so the bound is 0 and its log10 is −∞";
    static final String ZERO_LOSS_GRADIENT = "that gradient is exactly zero (the output equals the target,"
            + " or no path carries the error back), so its log10 is −∞";
    static final String OUT_OF_DOUBLE_RANGE = "the value is beyond the range of a double; its log10 is in"
            + " weightGradientLog10Norms";

    private final List<String> notes = new ArrayList<>();

    void add(String note) { notes.add(note); }

    void nulls(String field, List<Integer> indices, String reason) {
        if (!indices.isEmpty()) {
            notes.add(field + " is null at " + ranges(indices) + ": " + reason);
        }
    }

    List<String> list() { return List.copyOf(notes); }

    /** [0, 1, 2, 5] → "indices 0–2, 5". */
    private static String ranges(List<Integer> indices) {
        StringBuilder text = new StringBuilder(indices.size() == 1 ? "index " : "indices ");
        int start = indices.get(0);
        int previous = start;
        for (int i = 1; i <= indices.size(); i++) {
            if (i < indices.size() && indices.get(i) == previous + 1) {
                previous = indices.get(i);
                continue;
            }
            text.append(start == previous ? String.valueOf(start) : start + "–" + previous);
            if (i < indices.size()) {
                text.append(", ");
                start = indices.get(i);
                previous = start;
            }
        }
        return text.toString();
    }
}
