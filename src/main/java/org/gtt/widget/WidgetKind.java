package org.gtt.widget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gtt.engine.Limits;

/**
 * The widgets a lesson can embed: their controls (each bound to a field of the gradient API), the
 * API requests they make ("sources") and the series they plot. The browser script is generic: it
 * reads all of this from the configuration the template writes into the page.
 *
 * <p>Adding a kind: its words go into text_en.properties and text_zh.properties under "NAME.…" keys
 * (see {@link Text}); a kind whose page behaviour differs from the gradient lines gets its own script
 * under static/js/widgets/ (listed in {@code Assets.WIDGET_SCRIPTS}, named by {@link #script()}) that registers
 * itself for NAME.
 */
public enum WidgetKind {
    RNN(Text.key("rnn.title"),
            Text.key("axis.distance"),
            List.of(Sources.ALL_OF_RNN),
            List.of(new Series("rnn", "jacobianLog10Norms", Text.key("rnn.series.jacobian"), true, 0, false),
                    new Series("rnn", "boundLog10", Text.key("rnn.series.bound"), true, 0, true)),
            List.of(Controls.SCALE, Controls.RECURRENT_STEPS, Controls.RECURRENT_HIDDEN, Controls.RNN_ACTIVATION, Controls.RNN_INIT),
            Map.of("scale", "0.9", "steps", "100", "hidden", "16", "activation", "tanh", "init", "gaussian")),

    DEPTH(Text.key("depth.title"),
            Text.key("axis.layer"),
            List.of(Source.gradients("mlp", "mlp", List.of("steps", "hidden", "activation", "init", "seed"))),
            List.of(new Series("mlp", "activationGradientLog10Norms", Text.key("depth.series.activation"), false, 0, false),
                    new Series("mlp", "weightGradientLog10Norms", Text.key("depth.series.weight"), false, 1, true)),
            List.of(Controls.DEPTH, Controls.WIDTH, Controls.MLP_ACTIVATION, Controls.MLP_INIT),
            Map.of("steps", "20", "hidden", "16", "activation", "sigmoid", "init", "xavier")),

    LSTM(Text.key("lstm.title"),
            Text.key("axis.distance"),
            List.of(Source.gradients("lstm", "lstm", List.of("steps", "hidden", "forgetBias", "forgetGate", "seed")), Sources.CONTRAST_RNN),
            List.of(new Series("lstm", "jacobianLog10Norms", Text.key("lstm.series.state"), true, 0, false),
                    new Series("lstm", "cellLog10Norms", Text.key("lstm.series.cell"), true, 0, false),
                    new Series("lstm", "forgetProductLog10", Text.key("lstm.series.forget"), true, 0, true),
                    new Series("rnn", "jacobianLog10Norms", Text.key("lstm.series.rnn"), true, 0, true)),
            List.of(Controls.FORGET_BIAS, Controls.FORGET_GATE, Controls.RECURRENT_STEPS, Controls.RECURRENT_HIDDEN),
            Map.of("forgetBias", "0", "forgetGate", "true", "steps", "100", "hidden", "16")),

    GRU(Text.key("gru.title"),
            Text.key("axis.distance"),
            List.of(Source.gradients("gru", "gru", List.of("steps", "hidden", "updateBias", "seed")),
                    Source.gradients("lstm", "lstm", List.of("steps", "hidden", "seed")), Sources.CONTRAST_RNN),
            List.of(new Series("gru", "jacobianLog10Norms", Text.key("gru.series.gru"), true, 0, false),
                    new Series("lstm", "jacobianLog10Norms", Text.key("gru.series.lstm"), true, 0, true),
                    new Series("rnn", "jacobianLog10Norms", Text.key("gru.series.rnn"), true, 0, true)),
            List.of(Controls.UPDATE_BIAS, Controls.RECURRENT_STEPS, Controls.RECURRENT_HIDDEN),
            Map.of("updateBias", "0", "steps", "100", "hidden", "16")),

    CUSTOM(Text.key("custom.title"),
            Text.key("axis.distance"),
            List.of(Source.post("custom", "gradients", List.of("model", "steps", "activation", "seed"))),
            List.of(new Series("custom", "jacobianLog10Norms", Text.key("custom.series.jacobian"), true, 0, false),
                    new Series("custom", "cellLog10Norms", Text.key("custom.series.cell"), true, 0, true),
                    new Series("custom", "boundLog10", Text.key("custom.series.bound"), true, 0, true)),
            List.of(Controls.CUSTOM_MODEL, Controls.RNN_ACTIVATION, Controls.RECURRENT_STEPS),
            Map.of("model", "rnn", "activation", "linear", "steps", "100")),

    /** The training race (issue 9): its data is a recorded race, not gradient lines; see static/js/widgets/train.js. */
    TRAIN(Text.key("train.title"),
            Text.key("axis.iteration"),
            List.of(),
            List.of(),
            List.of(Controls.RUN_RNN, Controls.RUN_LSTM, Controls.RUN_GRU, Controls.RUN_IRNN, Controls.TRAIN_STEPS, Controls.TRAIN_HIDDEN,
                    Controls.LEARNING_RATE, Controls.CLIPPING, Controls.CLIP, Controls.BUDGET, Controls.SEED),
            TrainingPreset.defaults()),
    /**
     * Pascanu et al.'s single-unit cliff (static/js/widgets/cliff.js): the loss surface on a grid, and a
     * plain and a clipped descent from one start. Its series are the descents' losses against the iteration.
     */
    CLIFF(Text.key("cliff.title"),
            Text.key("cliff.axis"),
            List.of(Source.get("grid", "cliff", CliffWidget.GRID_QUERY, List.of()),
                    Source.get("plain", "cliff/descent", Map.of(), CliffWidget.DESCENT_KEYS),
                    Source.get("clipped", "cliff/descent", Map.of(), CliffWidget.CLIPPED_KEYS)),
            List.of(new Series("plain", "points", Text.key("cliff.series.plain"), false, 0, false),
                    new Series("clipped", "points", Text.key("cliff.series.clipped"), false, 0, false)),
            List.of(Controls.START_W, Controls.START_B, Controls.CLIFF_LEARNING_RATE, Controls.CLIFF_CLIP, Controls.CLIP_MODE,
                    Controls.CLIFF_ITERATIONS),
            CliffWidget.DEFAULTS);

    /**
     * One API request of a widget, answered by {@code /api/v1/<endpoint>} ("gradients", "cliff",
     * "cliff/descent", …): {@code query} holds fixed fields (the gradient widgets' model), {@code keys}
     * the widget state sent along. A POST sends the keys as its JSON body (the custom widget adds its
     * pasted weights).
     */
    public record Source(String name, String endpoint, String method, Map<String, String> query, List<String> keys) {
        public static Source get(String name, String endpoint, Map<String, String> query, List<String> keys) {
            return new Source(name, endpoint, "GET", query, keys);
        }

        /** A GET /api/v1/gradients for {@code model}. */
        public static Source gradients(String name, String model, List<String> keys) {
            return get(name, "gradients", Map.of("model", model), keys);
        }

        public static Source post(String name, String endpoint, List<String> keys) {
            return new Source(name, endpoint, "POST", Map.of(), keys);
        }

        public boolean posts() { return method.equals("POST"); }

        /** The fixed fields followed by the keys' values in {@code state}. */
        public Map<String, String> fields(Map<String, String> state) {
            Map<String, String> fields = new LinkedHashMap<>(query);
            for (String key : keys) fields.put(key, state.get(key));
            return fields;
        }
    }

    /**
     * One plotted line. The response's array element i is drawn at x = (length − 1 − i) when
     * {@code reversed} (distance T − k for index k), else at x = i + {@code offset}. A {@code dashed}
     * line is a comparison (a bound, another model): the solid lines are the widget's quantity and set
     * the chart's y-range, and a comparison that leaves that range is clipped with a marker at the edge.
     */
    public record Series(String source, String field, Text label, boolean reversed, int offset, boolean dashed) {}

    private static final class Sources {
        static final Source ALL_OF_RNN = Source.gradients("rnn", "rnn", List.of("scale", "steps", "hidden", "activation", "init", "seed"));
        static final Source CONTRAST_RNN = Source.gradients("rnn", "rnn", List.of("steps", "hidden", "seed"));
    }

    private static final class Controls {
        static final String[] INITS = {"gaussian", "orthogonal", "identity", "xavier", "he"};
        static final Control SCALE = Control.range("scale", Text.key("control.scale"), 0.05, 3, 0.05);
        static final Control RECURRENT_STEPS = Control.range("steps", Text.key("control.steps"), 10, Limits.MAX_RECURRENT_STEPS, 10);
        static final Control RECURRENT_HIDDEN = Control.range("hidden", Text.key("control.hidden"), 2, Limits.MAX_RECURRENT_HIDDEN, 1);
        static final Control RNN_ACTIVATION = Control.select("activation", Text.key("control.activation"), "tanh", "sigmoid", "relu", "linear");
        static final Control RNN_INIT = Control.select("init", Text.key("control.rnnInit"), INITS);
        static final Control DEPTH = Control.range("steps", Text.key("control.depth"), 1, Limits.MAX_MLP_DEPTH, 1);
        static final Control WIDTH = Control.range("hidden", Text.key("control.width"), 2, Limits.MAX_MLP_WIDTH, 1);
        static final Control MLP_ACTIVATION = Control.select("activation", Text.key("control.activation"), "sigmoid", "tanh", "relu", "linear");
        static final Control MLP_INIT = Control.select("init", Text.key("control.mlpInit"), "gaussian", "xavier", "he");
        static final Control FORGET_BIAS = Control.range("forgetBias", Text.key("control.forgetBias"), -5, 10, 0.5);
        static final Control FORGET_GATE = Control.checkbox("forgetGate", Text.key("control.forgetGate"));
        static final Control UPDATE_BIAS = Control.range("updateBias", Text.key("control.updateBias"), -5, 10, 0.5);
        static final Control CUSTOM_MODEL = Control.select("model", Text.key("control.model"), "rnn", "lstm", "gru");
        static final Control RUN_RNN = Control.checkbox("rnn", Text.key("control.run.rnn"));
        static final Control RUN_LSTM = Control.checkbox("lstm", Text.key("control.run.lstm"));
        static final Control RUN_GRU = Control.checkbox("gru", Text.key("control.run.gru"));
        static final Control RUN_IRNN = Control.checkbox("irnn", Text.key("control.run.irnn"));
        static final Control TRAIN_STEPS = Control.range("steps", Text.key("control.steps"), 10, 100, 10);
        static final Control TRAIN_HIDDEN = Control.range("hidden", Text.key("control.hidden"), 4, 32, 4);
        static final Control LEARNING_RATE = Control.select("learningRate", Text.key("control.learningRate"), "0.001", "0.003", "0.01", "0.03", "0.1");
        static final Control CLIPPING = Control.checkbox(TrainingPreset.CLIPPING, Text.key("control.clipping"));
        static final Control CLIP = Control.range("clip", Text.key("control.clip"), 0.25, 5, 0.25);
        static final Control BUDGET = Control.range("iterations", Text.key("control.iterations"), 100, 3000, 100);
        /** A visible seed: the race's outcome depends on it (issue 9 measures seeds 1–5), unlike the gradient widgets' fixed draw. */
        static final Control SEED = Control.range("seed", Text.key("control.seed"), 1, 20, 1);
        static final Control START_W = Control.range("w0", Text.key("control.startW"), CliffWidget.W_MIN, CliffWidget.W_MAX, 0.01);
        static final Control START_B = Control.range("b0", Text.key("control.startB"), CliffWidget.B_MIN, CliffWidget.B_MAX, 0.01);
        static final Control CLIFF_LEARNING_RATE = Control.range("learningRate", Text.key("control.cliffLearningRate"), 0.01, 1, 0.01);
        static final Control CLIFF_CLIP = Control.range("clip", Text.key("control.cliffClip"), 0.1, 5, 0.1);
        static final Control CLIP_MODE = Control.select("clipMode", Text.key("control.clipMode"), "norm", "value");
        static final Control CLIFF_ITERATIONS = Control.range("iterations", Text.key("control.cliffIterations"), 10, 1000, 10);
    }

    private final Text title;
    private final Text xLabel;
    private final List<Source> sources;
    private final List<Series> series;
    private final List<Control> controls;
    private final Map<String, String> defaults;

    WidgetKind(Text title, Text xLabel, List<Source> sources, List<Series> series, List<Control> controls, Map<String, String> defaults) {
        this.title = title;
        this.xLabel = xLabel;
        this.sources = sources;
        this.series = series;
        this.controls = controls;
        this.defaults = defaults;
    }

    public static Optional<WidgetKind> byName(String name) {
        for (WidgetKind kind : values()) {
            if (kind.widgetName().equals(name)) return Optional.of(kind);
        }
        return Optional.empty();
    }

    public static String names() {
        StringBuilder names = new StringBuilder();
        for (WidgetKind kind : values()) names.append(names.length() == 0 ? "" : ", ").append(kind.widgetName());
        return names.toString();
    }

    public String widgetName() { return name().toLowerCase(Locale.ROOT); }
    public Text title() { return title; }
    public Text xLabel() { return xLabel; }
    public List<Source> sources() { return sources; }
    public List<Series> series() { return series; }
    public List<Control> controls() { return controls; }

    public Optional<Control> control(String key) {
        return controls.stream().filter(control -> control.key().equals(key)).findFirst();
    }

    /** The state of a widget nobody has configured: its controls' starting values and, unless the seed is a control, seed 0. */
    public Map<String, String> defaults() {
        Map<String, String> state = new LinkedHashMap<>();
        for (Control control : controls) state.put(control.key(), defaults.get(control.key()));
        state.putIfAbsent("seed", "0");
        return state;
    }

    /** Whether the seed is a visible control (the train widget) rather than a hidden field fixed by the block. */
    public boolean seedIsControl() {
        return control("seed").isPresent();
    }

    /** The train widget bakes a recorded race and runs live races; the others draw gradient lines. */
    public boolean trains() { return this == TRAIN; }

    /** The family script under static/js/widgets/ that draws this kind (it registers itself for the kind's name). */
    public String script() {
        String family = switch (this) {
            case TRAIN -> "train";
            case CLIFF -> "cliff";
            default -> "gradient";
        };
        return "static/js/widgets/" + family + ".js";
    }

    /** The custom widget posts pasted weights; the others ask the GET endpoint. */
    public boolean takesWeights() { return this == CUSTOM; }
}
