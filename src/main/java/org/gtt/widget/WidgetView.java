package org.gtt.widget;

import java.util.List;
import org.gtt.content.Lang;

/**
 * What widget.jte renders: the controls with their values, the chart's configuration and its table,
 * with every label in {@code lang}, the language of the lesson that holds the widget.
 */
public record WidgetView(
        Lang lang,
        String id,
        WidgetKind kind,
        List<ControlView> controls,
        String configJson,
        DataTable table,
        RecurrentFacts facts,
        String exampleWeights,
        String exportSnippet) {

    /** One visible control: its current value, and whether the lesson fixed it. */
    public record ControlView(Control control, String value, boolean locked, String domId) {
        public boolean checked() { return "true".equals(value); }
    }

    /** σ_max and ρ of W_hh beside the eigenvalue plot (rnn only). */
    public record RecurrentFacts(String largestSingularValue, String spectralRadius) {}

    public String name() { return kind.widgetName(); }

    public boolean custom() { return kind.takesWeights(); }

    public boolean trains() { return kind.trains(); }
    public boolean cliff() { return kind == WidgetKind.CLIFF; }
}
