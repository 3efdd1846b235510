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
import org.gtt.engine.cliff.CliffGrid;
import org.gtt.engine.cliff.CliffModel;

/**
 * The cliff's default grid (101 × 101, T = 50): the engine alone, server-side (Server-Timing of GET
 * /api/v1/cliff, distinct requests so none is a cache hit), and NumPy vectorised over the same grid
 * (src/test/bench/numpy_cliff.py), with the largest relative difference between the two.
 */
final class BenchCliff {
    static final Path SCRIPT = Path.of("src", "test", "bench", "numpy_cliff.py");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CliffGrid.Spec GRID = CliffGrid.Spec.standard();
    private static final CliffModel MODEL = CliffModel.pascanu(CliffModel.DEFAULT_STEPS);

    private BenchCliff() {}

    static void run(PrintStream out, BenchHttp http, String python, int runs) throws Exception {
        out.println();
        out.println("## Cliff grid (GET /api/v1/cliff: 101 × 101, T = 50; E, ∂E/∂w, ∂E/∂b)");
        BenchStats engine = BenchStats.time(() -> CliffGrid.compute(MODEL, GRID), runs / 4, runs);
        out.println("- engine alone (in process): " + engine.format());
        // a different wMin in the 15th digit per request: a new grid each time, never a cache hit
        BenchStats[] server = http.serverSide(runs, i -> http.apiUrl(String.format(Locale.ROOT,
                "api/v1/cliff?wMin=%.15f&wMax=5.4&bMin=-3&bMax=-1&n=101&steps=50", 4.5 - i * 1e-13)));
        out.println("- server-side (Server-Timing: parse, compute, serialise 30,603 numbers; no cache): " + server[0].format());
        out.println("- round trip over loopback (java.net.http client, 0.6 MB of JSON): " + server[1].format());
        if (python == null) return;
        Outcome numpy = numpy(python, runs, out);
        if (numpy == null) return;
        out.printf(Locale.ROOT, "- NumPy %s, vectorised over the same grid (src/test/bench/numpy_cliff.py): median %.3f ms;"
                        + " server-side Java is %.1f× faster (engine alone %.1f×); largest relative difference vs the engine: %.1e%n",
                numpy.version(), numpy.medianMs(), numpy.medianMs() / server[0].median(), numpy.medianMs() / engine.median(),
                numpy.maxRelativeDifference());
    }

    record Outcome(double medianMs, String version, double maxRelativeDifference) {}

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
        return new Outcome(answer.get("medianMs").doubleValue(), answer.get("numpy").textValue(), difference);
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
