package org.gtt.api;

import static org.gtt.api.ApiField.Kind.ARRAY;
import static org.gtt.api.ApiField.Kind.INTEGER;
import static org.gtt.api.ApiField.Kind.NUMBER;
import static org.gtt.api.ApiField.Kind.STRING;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gtt.engine.Limits;
import org.gtt.train.ModelKind;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;
import org.gtt.train.TrainingParameters.ClipMode;
import org.gtt.train.TrainingParameters.OptimizerKind;

/**
 * The body of {@code POST /api/v1/train} (issue 9's fields, each optional, defaults from
 * {@link TrainingParameters#defaults()}) into the race's parameters. Refuses, naming the field: malformed JSON,
 * unknown fields, wrong types, values out of bounds, an empty or repeated model list, more than
 * {@link #MAX_REPORTS} reports, and a race whose arrays would take more than {@link #MAX_JOB_BYTES}.
 */
public final class TrainingRequestParser {
    /** The stream carries at most this many progress events: it bounds what one job writes. */
    public static final int MAX_REPORTS = 1000;
    /** A job's arrays ({@link Race#workspaceBytes}) stay under this, so two running jobs fit any server. */
    public static final long MAX_JOB_BYTES = 64L << 20;
    private static final int MAX_REPORT_INTERVAL = 1000;

    static final List<String> MODEL_NAMES = ModelCatalog.names(ModelKind.values());
    private static final Map<String, ApiField> FIELDS = fields();

    private final JsonNode root;
    private final FieldReader reader;

    private TrainingRequestParser(JsonNode root) {
        this.root = root;
        this.reader = new FieldReader(JacksonValues.of(root), FIELDS);
    }

    /** A JSON body (at most {@link GradientService#MAX_BODY_BYTES}) into bounded parameters, or a 400 naming the field. */
    public static TrainingParameters parse(byte[] body) {
        if (body.length > GradientService.MAX_BODY_BYTES) throw GradientService.tooLarge();
        return parse(GradientService.readJson(body));
    }

    static TrainingParameters parse(JsonNode root) {
        if (!root.isObject()) {
            throw ApiException.badField(null, "the request must be a JSON object", "object with the fields " + fieldNames());
        }
        return new TrainingRequestParser(root).parse();
    }

    /** The fields, their defaults and bounds, in the order of the README's table. */
    public static List<String> fieldNames() {
        return List.copyOf(FIELDS.keySet());
    }

    private TrainingParameters parse() {
        reader.refuseUnknown(" for a training run");
        int iterations = (int) reader.integer("iterations");
        int reportEvery = (int) reader.integer("reportEvery");
        if (ceilDiv(iterations, reportEvery) > MAX_REPORTS) {
            throw ApiException.badField("reportEvery", "reportEvery " + reportEvery + " gives more than " + MAX_REPORTS
                    + " reports over " + iterations + " iterations", "integer " + ceilDiv(iterations, MAX_REPORTS)
                    + " to " + MAX_REPORT_INTERVAL + " for " + iterations + " iterations");
        }
        TrainingParameters parameters = new TrainingParameters(models(), (int) reader.integer("steps"),
                (int) reader.integer("hidden"), (int) reader.integer("batch"), reader.number("learningRate"),
                OptimizerKind.valueOf(upper(reader.choice("optimizer"))), clip(), ClipMode.valueOf(upper(reader.choice("clipMode"))),
                reader.number("forgetBias"), iterations, reader.integer("seed"), reportEvery);
        checkMemory(parameters);
        return parameters;
    }

    private List<ModelKind> models() {
        JsonNode node = root.get("models");
        if (node == null) return TrainingParameters.defaults().models();
        String allowed = FIELDS.get("models").allowedText();
        if (!node.isArray() || node.isEmpty()) {
            throw ApiException.badField("models", "models must be a non-empty array of model names, got " + node, allowed);
        }
        List<ModelKind> models = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual() || !MODEL_NAMES.contains(element.textValue())) {
                throw ApiException.badField("models", "unknown model " + element, allowed);
            }
            ModelKind kind = ModelKind.fromJson(element.textValue());
            if (models.contains(kind)) {
                throw ApiException.badField("models", "model " + element + " is listed twice", allowed);
            }
            models.add(kind);
        }
        return models;
    }

    /** A threshold, or null (JSON null) for no clipping. */
    private Double clip() {
        JsonNode node = root.get("clip");
        if (node != null && node.isNull()) return null;
        return reader.number("clip");
    }

    private void checkMemory(TrainingParameters parameters) {
        long bytes = Race.workspaceBytes(parameters);
        if (bytes <= MAX_JOB_BYTES) return;
        // blame the size the client chose (the widget offers steps and hidden; batch is for scripts)
        String field = List.of("batch", "hidden", "steps").stream().filter(root::has).findFirst().orElse("hidden");
        throw ApiException.badField(field, String.format(Locale.ROOT, "this race needs %.0f MB of arrays, over the %d MB a"
                        + " job may take", bytes / 1048576.0, MAX_JOB_BYTES >> 20),
                "fewer models, or smaller steps, hidden or batch (arrays grow like models × steps × hidden × batch)");
    }

    private static Map<String, ApiField> fields() {
        TrainingParameters d = TrainingParameters.defaults();
        Map<String, ApiField> fields = new LinkedHashMap<>();
        List<ApiField> list = List.of(
                new ApiField("models", ARRAY, null, null, null, MODEL_NAMES, "the runners, distinct, in the order shown"),
                new ApiField("steps", INTEGER, d.steps(), 2.0, 200.0, null, "sequence length T of the adding problem"),
                new ApiField("hidden", INTEGER, d.hidden(), 1.0, 64.0, null, "hidden units of every model"),
                new ApiField("batch", INTEGER, d.batch(), 1.0, 128.0, null, "sequences per iteration"),
                new ApiField("learningRate", NUMBER, d.learningRate(), 1e-5, 1.0, null, "step size"),
                new ApiField("optimizer", STRING, d.optimizer().jsonName(), null, null, ModelCatalog.names(OptimizerKind.values()), "Adam or plain SGD"),
                new ApiField("clip", NUMBER, d.clip(), 1e-3, 1e3, null, "clipping threshold; null: no clipping"),
                new ApiField("clipMode", STRING, d.clipMode().jsonName(), null, null, ModelCatalog.names(ClipMode.values()),
                        "norm: rescale the global gradient; value: clamp each entry"),
                new ApiField("forgetBias", NUMBER, d.forgetBias(), -10.0, 10.0, null, "added to the LSTM's forget-gate bias"),
                new ApiField("iterations", INTEGER, d.iterations(), 1.0, 20_000.0, null, "training budget per model"),
                new ApiField("seed", INTEGER, d.seed(), 0.0, (double) Limits.MAX_SEED, null, "seed of the data and the weights"),
                new ApiField("reportEvery", INTEGER, d.reportEvery(), 1.0, (double) MAX_REPORT_INTERVAL, null, "iterations between progress events"));
        for (ApiField field : list) fields.put(field.name(), field);
        return Collections.unmodifiableMap(fields);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private static String upper(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
