package org.gtt.api;

import org.gtt.json.JsonValue;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gtt.engine.Activation;
import org.gtt.engine.DenseLayer;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.Init;
import org.gtt.engine.Limits;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;

/**
 * Turns a JSON request (the POST body, or the query parameters as JSON) into an engine request,
 * with every default filled in. Refuses, naming the field: unknown fields and fields that do not
 * apply to the model, wrong types, values out of bounds, non-finite numbers and wrong shapes.
 */
final class GradientRequestParser {
    /** The engine request, whether to echo the weights, and whether the client sent any array. */
    record Parsed(GradientRequest request, boolean returnWeights, boolean custom) {}

    private final JsonValue root;
    private final Map<String, ApiField> fields;
    private final GradientRequest.Builder builder;
    private final FieldReader reader;

    private GradientRequestParser(JsonValue root, ModelType model) {
        this.root = root;
        this.fields = ModelCatalog.fields(model);
        this.reader = new FieldReader(root, fields);
        this.builder = GradientRequest.defaults(model).toBuilder();
    }

    static Parsed parse(JsonValue root) {
        if (root == null || !root.isObject()) {
            throw ApiException.badField(null, "the request must be a JSON object", "object with the field model");
        }
        return new GradientRequestParser(root, model(root)).parse();
    }

    private static ModelType model(JsonValue root) {
        JsonValue node = root.get("model");
        String allowed = String.join(", ", ModelCatalog.MODEL_NAMES);
        if (node == null) {
            throw ApiException.badField("model", "the field model is missing", allowed);
        }
        if (!node.isTextual() || !ModelCatalog.MODEL_NAMES.contains(node.textValue())) {
            throw ApiException.badField("model", "unknown model " + node, allowed);
        }
        return ModelType.valueOf(node.textValue().toUpperCase(Locale.ROOT));
    }

    private Parsed parse() {
        checkFieldNames();
        builder.steps = (int) integer("steps");
        builder.hidden = (int) integer("hidden");
        builder.inputSize = (int) integer("inputSize");
        builder.seed = integer("seed");
        builder.scale = number("scale");
        if (fields.containsKey("activation")) {
            builder.activation = Activation.valueOf(choice("activation").toUpperCase(Locale.ROOT));
        }
        builder.init = Init.valueOf(choice("init").toUpperCase(Locale.ROOT));
        if (fields.containsKey("forgetBias")) {
            builder.forgetBias = number("forgetBias");
            builder.forgetGate = bool("forgetGate");
        }
        if (fields.containsKey("updateBias")) {
            builder.updateBias = number("updateBias");
        }
        if (root.has("weights")) {
            readWeights();
        }
        readInputs();
        builder.h0 = stateVector("h0", builder.hidden);
        builder.c0 = stateVector("c0", builder.hidden);
        builder.target = stateVector("target", outputWidth());
        boolean custom = root.has("weights") || root.has("inputs") || root.has("h0") || root.has("c0")
                || root.has("target");
        return new Parsed(builder.build(), bool("returnWeights"), custom);
    }

    private void checkFieldNames() {
        reader.refuseUnknown(" for model " + modelName());
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (root.has("weights") && ModelCatalog.GENERATION_FIELDS.contains(name)) {
                throw ApiException.badField(name, name + " describes generated weights and cannot be combined"
                        + " with weights", "leave out " + name + " or weights");
            }
        }
    }

    private String modelName() { return builder.model.jsonName(); }

    private long integer(String name) { return reader.integer(name); }

    private double number(String name) { return reader.number(name); }

    private String choice(String name) { return reader.choice(name); }

    private boolean bool(String name) { return reader.bool(name); }

    /** Weights fix the sizes; a size also given explicitly must agree with them. */
    private void readWeights() {
        JsonValue node = root.get("weights");
        if (!node.isObject()) {
            throw ApiException.badField("weights", "weights must be an object", fields.get("weights").description());
        }
        if (builder.model == ModelType.MLP) {
            readLayers(node);
        } else {
            readRecurrentWeights(node);
        }
    }

    private void readRecurrentWeights(JsonValue node) {
        List<String> keys = List.of("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0");
        requireExactKeys(node, "weights", keys);
        int gates = GradientRequest.gateCount(builder.model);
        JsonValue hh = node.get("weight_hh_l0");
        int n = hh.isArray() && !hh.isEmpty() && hh.get(0).isArray() ? hh.get(0).size() : 0;
        if (n < 1 || n > Limits.MAX_RECURRENT_HIDDEN) {
            throw ApiException.badField("weights.weight_hh_l0", "weight_hh_l0 must have 1 to "
                    + Limits.MAX_RECURRENT_HIDDEN + " columns (the hidden size)", gates + "·n × n");
        }
        String rowsText = gates * n + " rows (" + gates + "·hidden)";
        double[][] weightHh = JsonArrays.matrix(hh, "weights.weight_hh_l0", gates * n, n, rowsText + " × " + n);
        JsonValue ih = node.get("weight_ih_l0");
        int m = ih.isArray() && !ih.isEmpty() && ih.get(0).isArray() ? ih.get(0).size() : 0;
        if (m < 1 || m > Limits.MAX_RECURRENT_INPUT) {
            throw ApiException.badField("weights.weight_ih_l0", "weight_ih_l0 must have 1 to "
                    + Limits.MAX_RECURRENT_INPUT + " columns (the input size)", rowsText + " × inputSize");
        }
        double[][] weightIh = JsonArrays.matrix(ih, "weights.weight_ih_l0", gates * n, m, rowsText + " × " + m);
        double[] biasIh = JsonArrays.vector(node.get("bias_ih_l0"), "weights.bias_ih_l0", gates * n, rowsText);
        double[] biasHh = JsonArrays.vector(node.get("bias_hh_l0"), "weights.bias_hh_l0", gates * n, rowsText);
        builder.hidden = agree("hidden", n);
        builder.inputSize = agree("inputSize", m);
        builder.weights = new RecurrentWeights(weightIh, weightHh, biasIh, biasHh);
    }

    private void readLayers(JsonValue node) {
        requireExactKeys(node, "weights", List.of("layers"));
        JsonValue layers = node.get("layers");
        if (!layers.isArray() || layers.isEmpty() || layers.size() > Limits.MAX_MLP_DEPTH) {
            throw ApiException.badField("weights.layers", "layers must be an array of 1 to "
                    + Limits.MAX_MLP_DEPTH + " layers", "[{\"weight\": [[…]], \"bias\": […]}, …]");
        }
        List<DenseLayer> parsed = new ArrayList<>();
        int inputs = JsonArrays.ANY;
        int widest = 0;
        for (int l = 0; l < layers.size(); l++) {
            String path = "weights.layers[" + l + "]";
            DenseLayer layer = readLayer(layers.get(l), path, inputs);
            inputs = layer.weight().length;
            widest = Math.max(widest, inputs);
            parsed.add(layer);
        }
        builder.steps = agree("steps", parsed.size());
        builder.inputSize = agree("inputSize", parsed.get(0).weight()[0].length);
        builder.hidden = agree("hidden", widest);
        builder.layers = parsed;
    }

    private DenseLayer readLayer(JsonValue node, String path, int inputs) {
        if (!node.isObject()) {
            throw ApiException.badField(path, path + " must be an object", "{\"weight\": [[…]], \"bias\": […]}");
        }
        requireExactKeys(node, path, List.of("weight", "bias"));
        JsonValue weight = node.get("weight");
        int rows = weight.isArray() ? weight.size() : 0;
        int cols = rows > 0 && weight.get(0).isArray() ? weight.get(0).size() : 0;
        String shape = "out × in, out and in 1 to " + Limits.MAX_MLP_WIDTH
                + (inputs == JsonArrays.ANY ? "" : ", in = " + inputs + " (the previous layer's out)");
        if (rows < 1 || rows > Limits.MAX_MLP_WIDTH || cols < 1 || cols > Limits.MAX_MLP_WIDTH
                || (inputs != JsonArrays.ANY && cols != inputs)) {
            throw ApiException.badField(path + ".weight", path + ".weight has shape " + rows + " × " + cols, shape);
        }
        double[][] matrix = JsonArrays.matrix(weight, path + ".weight", rows, cols, shape);
        double[] bias = JsonArrays.vector(node.get("bias"), path + ".bias", rows, rows + " numbers");
        return new DenseLayer(matrix, bias);
    }

    private void requireExactKeys(JsonValue node, String path, List<String> keys) {
        for (String key : keys) {
            if (!node.has(key)) {
                throw ApiException.badField(path + "." + key, path + "." + key + " is missing", String.join(", ", keys));
            }
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!keys.contains(name)) {
                throw ApiException.badField(path + "." + name, "unknown field " + path + "." + name,
                        String.join(", ", keys));
            }
        }
    }

    /** A size implied by an array; if the client also sent the size, the two must be equal. */
    private int agree(String name, int implied) {
        JsonValue node = root.get(name);
        ApiField field = fields.get(name);
        if (implied < field.min() || implied > field.max()) {
            throw ApiException.badField(name, "the arrays imply " + name + " = " + implied, field.allowedText());
        }
        if (node != null && node.longValue() != implied) {
            throw ApiException.badField(name, name + " is " + node + " but the arrays imply " + implied,
                    String.valueOf(implied));
        }
        return implied;
    }

    private void readInputs() {
        JsonValue node = root.get("inputs");
        if (node == null) {
            return;
        }
        if (builder.model == ModelType.MLP) {
            builder.inputs = new double[][] {JsonArrays.vector(node, "inputs", builder.inputSize,
                    builder.inputSize + " numbers (inputSize)")};
            return;
        }
        int rows = root.has("steps") ? builder.steps : JsonArrays.ANY;
        String shape = (rows == JsonArrays.ANY ? "T" : String.valueOf(rows)) + " × " + builder.inputSize
                + " (steps × inputSize)";
        builder.inputs = JsonArrays.matrix(node, "inputs", rows, builder.inputSize, shape);
        builder.steps = agree("steps", builder.inputs.length);
    }

    private double[] stateVector(String name, int length) {
        JsonValue node = root.get(name);
        return node == null ? null : JsonArrays.vector(node, name, length, length + " numbers");
    }

    private int outputWidth() {
        return builder.layers != null ? builder.layers.get(builder.layers.size() - 1).weight().length : builder.hidden;
    }
}
