package org.gtt.api;

import java.util.List;
import org.gtt.engine.DenseLayer;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;
import org.gtt.engine.ModelType;
import org.gtt.engine.RecurrentWeights;
import org.gtt.json.JsonWriter;

/**
 * The JSON answer: the parameters used (defaults filled in), the quantities, the notes, the echo. Written
 * with {@link JsonWriter}, which the in-browser engine uses too, so both send the same text.
 */
final class GradientResponse {
    private GradientResponse() {}

    static String of(GradientRequestParser.Parsed parsed, GradientResult result, JsonWriter.DoubleFormat doubles) {
        GradientRequest request = parsed.request();
        JsonWriter json = new JsonWriter(doubles).beginObject();
        json.name("model").value(request.model().jsonName());
        json.name("parameters");
        parameters(json, request);
        json.name("generated").beginArray();
        if (request.weights() == null && request.layers() == null) {
            json.value("weights");
        }
        if (request.inputs() == null) {
            json.value("inputs");
        }
        json.endArray();
        series(json, "jacobianLog10Norms", result.jacobianLog10Norms());
        series(json, "stepLog10Norms", result.stepLog10Norms());
        series(json, "cellLog10Norms", result.cellLog10Norms());
        series(json, "forgetProductLog10", result.forgetProductLog10());
        if (result.spectralRadius() != null) {
            json.name("spectralRadius").value(result.spectralRadius());
            json.name("largestSingularValue").value(result.largestSingularValue());
            json.name("eigenvalues").value(result.eigenvalues());
        }
        series(json, "boundLog10", result.boundLog10());
        series(json, "weightGradientNorms", result.weightGradientNorms());
        series(json, "weightGradientLog10Norms", result.weightGradientLog10Norms());
        series(json, "activationGradientLog10Norms", result.activationGradientLog10Norms());
        json.name("notes").beginArray();
        result.notes().forEach(json::value);
        json.endArray();
        if (parsed.returnWeights()) {
            json.name("weights");
            if (result.weightsUsed() != null) recurrentWeights(json, result.weightsUsed());
            else layers(json, result.layersUsed());
            json.name("inputs");
            if (request.model() == ModelType.MLP) json.value(result.inputsUsed()[0]);
            else json.value(result.inputsUsed());
        }
        return json.endObject().toString();
    }

    /**
     * Every scalar field that shaped the numbers, defaults included, in the request's own names:
     * sent back as a request (with the same arrays, if any), it gives the same numbers.
     */
    static String parametersOf(GradientRequest request, JsonWriter.DoubleFormat doubles) {
        JsonWriter json = new JsonWriter(doubles);
        parameters(json, request);
        return json.toString();
    }

    private static void parameters(JsonWriter p, GradientRequest request) {
        p.beginObject();
        p.name("model").value(request.model().jsonName());
        boolean generated = request.weights() == null && request.layers() == null;
        for (ApiField field : ModelCatalog.fields(request.model()).values()) {
            switch (field.name()) {
                case "steps" -> p.name("steps").value(request.steps());
                case "hidden" -> p.name("hidden").value(request.hidden());
                case "inputSize" -> p.name("inputSize").value(request.inputSize());
                case "activation" -> p.name("activation").value(request.activation().jsonName());
                case "init" -> { if (generated) p.name("init").value(request.init().jsonName()); }
                case "scale" -> { if (generated) p.name("scale").value(request.scale()); }
                case "forgetBias" -> { if (generated) p.name("forgetBias").value(request.forgetBias()); }
                case "forgetGate" -> p.name("forgetGate").value(request.forgetGate());
                case "updateBias" -> { if (generated) p.name("updateBias").value(request.updateBias()); }
                case "seed" -> p.name("seed").value(request.seed());
                default -> { }
            }
        }
        p.endObject();
    }

    private static void series(JsonWriter json, String name, Double[] values) {
        if (values == null) {
            return;
        }
        json.name(name).beginArray();
        for (Double value : values) {
            json.value(value);
        }
        json.endArray();
    }

    private static void recurrentWeights(JsonWriter json, RecurrentWeights weights) {
        json.beginObject();
        json.name("weight_ih_l0").value(weights.weightIh());
        json.name("weight_hh_l0").value(weights.weightHh());
        json.name("bias_ih_l0").value(weights.biasIh());
        json.name("bias_hh_l0").value(weights.biasHh());
        json.endObject();
    }

    private static void layers(JsonWriter json, List<DenseLayer> layers) {
        json.beginObject().name("layers").beginArray();
        for (DenseLayer layer : layers) {
            json.beginObject();
            json.name("weight").value(layer.weight());
            json.name("bias").value(layer.bias());
            json.endObject();
        }
        json.endArray().endObject();
    }
}
