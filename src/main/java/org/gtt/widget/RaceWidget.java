package org.gtt.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gtt.content.Lang;
import org.gtt.train.AddingProblem;
import org.gtt.train.ModelKind;

/**
 * What the train widget adds to a page besides its controls: the recorded race as a table (the text
 * alternative of the loss chart and the heat strips) and the words and task constants its script needs.
 * static/js/widgets/train.js fills the same table, row for row, from a live or replayed race.
 */
final class RaceWidget {
    /** The name of the baked recording in the widget's configuration ("baked": {"race": …}). */
    static final String RECORDING = "race";
    private static final List<String> COLUMNS = List.of("model", "trainLoss", "evalLoss", "firstStep", "solvedAt");
    private static final List<String> LABELS = List.of("model", "trainLoss", "evalLoss", "firstStep", "solvedAt",
            "strip", "legend", "legendLow", "legendHigh", "chance", "target", "yAxis", "start", "stop");

    /** Significant digits the baked recording keeps: what the page shows (the table writes 3). */
    static final MathContext BAKED_DIGITS = new MathContext(3);

    private RaceWidget() {}

    /**
     * The recording as the page carries it: every number to {@link #BAKED_DIGITS}, without the LSTM's
     * {@code cellGradientNorms}, which the widget does not draw, and without the repeated reports of runners that stopped. The default race is 60 reports of four models
     * with 50 step norms each; at full precision that alone would take the lesson page past its weight budget.
     */
    static JsonNode compact(JsonNode recording) {
        JsonNode copy = recording.deepCopy();
        Map<String, Integer> lastIteration = new LinkedHashMap<>();
        for (JsonNode progress : copy.path("progress")) {
            ArrayNode models = (ArrayNode) progress.path("models");
            for (int i = models.size() - 1; i >= 0; i--) ((ObjectNode) models.get(i)).remove("cellGradientNorms");
            // a runner that stopped repeats its last report in every later event: the page keeps it once
            for (int i = 0; i < models.size(); i++) {
                JsonNode report = models.get(i);
                int iteration = report.path("iteration").asInt();
                if (Integer.valueOf(iteration).equals(lastIteration.put(report.path("model").asText(), iteration))) models.remove(i--);
            }
        }
        round(copy);
        return copy;
    }

    private static void round(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                if (field.getValue().isFloatingPointNumber()) object.put(field.getKey(), rounded(field.getValue()));
                else round(field.getValue());
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isFloatingPointNumber()) array.set(i, JsonNodeFactory.instance.numberNode(rounded(array.get(i))));
                else round(array.get(i));
            }
        }
    }

    private static double rounded(JsonNode number) {
        return new BigDecimal(number.asDouble()).round(BAKED_DIGITS).doubleValue();
    }

    /** One row per model and report (a model that stopped adds none): model, iteration, losses, ‖∂L/∂h₁‖, solved at. */
    static DataTable of(WidgetKind kind, JsonNode recording) {
        List<Text> headers = new ArrayList<>();
        for (String column : COLUMNS) headers.add(Text.key("train." + column));
        headers.add(1, kind.xLabel());
        Map<String, List<List<String>>> rowsByModel = new LinkedHashMap<>();
        Map<String, Integer> lastIteration = new LinkedHashMap<>();
        for (JsonNode progress : recording.path("progress")) {
            for (JsonNode report : progress.path("models")) {
                String model = report.path("model").asText();
                int iteration = report.path("iteration").asInt();
                if (Integer.valueOf(iteration).equals(lastIteration.put(model, iteration))) continue;
                rowsByModel.computeIfAbsent(model, m -> new ArrayList<>()).add(row(report));
            }
        }
        List<List<String>> rows = new ArrayList<>();
        rowsByModel.values().forEach(rows::addAll);
        return new DataTable(headers, rows);
    }

    private static List<String> row(JsonNode report) {
        JsonNode steps = report.path("stepGradientNorms");
        return List.of(report.path("model").asText().toUpperCase(Locale.ROOT), report.path("iteration").asText(),
                loss(report.path("trainLoss")), loss(report.path("evalLoss")), norm(steps.path(0)),
                report.path("solvedAt").isNumber() ? report.path("solvedAt").asText() : "—");
    }

    /** Four decimals, as train.js writes them (toFixed(4)); null (no evaluation yet, or diverged) as a dash. */
    private static String loss(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.asDouble()) : "—";
    }

    private static String norm(JsonNode value) {
        if (!value.isNumber()) return "—";
        double norm = value.asDouble();
        return norm > 0 ? DataTable.powerOfTen(Math.log10(norm)) : "0";
    }

    /** The runners' labels (as their checkboxes read), the table's and strips' words, chance and success losses. */
    static ObjectNode config(Lang lang, WidgetKind kind) {
        ObjectNode race = JsonNodeFactory.instance.objectNode();
        ObjectNode models = race.putObject("models");
        for (ModelKind model : ModelKind.values()) {
            models.put(model.jsonName(), kind.control(model.jsonName()).orElseThrow().label().in(lang));
        }
        ObjectNode labels = race.putObject("labels");
        for (String label : LABELS) labels.put(label, Text.key("train." + label).in(lang));
        race.put("chance", AddingProblem.CHANCE_MSE);
        race.put("target", AddingProblem.SUCCESS_MSE);
        return race;
    }
}
