package org.gtt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.gtt.engine.cliff.CliffDefaults;
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;
import org.gtt.engine.cliff.Clipping;
import org.gtt.engine.cliff.Descent;

/**
 * The cliff's default grid (101 × 101, T = 50): the engine alone, server-side (Server-Timing of GET /api/v1/cliff,
 * distinct requests so none is a cache hit), and NumPy vectorised over the same grid (src/test/bench/numpy_cliff.py),
 * with the largest relative difference between the two; and, for the work estimates (WorkEstimate), the engine
 * alone on the largest grid and the longest descent the API allows.
 */
final class BenchCliff {
    static final Path SCRIPT = Path.of("src", "test", "bench", "numpy_cliff.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CliffGrid.Spec GRID = CliffGrid.Spec.standard();
    private static final CliffModel MODEL = CliffModel.pascanu(CliffModel.DEFAULT_STEPS);
    /** The largest request the API allows, over the default view: n = 201, T = 200. */
    private static final CliffModel LONGEST = CliffModel.pascanu(CliffModel.MAX_STEPS);
    private static final CliffGrid.Spec LARGEST_GRID = new CliffGrid.Spec(GRID.wMin(), GRID.wMax(), GRID.bMin(), GRID.bMax(),
            CliffGrid.Spec.MAX_N);
    /** The clipped descent from the default start, for the most iterations the API allows (it stays in the box). */
    private static final Descent.Settings LONGEST_DESCENT = new Descent.Settings(CliffDefaults.W0, CliffDefaults.B0,
            CliffDefaults.LEARNING_RATE, Descent.MAX_ITERATIONS, Clipping.norm(CliffDefaults.CLIP));

    private BenchCliff() {}

    static void run(PrintStream out, BenchHttp http, String python, int runs) throws Exception {
        out.println();
        out.println("## Cliff grid (GET /api/v1/cliff: 101 × 101, T = 50; E, ∂E/∂w, ∂E/∂b)");
        // warm-up by count and at least 100 grids (0.1 s): fewer can leave the loops uncompiled on a busy machine
        BenchStats[] engine = BenchStats.timeWithCpu(() -> CliffGrid.compute(MODEL, GRID), Math.max(100, runs / 4), runs);
        printWithCpu(out, "engine alone (in process)", engine);
        printWithCpu(out, "engine alone, the largest grid (201 × 201, T = 200)",
                BenchStats.timeWithCpu(() -> CliffGrid.compute(LONGEST, LARGEST_GRID), 5, Math.max(5, runs / 4)));
        printWithCpu(out, "engine alone, the longest descent (1,000 iterations, T = 200, clipped, from the default start)",
                BenchStats.timeWithCpu(() -> Descent.run(LONGEST, LONGEST_DESCENT), runs / 4, runs));
        // a different wMin in the 15th digit per request: a new grid each time, never a cache hit
        BenchStats[] server = http.serverSide(runs, i -> http.apiUrl(String.format(Locale.ROOT,
                "api/v1/cliff?wMin=%.15f&wMax=5.4&bMin=-3&bMax=-1&n=101&steps=50", 4.5 - i * 1e-13)));
        out.println("- server-side (Server-Timing: parse, compute, serialise 30,603 numbers; no cache): " + server[0].format());
        out.println("- round trip over loopback (java.net.http client, 0.6 MB of JSON): " + server[1].format());
        if (python == null) return;
        Outcome numpy = numpy(python, runs, out);
        if (numpy == null) return;
        out.printf(Locale.ROOT, "- NumPy %s, vectorised over the same grid (src/test/bench/numpy_cliff.py): median %.3f ms"
                        + " (thread CPU time %.3f ms); server-side Java is %.1f× faster (engine alone %.1f×, in CPU time %.1f×);"
                        + " largest relative difference vs the engine: %.1e%n",
                numpy.version(), numpy.medianMs(), numpy.cpuMedianMs(), numpy.medianMs() / server[0].median(),
                numpy.medianMs() / engine[0].median(), numpy.cpuMedianMs() / engine[1].median(), numpy.maxRelativeDifference());
    }

    private static void printWithCpu(PrintStream out, String what, BenchStats[] wallAndCpu) {
        out.printf(Locale.ROOT, "- %s: %s; thread CPU time median %.3f ms%n", what, wallAndCpu[0].format(), wallAndCpu[1].median());
    }

    record Outcome(double medianMs, double cpuMedianMs, String version, double maxRelativeDifference) {}

    /** Null (with the reason printed) when python3 with NumPy or the script is not available. */
    static Outcome numpy(String python, int repeats, PrintStream out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            out.println("- NumPy comparison skipped: " + SCRIPT + " not found (run bench from the repository root).");
            return null;
        }
        ObjectNode input = JSON.createObjectNode();
        input.put("wMin", GRID.wMin()).put("wMax", GRID.wMax()).put("bMin", GRID.bMin()).put("bMax", GRID.bMax())
                .put("n", GRID.n()).put("steps", MODEL.steps()).put("repeats", repeats);
        Process process = new ProcessBuilder(python, SCRIPT.toString()).start();
        process.getOutputStream().write(JSON.writeValueAsBytes(input));
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes());
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            out.println("- NumPy comparison skipped: " + python + " failed: " + stderr.strip());
            return null;
        }
        JsonNode answer = JSON.readTree(stdout);
        CliffGrid grid = CliffGrid.compute(MODEL, GRID);
        double difference = Math.max(maxRelative(answer.get("loss"), grid.loss()),
                Math.max(maxRelative(answer.get("dLossDw"), grid.dLossDw()), maxRelative(answer.get("dLossDb"), grid.dLossDb())));
        return new Outcome(answer.get("medianMs").doubleValue(), answer.get("cpuMedianMs").doubleValue(),
                answer.get("numpy").textValue(), difference);
    }

    /** max |a − b| / (|b| + 1e-300) over the grid. */
    private static double maxRelative(JsonNode numpy, double[][] engine) {
        double max = 0;
        for (int i = 0; i < engine.length; i++) {
            for (int j = 0; j < engine[i].length; j++) {
                double e = engine[i][j];
                max = Math.max(max, Math.abs(numpy.get(i).get(j).doubleValue() - e) / (Math.abs(e) + 1e-300));
            }
        }
        return max;
    }
}
