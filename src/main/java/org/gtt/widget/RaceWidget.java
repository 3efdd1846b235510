package org.gtt.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    /** Significant digits the baked losses keep: the table writes them to 4 decimals, the chart to a fraction of a pixel. */
    static final MathContext BAKED_DIGITS = new MathContext(3);
    /** Decimals the baked log10 step norms keep: a hundredth of a decade, below one colour level of the strips. */
    static final int LOG10_DECIMALS = 2;
    /** The baked reports' step norms, as log10 (null: a norm that is zero or not finite). */
    static final String STEP_LOG10_NORMS = "stepLog10Norms";

    private RaceWidget() {}

    /**
     * The recording as the page carries it: per runner and report only what the widget draws and its table
     * writes (model, iteration, the two losses to {@link #BAKED_DIGITS}, {@code solvedAt}, and the step norms as
     * {@value #STEP_LOG10_NORMS}, log10 to {@value #LOG10_DECIMALS} decimals: the strips' colour scale); a
     * runner that stopped, which repeats its last report in every later event, once (the script skips the
     * repeats too); and no timings ({@code iterationsPerSecond}, {@code done.seconds}), which differ from run
     * to run and tell only how fast the recording machine was. The default race is 60 reports of four models
     * with 50 step norms each: at full precision it would take the lesson page far past its weight budget.
     */
    static JsonNode compact(JsonNode recording) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.set("parameters", recording.path("parameters").deepCopy());
        ArrayNode events = page.putArray("progress");
        Map<String, Integer> lastIteration = new LinkedHashMap<>();
        for (JsonNode progress : recording.path("progress")) {
            ObjectNode event = events.addObject();
            event.set("iteration", progress.path("iteration"));
            ArrayNode models = event.putArray("models");
            for (JsonNode report : progress.path("models")) {
                int iteration = report.path("iteration").asInt();
                if (!Integer.valueOf(iteration).equals(lastIteration.put(report.path("model").asText(), iteration))) {
                    models.add(compactReport(report));
                }
            }
        }
        ObjectNode done = recording.path("done").deepCopy();
        done.remove("seconds");
        page.set("done", done);
        return page;
    }

    private static ObjectNode compactReport(JsonNode report) {
        ObjectNode compact = JsonNodeFactory.instance.objectNode();
        compact.set("model", report.path("model"));
        compact.set("iteration", report.path("iteration"));
        compact.set("trainLoss", significant(report.path("trainLoss")));
        compact.set("evalLoss", significant(report.path("evalLoss")));
        ArrayNode log10s = compact.putArray(STEP_LOG10_NORMS);
        for (JsonNode norm : report.path("stepGradientNorms")) log10s.add(log10(norm));
        compact.set("solvedAt", report.path("solvedAt"));
        return compact;
    }

    /** A loss to {@link #BAKED_DIGITS} (null stays null: no evaluation yet, or a diverged run). */
    private static JsonNode significant(JsonNode number) {
        if (!number.isNumber()) return JsonNodeFactory.instance.nullNode();
        return JsonNodeFactory.instance.numberNode(new BigDecimal(number.asDouble()).round(BAKED_DIGITS).doubleValue());
    }

    private static JsonNode log10(JsonNode norm) {
        if (!norm.isNumber() || !(norm.asDouble() > 0) || Double.isInfinite(norm.asDouble())) return JsonNodeFactory.instance.nullNode();
        // StrictMath, not the Math.log10 intrinsic: the same bits on every JVM, so record-races writes the same file anywhere
        double log10 = BigDecimal.valueOf(StrictMath.log10(norm.asDouble())).setScale(LOG10_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
        return JsonNodeFactory.instance.numberNode(log10);
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
        JsonNode steps = report.path(STEP_LOG10_NORMS);
        return List.of(report.path("model").asText().toUpperCase(Locale.ROOT), report.path("iteration").asText(),
                loss(report.path("trainLoss")), loss(report.path("evalLoss")), norm(steps.path(0)),
                report.path("solvedAt").isNumber() ? report.path("solvedAt").asText() : "—");
    }

    /** Four decimals, as train.js writes them (toFixed(4)); null (no evaluation yet, or diverged) as a dash. */
    private static String loss(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.4f", value.asDouble()) : "—";
    }

    private static String norm(JsonNode log10) {
        return log10.isNumber() ? DataTable.powerOfTen(log10.asDouble()) : "—";
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
