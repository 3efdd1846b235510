package org.gtt.widget;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gtt.engine.cliff.CliffDefaults;
import org.gtt.engine.cliff.CliffGrid;

/**
 * What the cliff widget ({@link WidgetKind#CLIFF}) asks for and starts with, and its table: the two
 * descents side by side, one row per iteration (static/js/widgets/cliff.js writes the same rows).
 */
final class CliffWidget {
    private CliffWidget() {}

    static final double W_MIN = CliffGrid.Spec.standard().wMin();
    static final double W_MAX = CliffGrid.Spec.standard().wMax();
    static final double B_MIN = CliffGrid.Spec.standard().bMin();
    static final double B_MAX = CliffGrid.Spec.standard().bMax();

    /**
     * The API's default grid at 61 × 61 and without the gradients: the heat map needs only E, and the
     * baked page stays light (101 × 101 with the gradients is over 600 kB of JSON).
     */
    static final Map<String, String> GRID_QUERY = Map.of("n", "61", "gradients", "false");

    static final List<String> DESCENT_KEYS = List.of("w0", "b0", "learningRate", "iterations");
    static final List<String> CLIPPED_KEYS = List.of("w0", "b0", "learningRate", "iterations", "clip", "clipMode");

    static final Map<String, String> DEFAULTS = Map.of(
            "w0", Control.format(CliffDefaults.W0),
            "b0", Control.format(CliffDefaults.B0),
            "learningRate", Control.format(CliffDefaults.LEARNING_RATE),
            "clip", Control.format(CliffDefaults.CLIP),
            "clipMode", "norm",
            "iterations", Integer.toString(CliffDefaults.ITERATIONS));

    private static final String[] DESCENTS = {"plain", "clipped"};
    private static final String[] COLUMNS = {"w", "b", "loss"};

    /** iteration | plain w, b, E | clipped w, b, E; a descent that ended early leaves its later cells empty. */
    static DataTable table(Map<String, JsonNode> responses) {
        List<Text> headers = new ArrayList<>();
        headers.add(Text.key("cliff.axis"));
        for (String descent : DESCENTS) {
            for (String column : COLUMNS) headers.add(Text.key("cliff.table." + descent + "." + column));
        }
        int rows = 0;
        for (String descent : DESCENTS) rows = Math.max(rows, responses.get(descent).path("points").size());
        List<List<String>> table = new ArrayList<>();
        for (int k = 0; k < rows; k++) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(k));
            for (String descent : DESCENTS) {
                JsonNode point = responses.get(descent).path("points").path(k);
                for (int c = 0; c < COLUMNS.length; c++) row.add(point.isArray() ? fourDigits(point.get(c).asDouble()) : "");
            }
            table.add(row);
        }
        return new DataTable(headers, table);
    }

    /** Four significant digits, as JavaScript's toPrecision(4) writes them in the range the widget shows. */
    static String fourDigits(double value) {
        return new BigDecimal(value).round(new MathContext(4)).toPlainString();
    }
}
