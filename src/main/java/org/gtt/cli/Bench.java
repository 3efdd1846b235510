package org.gtt.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench}: measures the gradient engine and API and prints a Markdown report. Run it from
 * the repository root (it uses src/test/bench/ for NumPy and wrk):
 * {@code java -cp target/gradients-through-time.jar org.gtt.cli.Bench [--quick] [--python python3]
 * [--wrk-seconds 10] [--no-wrk] [--no-numpy]}.
 */
public final class Bench {
    private Bench() {}

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        boolean quick = options.contains("--quick");
        int runs = quick ? 300 : 3000;
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "# Gradient engine benchmark%n%nJava %s, %d cores, %s%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"));

        out.println("## Default chart request (rnn, tanh, T = 100, n = 16)");
        BenchStats engine = BenchEngine.defaultChart(runs);
        out.println("- engine alone (in process): " + engine.format());
        BenchStats[] server = null;
        try (BenchHttp http = new BenchHttp()) {
            server = http.serverSide(quick ? 300 : 2000, 1_000_000);
            out.println("- server-side (Server-Timing: parse, compute, serialise; distinct seeds, no cache): "
                    + server[0].format());
            out.println("- round trip over loopback (java.net.http client): " + server[1].format());
            numpy(out, option(options, "--python", "python3"), quick ? 100 : 500, server[0]);
            if (!options.contains("--no-wrk")) {
                int seconds = Integer.parseInt(option(options, "--wrk-seconds", quick ? "3" : "10"));
                out.println();
                out.println("## Requests per second over loopback (wrk, 2 threads, 16 connections, same machine)");
                BenchHttp.print(out, "distinct seeds (every request computed)", http.wrk(true, 2, 16, seconds));
                BenchHttp.print(out, "one URL (cache hits)", http.wrk(false, 2, 16, seconds));
            }
            BenchCliff.run(out, http, option(options, "--python", "python3"), quick ? 40 : 200);
        }
        out.println();
        out.println("## Largest allowed request of each model (engine alone)");
        BenchEngine.largestRequests(out, quick ? 3 : 7);
        out.println();
        out.println("## Growth with T and n (rnn, tanh; engine median, ms)");
        BenchEngine.growth(out, quick ? 20 : 200);
    }

    private static void numpy(PrintStream out, String python, int repeats, BenchStats server) throws Exception {
        if (python == null) {
            return;
        }
        BenchNumpy.Outcome numpy = BenchNumpy.run(python, repeats, out);
        if (numpy == null) {
            return;
        }
        out.printf(Locale.ROOT, "- NumPy %s, same weights and work (src/test/bench/numpy_rnn.py): median %.3f ms;"
                        + " server-side Java is %.1f× faster; largest |Δ log10 norm| vs the engine: %.1e%n",
                numpy.version(), numpy.medianMs(), numpy.medianMs() / server.median(), numpy.maxLog10Difference());
    }

    private static String option(List<String> options, String name, String fallback) {
        if (name.equals("--python") && options.contains("--no-numpy")) {
            return null;
        }
        int index = options.indexOf(name);
        return index >= 0 && index + 1 < options.size() ? options.get(index + 1) : fallback;
    }
}
