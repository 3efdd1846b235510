package org.gtt.widget;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.content.BlockContext;
import org.gtt.content.BlockException;
import org.gtt.content.FencedBlockHandler;
import org.gtt.content.Lang;
import org.gtt.content.MarkdownRenderer;

/**
 * Renders {@code ```widget NAME} blocks (see {@link WidgetBlock} for the syntax) into accessible HTML
 * with the widget's default state baked in, so the chart draws without a request and the snapshot works.
 */
public final class WidgetHandler implements FencedBlockHandler {
    public static final String KEYWORD = "widget";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TemplateEngine templates;
    private final WidgetData data;

    public WidgetHandler(TemplateEngine templates, WidgetData data) {
        this.templates = templates;
        this.data = data;
    }

    /** The Markdown renderer of the course, with widgets computed by the engine in-process. */
    public static MarkdownRenderer markdownRenderer(TemplateEngine templates) {
        return new MarkdownRenderer(Map.of(KEYWORD, new WidgetHandler(templates, new ApiWidgetData())));
    }

    @Override
    public String render(String argument, String body, BlockContext context) throws BlockException {
        WidgetKind kind = WidgetKind.byName(argument).orElseThrow(() -> new BlockException(
                "unknown widget '" + argument + "': allowed widgets are " + WidgetKind.names()));
        WidgetBlock block = WidgetBlock.parse(kind, body);
        Map<String, JsonNode> responses = bake(kind, block);
        StringOutput out = new StringOutput();
        templates.render("widget.jte", Map.of("view", view(context.lang(), kind, block, responses)), out);
        return out.toString();
    }

    private Map<String, JsonNode> bake(WidgetKind kind, WidgetBlock block) throws BlockException {
        if (kind.trains()) {
            return Map.of(RaceWidget.RECORDING, parse(data.recordedRace(TrainingPreset.body(block.state()))));
        }
        Map<String, JsonNode> responses = new LinkedHashMap<>();
        for (WidgetKind.Source source : kind.sources()) {
            Map<String, String> fields = source.fields(block.state());
            String json = source.posts()
                    ? data.post(source.endpoint(), postBody(kind, fields))
                    : data.get(source.endpoint(), fields);
            responses.put(source.name(), parse(json));
        }
        return responses;
    }

    private static String postBody(WidgetKind kind, Map<String, String> fields) throws BlockException {
        if (kind.takesWeights()) return weightsBody(fields, CustomExample.WEIGHTS);
        throw new BlockException("the " + kind.widgetName() + " widget has no POST body to bake");
    }

    /** The POST body the custom widget sends: its scalar state plus the pasted weights. */
    private static String weightsBody(Map<String, String> fields, String weights) throws BlockException {
        ObjectNode body = JSON.createObjectNode();
        fields.forEach((key, value) -> {
            if (key.equals("model") || key.equals("activation")) body.put(key, value);
            else body.put(key, Long.parseLong(value));
        });
        if (!"rnn".equals(fields.get("model"))) body.remove("activation");
        body.set("weights", parse(weights));
        return body.toString();
    }

    private static JsonNode parse(String json) throws BlockException {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new BlockException("the API data for this widget is not JSON: " + e.getMessage());
        }
    }

    private static WidgetView view(Lang lang, WidgetKind kind, WidgetBlock block, Map<String, JsonNode> responses) {
        List<WidgetView.ControlView> controls = new ArrayList<>();
        for (Control control : kind.controls()) {
            if (!block.shown().contains(control.key())) continue;
            controls.add(new WidgetView.ControlView(control, block.state().get(control.key()),
                    block.locked().contains(control.key()), "widget-" + block.id() + "-" + control.key()));
        }
        JsonNode rnn = responses.get("rnn");
        WidgetView.RecurrentFacts facts = kind == WidgetKind.RNN
                ? new WidgetView.RecurrentFacts(fixed(rnn.path("largestSingularValue")), fixed(rnn.path("spectralRadius")))
                : null;
        DataTable table = kind.trains() ? RaceWidget.of(kind, responses.get(RaceWidget.RECORDING))
                : kind == WidgetKind.CLIFF ? CliffWidget.table(responses) : DataTable.of(kind, responses);
        return new WidgetView(lang, block.id(), kind, controls, config(lang, kind, block, responses), table,
                facts, kind.takesWeights() ? CustomExample.WEIGHTS : null,
                kind.takesWeights() ? CustomExample.EXPORT_SNIPPET : null);
    }

    private static String fixed(JsonNode number) {
        return number.isNumber() ? String.format(java.util.Locale.ROOT, "%.4f", number.asDouble()) : "—";
    }

    /** Everything the widget scripts (static/js/widgets/) need, labels in {@code lang}, as JSON safe to place inside a script element. */
    private static String config(Lang lang, WidgetKind kind, WidgetBlock block, Map<String, JsonNode> responses) {
        ObjectNode config = JSON.createObjectNode();
        config.put("id", block.id());
        config.put("kind", kind.widgetName());
        config.put("xLabel", kind.xLabel().in(lang));
        config.set("sources", JSON.valueToTree(kind.sources()));
        ArrayNode series = config.putArray("series");
        for (WidgetKind.Series line : kind.series()) {
            ObjectNode node = JSON.valueToTree(line);
            node.put("label", line.label().in(lang));
            series.add(node);
        }
        config.set("defaults", JSON.valueToTree(block.state()));
        ArrayNode locked = config.putArray("locked");
        block.locked().forEach(locked::add);
        config.set("messages", JSON.valueToTree(Text.scriptMessages(lang)));
        if (kind.trains()) config.set("race", RaceWidget.config(lang, kind));
        ObjectNode baked = config.putObject("baked");
        responses.forEach(baked::set);
        // "<" only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the element early.
        return config.toString().replace("<", "\\u003c");
    }
}
