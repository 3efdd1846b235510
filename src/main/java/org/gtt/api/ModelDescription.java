package org.gtt.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.ModelType;

/** The body of GET /api/v1/models: every model's fields, defaults, bounds, parameters and outputs. */
final class ModelDescription {
    private ModelDescription() {}

    static ObjectNode json() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("endpoint", GradientService.GRADIENTS);
        root.put("maxBodyBytes", GradientService.MAX_BODY_BYTES);
        ObjectNode models = root.putObject("models");
        for (ModelType model : ModelType.values()) {
            models.set(model.jsonName(), model(model));
        }
        return root;
    }

    private static ObjectNode model(ModelType model) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("equations", EQUATIONS.get(model));
        node.put("state", STATES.get(model));
        ArrayNode fields = node.putArray("fields");
        for (ApiField field : ModelCatalog.fields(model).values()) {
            ObjectNode entry = fields.addObject();
            entry.put("name", field.name());
            entry.put("type", field.kind().name().toLowerCase(java.util.Locale.ROOT));
            entry.putPOJO("default", field.defaultValue());
            if (field.min() != null) {
                entry.put("min", field.min());
                entry.put("max", field.max());
            }
            if (field.allowed() != null) {
                ArrayNode allowed = entry.putArray("allowed");
                field.allowed().forEach(allowed::add);
            }
            entry.put("query", ModelCatalog.isScalar(field));
            entry.put("description", field.description());
        }
        int gates = GradientRequest.gateCount(model);
        node.put("weightsLayout", model == ModelType.MLP
                ? "{\"layers\": [{\"weight\": out×in, \"bias\": out}, …]}, first in = inputSize"
                : "weight_ih_l0: " + gates + "n×m, weight_hh_l0: " + gates + "n×n, bias_ih_l0, bias_hh_l0: " + gates + "n"
                        + (gates == 4 ? " (rows i, f, g, o)" : gates == 3 ? " (rows r, z, n)" : ""));
        ArrayNode quantities = node.putArray("quantities");
        ModelCatalog.quantities(model).forEach(quantities::add);
        return node;
    }

    private static final Map<ModelType, String> EQUATIONS = Map.of(
            ModelType.RNN, "h_t = φ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)",
            ModelType.LSTM, "i,f,g,o = σ,σ,tanh,σ(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh); c_t = f⊙c_{t−1} + i⊙g;"
                    + " h_t = o⊙tanh(c_t)",
            ModelType.GRU, "r,z = σ(W_i x_t + b_i + W_h h_{t−1} + b_h); n_t = tanh(W_in x_t + b_in + r⊙(W_hn h_{t−1}"
                    + " + b_hn)); h_t = (1−z)⊙n_t + z⊙h_{t−1}",
            ModelType.MLP, "h_ℓ = φ(W_ℓ h_{ℓ−1} + b_ℓ), ℓ = 1..L; loss = ½‖h_L − target‖²");

    private static final Map<ModelType, String> STATES = Map.of(
            ModelType.RNN, "h", ModelType.LSTM, "[h; c]", ModelType.GRU, "h", ModelType.MLP, "h_ℓ");
}
