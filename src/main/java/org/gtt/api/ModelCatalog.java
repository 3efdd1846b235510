package org.gtt.api;

import static org.gtt.api.ApiField.Kind.ARRAY;
import static org.gtt.api.ApiField.Kind.BOOLEAN;
import static org.gtt.api.ApiField.Kind.INTEGER;
import static org.gtt.api.ApiField.Kind.NUMBER;
import static org.gtt.api.ApiField.Kind.OBJECT;
import static org.gtt.api.ApiField.Kind.STRING;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gtt.engine.Activation;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.Init;
import org.gtt.engine.Limits;
import org.gtt.engine.ModelType;

/** Which fields each model takes, with defaults and bounds: the single source for parser and docs. */
public final class ModelCatalog {
    private ModelCatalog() {}

    static final List<String> MODEL_NAMES = names(ModelType.values());
    static final List<String> ACTIVATION_NAMES = names(Activation.values());
    static final List<String> INIT_NAMES = names(Init.values());

    /** Fields that describe generated weights, refused when the client sends its own weights. */
    static final List<String> GENERATION_FIELDS = List.of("init", "scale", "forgetBias", "updateBias");

    static Map<String, ApiField> fields(ModelType model) {
        GradientRequest defaults = GradientRequest.defaults(model);
        boolean mlp = model == ModelType.MLP;
        double maxSteps = mlp ? Limits.MAX_MLP_DEPTH : Limits.MAX_RECURRENT_STEPS;
        double maxWidth = mlp ? Limits.MAX_MLP_WIDTH : Limits.MAX_RECURRENT_HIDDEN;
        double maxInput = mlp ? Limits.MAX_MLP_WIDTH : Limits.MAX_RECURRENT_INPUT;
        Map<String, ApiField> fields = new LinkedHashMap<>();
        add(fields, new ApiField("model", STRING, null, null, null, MODEL_NAMES, "the architecture (required)"));
        add(fields, new ApiField("steps", INTEGER, defaults.steps(), 1.0, maxSteps, null,
                mlp ? "depth L (number of layers)" : "sequence length T"));
        add(fields, new ApiField("hidden", INTEGER, defaults.hidden(), 1.0, maxWidth, null,
                mlp ? "layer width n" : "hidden size n"));
        add(fields, new ApiField("inputSize", INTEGER, defaults.inputSize(), 1.0, maxInput, null, "input size m"));
        if (model == ModelType.RNN || mlp) {
            add(fields, new ApiField("activation", STRING, defaults.activation().jsonName(), null, null,
                    ACTIVATION_NAMES, "φ"));
        }
        add(fields, new ApiField("init", STRING, defaults.init().jsonName(), null, null, INIT_NAMES,
                "how generated weight blocks are drawn"));
        add(fields, new ApiField("scale", NUMBER, defaults.scale(), 0.0, Limits.MAX_SCALE, null,
                model == ModelType.RNN ? "spectral radius W_hh is rescaled to" : "gain on every generated weight block"));
        if (model == ModelType.LSTM) {
            add(fields, new ApiField("forgetBias", NUMBER, defaults.forgetBias(), -Limits.MAX_GATE_BIAS,
                    Limits.MAX_GATE_BIAS, null, "added to the f rows of bias_ih_l0"));
            add(fields, new ApiField("forgetGate", BOOLEAN, defaults.forgetGate(), null, null, null,
                    "false: the 1997 LSTM, f ≡ 1"));
        }
        if (model == ModelType.GRU) {
            add(fields, new ApiField("updateBias", NUMBER, defaults.updateBias(), -Limits.MAX_GATE_BIAS,
                    Limits.MAX_GATE_BIAS, null, "added to the z rows of bias_ih_l0"));
        }
        add(fields, new ApiField("seed", INTEGER, defaults.seed(), 0.0, (double) Limits.MAX_SEED, null,
                "seed of the generated weights and inputs"));
        add(fields, new ApiField("weights", OBJECT, null, null, null, null, mlp
                ? "{\"layers\": [{\"weight\": [[…]], \"bias\": […]}, …]}; replaces init, scale"
                : "PyTorch state_dict: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0; replaces init, scale"
                        + (model == ModelType.LSTM ? ", forgetBias" : model == ModelType.GRU ? ", updateBias" : "")));
        add(fields, new ApiField("inputs", ARRAY, null, null, null, null,
                mlp ? "the input vector (m numbers)" : "T×m array; default i.i.d. N(0, 1) from the seed"));
        if (mlp) {
            add(fields, new ApiField("target", ARRAY, null, null, null, null, "the loss target; default zeros"));
        } else {
            add(fields, new ApiField("h0", ARRAY, null, null, null, null, "initial hidden state; default zeros"));
        }
        if (model == ModelType.LSTM) {
            add(fields, new ApiField("c0", ARRAY, null, null, null, null, "initial cell state; default zeros"));
        }
        add(fields, new ApiField("returnWeights", BOOLEAN, false, null, null, null,
                "echo the weights and inputs used, in the request's layout"));
        return fields;
    }

    /** Names of the fields a GET may carry: the scalar ones. */
    static boolean isScalar(ApiField field) {
        return field.kind() != ARRAY && field.kind() != OBJECT;
    }

    public static List<String> quantities(ModelType model) {
        List<String> names = new ArrayList<>(List.of("jacobianLog10Norms", "stepLog10Norms"));
        switch (model) {
            case RNN -> names.addAll(List.of("spectralRadius", "largestSingularValue", "eigenvalues", "boundLog10"));
            case LSTM -> names.addAll(List.of("cellLog10Norms", "forgetProductLog10"));
            case MLP -> names.addAll(List.of("weightGradientNorms", "weightGradientLog10Norms",
                    "activationGradientLog10Norms"));
            case GRU -> { }
        }
        names.add("notes");
        return names;
    }

    private static void add(Map<String, ApiField> fields, ApiField field) {
        fields.put(field.name(), field);
    }

    /** An enum's constants as the API spells them (lower case). */
    static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
