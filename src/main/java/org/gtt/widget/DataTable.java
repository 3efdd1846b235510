package org.gtt.widget;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The plotted series as a table, one row per x: the screen-reader (and no-JavaScript) view of a chart.
 * static/js/widgets/gradient.js builds the same rows from a fresh response; the layout rules are in {@link WidgetKind.Series}.
 */
public record DataTable(List<Text> headers, List<List<String>> rows) {
    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    public static DataTable of(WidgetKind kind, Map<String, JsonNode> responses) {
        List<WidgetKind.Series> present = new ArrayList<>();
        for (WidgetKind.Series series : kind.series()) {
            JsonNode response = responses.get(series.source());
            if (response != null && response.path(series.field()).isArray()) present.add(series);
        }
        int maxX = 0;
        for (WidgetKind.Series series : present) {
            int length = responses.get(series.source()).get(series.field()).size();
            maxX = Math.max(maxX, series.reversed() ? length - 1 : length - 1 + series.offset());
        }
        List<Text> headers = new ArrayList<>();
        headers.add(kind.xLabel());
        present.forEach(series -> headers.add(series.label()));
        List<List<String>> rows = new ArrayList<>();
        for (int x = 0; x <= maxX; x++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(x));
            for (WidgetKind.Series series : present) row.add(cell(responses.get(series.source()).get(series.field()), series, x));
            rows.add(row);
        }
        return new DataTable(headers, rows);
    }

    private static String cell(JsonNode values, WidgetKind.Series series, int x) {
        int index = series.reversed() ? values.size() - 1 - x : x - series.offset();
        if (index < 0 || index >= values.size()) return "";
        JsonNode value = values.get(index);
        return value.isNull() ? "0" : powerOfTen(value.asDouble());
    }

    /** 10^log10 written as "7.53 × 10⁻⁵", valid far outside the double range (log10 = −400 is fine). */
    public static String powerOfTen(double log10) {
        double exponent = Math.floor(log10);
        double mantissa = Math.pow(10, log10 - exponent);
        if (Math.round(mantissa * 100) >= 1000) {
            mantissa /= 10;
            exponent += 1;
        }
        return String.format(java.util.Locale.ROOT, "%.2f × 10%s", mantissa, superscript((long) exponent));
    }

    static String superscript(long exponent) {
        StringBuilder out = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char digit : Long.toString(Math.abs(exponent)).toCharArray()) out.append(SUPERSCRIPTS.charAt(digit - '0'));
        return out.toString();
    }
}
