package org.gtt.widget;

import java.util.List;

/** What widget.jte renders: the controls with their values, the chart's configuration and its table. */
public record WidgetView(
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
}
