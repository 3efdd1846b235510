package org.gtt.api;

import org.gtt.json.JsonValue;

/**
 * Reads numeric vectors and matrices from JSON, refusing anything that is not an array of finite
 * numbers of the expected shape, with the exact path of the offending element.
 */
final class JsonArrays {
    static final int ANY = -1;

    private JsonArrays() {}

    static double[] vector(JsonValue node, String path, int length, String shape) {
        if (!node.isArray()) {
            throw ApiException.badField(path, path + " must be an array of numbers", shape);
        }
        if (node.isEmpty() || (length != ANY && node.size() != length)) {
            throw ApiException.badField(path, path + " has " + node.size() + " elements", shape);
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = number(node.get(i), path + "[" + i + "]");
        }
        return values;
    }

    /** A matrix of rows × cols (either may be ANY, then fixed by the first row). */
    static double[][] matrix(JsonValue node, String path, int rows, int cols, String shape) {
        if (!node.isArray() || node.isEmpty()) {
            throw ApiException.badField(path, path + " must be a non-empty array of rows", shape);
        }
        if (rows != ANY && node.size() != rows) {
            throw ApiException.badField(path, path + " has " + node.size() + " rows", shape);
        }
        int width = cols != ANY ? cols : node.get(0).isArray() ? node.get(0).size() : ANY;
        double[][] matrix = new double[node.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = vector(node.get(i), path + "[" + i + "]", width, shape);
        }
        return matrix;
    }

    static double number(JsonValue node, String path) {
        if (!node.isNumber()) {
            throw ApiException.badField(path, path + " must be a number", "finite number");
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw ApiException.badField(path, path + " is not finite (NaN and Infinity are not numbers here)",
                    "finite number");
        }
        return value;
    }
}
