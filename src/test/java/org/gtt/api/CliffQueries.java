package org.gtt.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Queries to GET /api/v1/cliff and /api/v1/cliff/descent that between them cover the defaults, the bounds,
 * n = 201, steps 1 and 200, every clip mode, plain descents, descents that leave the box (with their note) and
 * refusals of every field: the set the parity tests (Jackson against {@link Cliff}, the server against the
 * in-browser engine) ask.
 */
public final class CliffQueries {
    private CliffQueries() {}

    public static List<Map<String, String>> grids() {
        return List.of(Map.of(), Map.of("n", "61", "gradients", "false"), Map.of("n", "201"), Map.of("n", "2", "steps", "1"),
                Map.of("n", "5", "steps", "200"), Map.of("wMin", "-20", "wMax", "20", "bMin", "-20", "bMax", "20", "n", "9"),
                Map.of("wMin", "4.25", "wMax", "4.3", "bMin", "-2.125", "bMax", "-2.1", "n", "7", "steps", "37"),
                Map.of("wMin", "0", "wMax", "1e-3", "bMin", "-0", "bMax", "0.1", "n", "3", "gradients", "true"));
    }

    public static List<Map<String, String>> descents() {
        return List.of(Map.of(), Map.of("w0", "4.85", "b0", "-2.81", "learningRate", "0.1", "iterations", "150"),
                Map.of("clip", "1"), Map.of("clip", "1", "clipMode", "norm"), Map.of("clip", "0.5", "clipMode", "value"),
                Map.of("iterations", "1"), Map.of("iterations", "1000", "clip", "1e6"), Map.of("steps", "1"),
                Map.of("steps", "200", "clip", "1e-6", "clipMode", "value"),
                Map.of("w0", "20", "b0", "-20", "learningRate", "10", "iterations", "1000"),
                Map.of("w0", "5.2", "b0", "-2.5", "learningRate", "1", "iterations", "200"),
                Map.of("w0", "5.3", "b0", "-2.6", "learningRate", "10", "iterations", "50"),
                Map.of("w0", "-20", "b0", "20", "learningRate", "1e-6"));
    }

    public static List<Map<String, String>> refusedGrids() {
        return List.of(Map.of("n", "1"), Map.of("n", "202"), Map.of("n", "2.5"), Map.of("wMin", "21"),
                Map.of("wMin", "5", "wMax", "4.5"), Map.of("bMin", "-1", "bMax", "-1"), Map.of("gradients", "yes"),
                Map.of("steps", "0"), Map.of("steps", "201"), Map.of("colour", "red"), Map.of("wMin", "NaN"));
    }

    public static List<Map<String, String>> refusedDescents() {
        return List.of(Map.of("clipMode", "value"), Map.of("clip", "0"), Map.of("clip", "2e6"), Map.of("clip", "1", "clipMode", "both"),
                Map.of("learningRate", "11"), Map.of("learningRate", "0"), Map.of("iterations", "0"), Map.of("iterations", "1001"),
                Map.of("w0", "-20.5"), Map.of("b0", "x"), Map.of("n", "3"));
    }

    /** As the server's query map: one value per name, in name order. */
    public static Map<String, List<String>> lists(Map<String, String> query) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        new TreeMap<>(query).forEach((k, v) -> lists.put(k, List.of(v)));
        return lists;
    }
}
