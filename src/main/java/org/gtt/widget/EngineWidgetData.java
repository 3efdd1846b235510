package org.gtt.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import org.gtt.content.BlockException;
import org.gtt.engine.Activation;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;
import org.gtt.engine.Init;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;

/**
 * {@link WidgetData} straight over the engine. Interim: the engine branch's API will own the request
 * parser and the JSON writer (a package shared by web and widgets); this class then shrinks to a
 * call into them. Until then it writes the field names issue 4 fixes.
 */
public final class EngineWidgetData implements WidgetData {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String response(String model, Map<String, String> fields) throws BlockException {
        GradientRequest.Builder request = GradientRequest.defaults(modelType(model)).toBuilder();
        try {
            applyScalars(request, fields::get);
        } catch (IllegalArgumentException e) {
            throw new BlockException("invalid widget parameter: " + e.getMessage());
        }
        return write(request.build(), GradientEngine.compute(request.build()));
    }

    @Override
    public String postResponse(String requestJson) throws BlockException {
        try {
            JsonNode body = JSON.readTree(requestJson);
            GradientRequest.Builder request = GradientRequest.defaults(modelType(body.path("model").asText())).toBuilder();
            applyScalars(request, key -> body.has(key) ? body.get(key).asText() : null);
            JsonNode weights = body.path("weights");
            if (!weights.isMissingNode()) {
                request.weights = new RecurrentWeights(matrix(weights, "weight_ih_l0"), matrix(weights, "weight_hh_l0"),
                        vector(weights, "bias_ih_l0"), vector(weights, "bias_hh_l0"));
                request.inputSize = request.weights.weightIh()[0].length;
                request.hidden = request.weights.weightHh()[0].length;
            }
            return write(request.build(), GradientEngine.compute(request.build()));
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new BlockException("invalid widget request: " + e.getMessage());
        }
    }

    private static ModelType modelType(String model) throws BlockException {
        try {
            return ModelType.valueOf(model.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BlockException("unknown model '" + model + "'");
        }
    }

    private static void applyScalars(GradientRequest.Builder request, java.util.function.Function<String, String> fields) {
        String value;
        if ((value = fields.apply("steps")) != null) request.steps = Integer.parseInt(value);
        if ((value = fields.apply("hidden")) != null) request.hidden = Integer.parseInt(value);
        if ((value = fields.apply("inputSize")) != null) request.inputSize = Integer.parseInt(value);
        if ((value = fields.apply("activation")) != null) request.activation = Activation.valueOf(value.toUpperCase(Locale.ROOT));
        if ((value = fields.apply("init")) != null) request.init = Init.valueOf(value.toUpperCase(Locale.ROOT));
        if ((value = fields.apply("scale")) != null) request.scale = Double.parseDouble(value);
        if ((value = fields.apply("forgetBias")) != null) request.forgetBias = Double.parseDouble(value);
        if ((value = fields.apply("updateBias")) != null) request.updateBias = Double.parseDouble(value);
        if ((value = fields.apply("forgetGate")) != null) request.forgetGate = Boolean.parseBoolean(value);
        if ((value = fields.apply("seed")) != null) request.seed = Long.parseLong(value);
    }

    private static double[][] matrix(JsonNode weights, String key) {
        return JSON.convertValue(required(weights, key), double[][].class);
    }

    private static double[] vector(JsonNode weights, String key) {
        return JSON.convertValue(required(weights, key), double[].class);
    }

    private static JsonNode required(JsonNode weights, String key) {
        if (!weights.has(key)) throw new IllegalArgumentException("weights." + key + " is missing");
        return weights.get(key);
    }

    private static String write(GradientRequest request, GradientResult result) {
        ObjectNode out = JSON.createObjectNode();
        out.put("model", request.model().jsonName());
        out.put("steps", request.steps());
        out.put("hidden", request.hidden());
        out.put("inputSize", request.inputSize());
        out.put("activation", request.activation().jsonName());
        out.put("init", request.init().jsonName());
        out.put("scale", request.scale());
        out.put("forgetBias", request.forgetBias());
        out.put("updateBias", request.updateBias());
        out.put("forgetGate", request.forgetGate());
        out.put("seed", request.seed());
        series(out, "jacobianLog10Norms", result.jacobianLog10Norms());
        series(out, "stepLog10Norms", result.stepLog10Norms());
        series(out, "cellLog10Norms", result.cellLog10Norms());
        series(out, "forgetProductLog10", result.forgetProductLog10());
        series(out, "boundLog10", result.boundLog10());
        series(out, "weightGradientNorms", result.weightGradientNorms());
        series(out, "weightGradientLog10Norms", result.weightGradientLog10Norms());
        series(out, "activationGradientLog10Norms", result.activationGradientLog10Norms());
        if (result.spectralRadius() != null) out.put("spectralRadius", result.spectralRadius());
        if (result.largestSingularValue() != null) out.put("largestSingularValue", result.largestSingularValue());
        if (result.eigenvalues() != null) {
            ArrayNode eigenvalues = out.putArray("eigenvalues");
            for (double[] pair : result.eigenvalues()) eigenvalues.addArray().add(pair[0]).add(pair[1]);
        }
        ArrayNode notes = out.putArray("notes");
        result.notes().forEach(notes::add);
        return out.toString();
    }

    private static void series(ObjectNode out, String name, Double[] values) {
        if (values == null) return;
        ArrayNode array = out.putArray(name);
        for (Double value : values) {
            if (value == null) array.addNull();
            else array.add(value);
        }
    }

}
