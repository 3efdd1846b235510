package org.gtt.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.Limits;
import org.gtt.engine.ModelType;

/** In-process engine timings: the default chart request, each model's largest request, growth with T and n. */
final class BenchEngine {
    private BenchEngine() {}

    /** The request behind the course's default chart: rnn, tanh, T = 100, n = 16. */
    static GradientRequest defaultChart() {
        return GradientRequest.defaults(ModelType.RNN);
    }

    static GradientRequest largest(ModelType model) {
        GradientRequest.Builder builder = GradientRequest.defaults(model).toBuilder();
        boolean mlp = model == ModelType.MLP;
        builder.steps = mlp ? Limits.MAX_MLP_DEPTH : Limits.MAX_RECURRENT_STEPS;
        builder.hidden = mlp ? Limits.MAX_MLP_WIDTH : Limits.MAX_RECURRENT_HIDDEN;
        builder.inputSize = mlp ? Limits.MAX_MLP_WIDTH : Limits.MAX_RECURRENT_INPUT;
        return builder.build();
    }

    static BenchStats defaultChart(int runs) {
        GradientRequest request = defaultChart();
        return BenchStats.time(() -> GradientEngine.compute(request), runs, runs);
    }

    static void largestRequests(PrintStream out, int runs) {
        out.println("| model | request | engine time |");
        out.println("|---|---|---|");
        for (ModelType model : ModelType.values()) {
            GradientRequest request = largest(model);
            BenchStats stats = BenchStats.time(() -> GradientEngine.compute(request), 2, runs);
            out.printf(Locale.ROOT, "| %s | %s = %d, hidden = %d, inputSize = %d | %s |%n", model.jsonName(),
                    model == ModelType.MLP ? "depth" : "T", request.steps(), request.hidden(), request.inputSize(),
                    stats.format());
        }
    }

    /** Median ms of rnn/tanh requests over a grid of T and n: cost ~ T·n³ (one n×n product per step). */
    static void growth(PrintStream out, int runs) {
        int[] steps = {50, 100, 200, 500};
        int[] sizes = {8, 16, 32, 64};
        out.print("| T \\ n |");
        for (int n : sizes) {
            out.print(" " + n + " |");
        }
        out.println();
        out.println("|---".repeat(sizes.length + 1) + "|");
        for (int t : steps) {
            out.print("| " + t + " |");
            for (int n : sizes) {
                GradientRequest.Builder builder = defaultChart().toBuilder();
                builder.steps = t;
                builder.hidden = n;
                GradientRequest request = builder.build();
                int repeats = Math.max(5, runs / Math.max(1, t * n * n / 25_600));
                out.printf(Locale.ROOT, " %.3f |", BenchStats.time(() -> GradientEngine.compute(request), repeats, repeats).median());
            }
            out.println();
        }
    }
}
