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
 */
public enum WidgetKind {
    RNN(Text.of("Vanilla RNN: gradient norm over time", "普通 RNN：梯度范数随时间的变化"),
            Text.of("distance T − k (steps back in time)", "距离 T − k（往回的步数）"),
            List.of(Sources.ALL_OF_RNN),
            List.of(new Series("rnn", "jacobianLog10Norms", Text.of("‖∂h_T/∂h_k‖₂", "‖∂h_T/∂h_k‖₂"), true, 0, false),
                    new Series("rnn", "boundLog10", Text.of("Pascanu bound (γ·σ_max)^(T−k)", "Pascanu 上界 (γ·σ_max)^(T−k)"), true, 0, true)),
            List.of(Controls.SCALE, Controls.RECURRENT_STEPS, Controls.RECURRENT_HIDDEN, Controls.RNN_ACTIVATION, Controls.RNN_INIT),
            Map.of("scale", "0.9", "steps", "100", "hidden", "16", "activation", "tanh", "init", "gaussian")),

    DEPTH(Text.of("Deep MLP: gradient norm per layer", "深层 MLP：每一层的梯度范数"),
            Text.of("layer k (0 = input, L = output)", "第 k 层（0 为输入，L 为输出）"),
            List.of(new Source("mlp", "mlp", List.of("steps", "hidden", "activation", "init", "seed"))),
            List.of(new Series("mlp", "activationGradientLog10Norms", Text.of("activation gradient ‖∂L/∂h_k‖", "激活梯度 ‖∂L/∂h_k‖"), false, 0, false),
                    new Series("mlp", "weightGradientLog10Norms", Text.of("weight gradient ‖∂L/∂W_k‖_F", "权重梯度 ‖∂L/∂W_k‖_F"), false, 1, true)),
            List.of(Controls.DEPTH, Controls.WIDTH, Controls.MLP_ACTIVATION, Controls.MLP_INIT),
            Map.of("steps", "20", "hidden", "16", "activation", "sigmoid", "init", "xavier")),

    LSTM(Text.of("LSTM: state, cell and forget-gate paths", "LSTM：状态、细胞与遗忘门路径"),
            Text.of("distance T − k (steps back in time)", "距离 T − k（往回的步数）"),
            List.of(new Source("lstm", "lstm", List.of("steps", "hidden", "forgetBias", "forgetGate", "seed")), Sources.CONTRAST_RNN),
            List.of(new Series("lstm", "jacobianLog10Norms", Text.of("LSTM full state ‖∂[h;c]_T/∂[h;c]_k‖", "LSTM 完整状态 ‖∂[h;c]_T/∂[h;c]_k‖"), true, 0, false),
                    new Series("lstm", "cellLog10Norms", Text.of("cell path ‖∂c_T/∂c_k‖", "细胞路径 ‖∂c_T/∂c_k‖"), true, 0, false),
                    new Series("lstm", "forgetProductLog10", Text.of("forget gates only max ∏ f", "只看遗忘门 max ∏ f"), true, 0, true),
                    new Series("rnn", "jacobianLog10Norms", Text.of("vanilla RNN (tanh), same size", "同规模普通 RNN（tanh）"), true, 0, true)),
            List.of(Controls.FORGET_BIAS, Controls.FORGET_GATE, Controls.RECURRENT_STEPS, Controls.RECURRENT_HIDDEN),
            Map.of("forgetBias", "0", "forgetGate", "true", "steps", "100", "hidden", "16")),

    GRU(Text.of("GRU against LSTM and vanilla RNN", "GRU 与 LSTM、普通 RNN 对比"),
            Text.of("distance T − k (steps back in time)", "距离 T − k（往回的步数）"),
            List.of(new Source("gru", "gru", List.of("steps", "hidden", "updateBias", "seed")),
                    new Source("lstm", "lstm", List.of("steps", "hidden", "seed")), Sources.CONTRAST_RNN),
            List.of(new Series("gru", "jacobianLog10Norms", Text.of("GRU ‖∂h_T/∂h_k‖", "GRU ‖∂h_T/∂h_k‖"), true, 0, false),
                    new Series("lstm", "jacobianLog10Norms", Text.of("LSTM ‖∂[h;c]_T/∂[h;c]_k‖", "LSTM ‖∂[h;c]_T/∂[h;c]_k‖"), true, 0, true),
                    new Series("rnn", "jacobianLog10Norms", Text.of("vanilla RNN (tanh)", "普通 RNN（tanh）"), true, 0, true)),
            List.of(Controls.UPDATE_BIAS, Controls.RECURRENT_STEPS, Controls.RECURRENT_HIDDEN),
            Map.of("updateBias", "0", "steps", "100", "hidden", "16")),

    CUSTOM(Text.of("Your model: paste a PyTorch state_dict", "你的模型：粘贴 PyTorch state_dict"),
            Text.of("distance T − k (steps back in time)", "距离 T − k（往回的步数）"),
            List.of(new Source("custom", null, List.of("model", "steps", "activation", "seed"))),
            List.of(new Series("custom", "jacobianLog10Norms", Text.of("‖∂s_T/∂s_k‖₂ (s = h, or [h;c] for LSTM)", "‖∂s_T/∂s_k‖₂（s = h，LSTM 为 [h;c]）"), true, 0, false),
                    new Series("custom", "cellLog10Norms", Text.of("LSTM cell path ‖∂c_T/∂c_k‖", "LSTM 细胞路径 ‖∂c_T/∂c_k‖"), true, 0, true),
                    new Series("custom", "boundLog10", Text.of("RNN: Pascanu bound", "RNN：Pascanu 上界"), true, 0, true)),
            List.of(Controls.CUSTOM_MODEL, Controls.RNN_ACTIVATION, Controls.RECURRENT_STEPS),
            Map.of("model", "rnn", "activation", "linear", "steps", "100"));

    /**
     * One API request of a widget: {@code model} null means the model is itself a control (the
     * custom widget, which POSTs its pasted weights); {@code keys} are the widget state sent along.
     */
    public record Source(String name, String model, List<String> keys) {}

    /**
     * One plotted line. The response's array element i is drawn at x = (length − 1 − i) when
     * {@code reversed} (distance T − k for index k), else at x = i + {@code offset}.
     */
    public record Series(String source, String field, Text label, boolean reversed, int offset, boolean dashed) {}

    private static final class Sources {
        static final Source ALL_OF_RNN = new Source("rnn", "rnn", List.of("scale", "steps", "hidden", "activation", "init", "seed"));
        static final Source CONTRAST_RNN = new Source("rnn", "rnn", List.of("steps", "hidden", "seed"));
    }

    private static final class Controls {
        static final String[] INITS = {"gaussian", "orthogonal", "identity", "xavier", "he"};
        static final Control SCALE = Control.range("scale", Text.of("spectral radius ρ(W_hh)", "谱半径 ρ(W_hh)"), 0.05, 3, 0.05);
        static final Control RECURRENT_STEPS = Control.range("steps", Text.of("steps T", "步数 T"), 10, Limits.MAX_RECURRENT_STEPS, 10);
        static final Control RECURRENT_HIDDEN = Control.range("hidden", Text.of("hidden size n", "隐藏层大小 n"), 2, Limits.MAX_RECURRENT_HIDDEN, 1);
        static final Control RNN_ACTIVATION = Control.select("activation", Text.of("activation φ", "激活函数 φ"), "tanh", "sigmoid", "relu", "linear");
        static final Control RNN_INIT = Control.select("init", Text.of("init of W_hh", "W_hh 的初始化"), INITS);
        static final Control DEPTH = Control.range("steps", Text.of("depth L", "深度 L"), 1, Limits.MAX_MLP_DEPTH, 1);
        static final Control WIDTH = Control.range("hidden", Text.of("width", "宽度"), 2, Limits.MAX_MLP_WIDTH, 1);
        static final Control MLP_ACTIVATION = Control.select("activation", Text.of("activation φ", "激活函数 φ"), "sigmoid", "tanh", "relu", "linear");
        static final Control MLP_INIT = Control.select("init", Text.of("init", "初始化"), "gaussian", "xavier", "he");
        static final Control FORGET_BIAS = Control.range("forgetBias", Text.of("forget-gate bias", "遗忘门偏置"), -5, 10, 0.5);
        static final Control FORGET_GATE = Control.checkbox("forgetGate", Text.of("forget gate (off: the 1997 LSTM, f ≡ 1)", "遗忘门（关闭即 1997 年的 LSTM，f ≡ 1）"));
        static final Control UPDATE_BIAS = Control.range("updateBias", Text.of("update-gate bias", "更新门偏置"), -5, 10, 0.5);
        static final Control CUSTOM_MODEL = Control.select("model", Text.of("model type", "模型类型"), "rnn", "lstm", "gru");
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

    /** The state of a widget nobody has configured: its controls' starting values and seed 0. */
    public Map<String, String> defaults() {
        Map<String, String> state = new LinkedHashMap<>();
        for (Control control : controls) state.put(control.key(), defaults.get(control.key()));
        state.put("seed", "0");
        return state;
    }

    /** The custom widget posts pasted weights; the others ask the GET endpoint. */
    public boolean takesWeights() { return this == CUSTOM; }
}
