package org.gtt.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.gtt.engine.DenseLayer;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;

/** The JSON answer: the parameters used (defaults filled in), the quantities, the notes, the echo. */
final class GradientResponse {
    private static final ObjectMapper JSON = new ObjectMapper();

    private GradientResponse() {}

    static ObjectNode of(GradientRequestParser.Parsed parsed, GradientResult result) {
        GradientRequest request = parsed.request();
        ObjectNode body = JSON.createObjectNode();
        body.put("model", request.model().jsonName());
        body.set("parameters", parametersOf(request));
        ArrayNode generated = body.putArray("generated");
        if (request.weights() == null && request.layers() == null) {
            generated.add("weights");
        }
        if (request.inputs() == null) {
            generated.add("inputs");
        }
        series(body, "jacobianLog10Norms", result.jacobianLog10Norms());
        series(body, "stepLog10Norms", result.stepLog10Norms());
        series(body, "cellLog10Norms", result.cellLog10Norms());
        series(body, "forgetProductLog10", result.forgetProductLog10());
        if (result.spectralRadius() != null) {
            body.put("spectralRadius", result.spectralRadius());
            body.put("largestSingularValue", result.largestSingularValue());
            body.set("eigenvalues", matrix(result.eigenvalues()));
        }
        series(body, "boundLog10", result.boundLog10());
        series(body, "weightGradientNorms", result.weightGradientNorms());
        series(body, "weightGradientLog10Norms", result.weightGradientLog10Norms());
        series(body, "activationGradientLog10Norms", result.activationGradientLog10Norms());
        ArrayNode notes = body.putArray("notes");
        result.notes().forEach(notes::add);
        if (parsed.returnWeights()) {
            body.set("weights", result.weightsUsed() != null
                    ? recurrentWeights(result.weightsUsed()) : layers(result.layersUsed()));
            body.set("inputs", request.model() == ModelType.MLP
                    ? vector(result.inputsUsed()[0]) : matrix(result.inputsUsed()));
        }
        return body;
    }

    /**
     * Every scalar field that shaped the numbers, defaults included, in the request's own names:
     * sent back as a request (with the same arrays, if any), it gives the same numbers.
     */
    static ObjectNode parametersOf(GradientRequest request) {
        ObjectNode p = JSON.createObjectNode();
        p.put("model", request.model().jsonName());
        Iterable<ApiField> fields = ModelCatalog.fields(request.model()).values();
        boolean generated = request.weights() == null && request.layers() == null;
        for (ApiField field : fields) {
            switch (field.name()) {
                case "steps" -> p.put("steps", request.steps());
                case "hidden" -> p.put("hidden", request.hidden());
                case "inputSize" -> p.put("inputSize", request.inputSize());
                case "activation" -> p.put("activation", request.activation().jsonName());
                case "init" -> putIf(p, generated, "init", request.init().jsonName());
                case "scale" -> { if (generated) p.put("scale", request.scale()); }
                case "forgetBias" -> { if (generated) p.put("forgetBias", request.forgetBias()); }
                case "forgetGate" -> p.put("forgetGate", request.forgetGate());
                case "updateBias" -> { if (generated) p.put("updateBias", request.updateBias()); }
                case "seed" -> p.put("seed", request.seed());
                default -> { }
            }
        }
        return p;
    }

    private static void putIf(ObjectNode node, boolean condition, String name, String value) {
        if (condition) {
            node.put(name, value);
        }
    }

    private static void series(ObjectNode body, String name, Double[] values) {
        if (values == null) {
            return;
        }
        ArrayNode array = body.putArray(name);
        for (Double value : values) {
            if (value == null) {
                array.addNull();
            } else {
                array.add(value.doubleValue());
            }
        }
    }

    private static ObjectNode recurrentWeights(RecurrentWeights weights) {
        ObjectNode node = JSON.createObjectNode();
        node.set("weight_ih_l0", matrix(weights.weightIh()));
        node.set("weight_hh_l0", matrix(weights.weightHh()));
        node.set("bias_ih_l0", vector(weights.biasIh()));
        node.set("bias_hh_l0", vector(weights.biasHh()));
        return node;
    }

    private static ObjectNode layers(List<DenseLayer> layers) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode array = node.putArray("layers");
        for (DenseLayer layer : layers) {
            ObjectNode entry = array.addObject();
            entry.set("weight", matrix(layer.weight()));
            entry.set("bias", vector(layer.bias()));
        }
        return node;
    }

    private static ArrayNode matrix(double[][] rows) {
        ArrayNode array = JSON.createArrayNode();
        for (double[] row : rows) {
            array.add(vector(row));
        }
        return array;
    }

    private static ArrayNode vector(double[] values) {
        ArrayNode array = JSON.createArrayNode();
        for (double value : values) {
            array.add(value);
        }
        return array;
    }
}
