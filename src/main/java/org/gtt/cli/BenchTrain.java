package org.gtt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gtt.train.ModelKind;
import org.gtt.train.ModelRun;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;

/**
 * {@code bench train}: iterations per second of the trainer for each model of the default race (hidden 16,
 * batch 32, T = 50, Adam, norm clipping at 1, evaluation every 50 iterations), against PyTorch doing the
 * same work in the same run (src/test/bench/torch_train.py, one thread), and the wall time of the default
 * four-model race. Medians of timed windows after a warm-up; prints a Markdown report.
 */
final class BenchTrain {
    static final Path SCRIPT = Path.of("src", "test", "bench", "torch_train.py");
    static final Options.Spec SPEC = Options.spec("""
            Usage: java -jar gradients-through-time.jar bench train [options]

            Times the trainer per model (iterations/s, median of timed windows) against PyTorch on the
            same work (src/test/bench/torch_train.py, one thread), then the default four-model race at
            T = 50. Run it from the repository root.""",
            "quick", null, false, "Fewer and shorter windows and one race (default: 7 windows of 100, 3 races).",
            "python", defaultPython(), true, "Python with PyTorch (Debian's python3-torch)",
            "dtype", "both", true, "PyTorch's precision: float64, float32 or both (ours is float64).",
            "no-torch", null, false, "Skip the PyTorch comparison.");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long to measure: warm-up iterations, then windows × window timed iterations; races timed. */
    record Plan(int warmup, int windows, int window, int races) {
        static Plan of(boolean quick) {
            return quick ? new Plan(100, 3, 50, 1) : new Plan(200, 7, 100, 3);
        }
    }

    private BenchTrain() {}

    private static String defaultPython() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static int run(Options options, PrintStream out) throws IOException, InterruptedException {
        Plan plan = Plan.of(options.flag("quick"));
        List<String> dtypes = dtypes(options.get("dtype"));
        TrainingParameters parameters = TrainingParameters.defaults();
        out.printf(Locale.ROOT, "# Training benchmark%n%nJava %s, %d cores, %s; hidden %d, batch %d, T = %d, Adam lr %s,"
                        + " norm clipping at %s, evaluation of %d sequences every %d iterations%n%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"),
                parameters.hidden(), parameters.batch(), parameters.steps(), parameters.learningRate(), parameters.clip(),
                TrainingParameters.EVALUATION_SEQUENCES, TrainingParameters.EVALUATE_EVERY);
        Map<ModelKind, Rate> ours = new LinkedHashMap<>();
        for (ModelKind kind : parameters.models()) ours.put(kind, javaRate(kind, parameters, plan));
        Map<String, Map<ModelKind, Rate>> torch = new LinkedHashMap<>();
        String version = null;
        if (!options.flag("no-torch")) {
            String python = options.get("python");
            for (String dtype : dtypes) {
                JsonNode answer = torch(python, parameters, plan, dtype, out);
                if (answer == null) break;
                version = answer.get("torch").textValue();
                Map<ModelKind, Rate> rates = new LinkedHashMap<>();
                for (ModelKind kind : parameters.models()) {
                    JsonNode model = answer.get("models").get(kind.jsonName());
                    rates.put(kind, new Rate(model.get("iterationsPerSecond").doubleValue(),
                            model.get("iterationsPerCpuSecond").doubleValue()));
                }
                torch.put(dtype, rates);
            }
        }
        if (torch.isEmpty() && !options.flag("no-torch")) out.println();
        table(out, ours, torch, version, plan);
        races(out, parameters, plan.races());
        return 0;
    }

    private static List<String> dtypes(String option) {
        return switch (option) {
            case "both" -> List.of("float64", "float32");
            case "float64", "float32" -> List.of(option);
            default -> throw new UsageException("--dtype must be float64, float32 or both");
        };
    }

    /**
     * Iterations per second of wall time and per second of CPU time (the thread's, or the Python process's):
     * medians over the windows. On a machine shared with other work the CPU figure is the steadier one.
     */
    record Rate(double wall, double cpu) {}

    /** Median iterations/s over the plan's windows, after its warm-up, of one model trained alone. */
    static Rate javaRate(ModelKind kind, TrainingParameters parameters, Plan plan) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        ModelRun run = new ModelRun(kind, parameters.withModels(List.of(kind)));
        run.iterate(plan.warmup());
        double[] millis = new double[plan.windows()];
        double[] cpuMillis = new double[plan.windows()];
        for (int w = 0; w < millis.length; w++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            run.iterate(plan.window());
            millis[w] = (System.nanoTime() - start) / 1e6;
            cpuMillis[w] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        return new Rate(plan.window() / (BenchStats.of(millis).median() / 1e3),
                plan.window() / (BenchStats.of(cpuMillis).median() / 1e3));
    }

    /** PyTorch's answer, or null (with the reason printed) when the script, Python or torch is missing. */
    static JsonNode torch(String python, TrainingParameters p, Plan plan, String dtype, PrintStream out)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            out.println("- PyTorch comparison skipped: " + SCRIPT + " not found (run bench from the repository root).");
            return null;
        }
        ObjectNode request = JSON.createObjectNode();
        request.set("models", JSON.valueToTree(p.models().stream().map(ModelKind::jsonName).toList()));
        request.put("steps", p.steps()).put("hidden", p.hidden()).put("batch", p.batch())
                .put("learningRate", p.learningRate()).put("clip", p.clip()).put("forgetBias", p.forgetBias())
                .put("evaluateEvery", TrainingParameters.EVALUATE_EVERY)
                .put("evaluationSequences", TrainingParameters.EVALUATION_SEQUENCES)
                .put("warmup", plan.warmup()).put("windows", plan.windows()).put("window", plan.window())
                .put("dtype", dtype).put("seed", p.seed());
        Process process;
        try {
            process = new ProcessBuilder(python, SCRIPT.toString()).start();
        } catch (IOException e) {
            out.println("- PyTorch comparison skipped: cannot run " + python + " (" + e.getMessage() + ").");
            return null;
        }
        process.getOutputStream().write(JSON.writeValueAsBytes(request));
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes());
        if (!process.waitFor(900, TimeUnit.SECONDS) || process.exitValue() != 0) {
            out.println(stderr.contains("No module named 'torch'")
                    ? "- PyTorch comparison skipped: " + python + " has no torch module (install Debian's python3-torch,"
                            + " or pass --python with a Python that has it)."
                    : "- PyTorch comparison skipped: " + python + " failed: " + stderr.strip());
            return null;
        }
        return JSON.readTree(stdout);
    }

    private static void table(PrintStream out, Map<ModelKind, Rate> ours, Map<String, Map<ModelKind, Rate>> torch,
                              String version, Plan plan) {
        out.printf(Locale.ROOT, "## Iterations per second (median of %d windows of %d after %d warm-up iterations;"
                + " each model alone on one thread; wall time, and [per second of CPU time])%n%n",
                plan.windows(), plan.window(), plan.warmup());
        StringBuilder header = new StringBuilder("| model | Java it/s [CPU] |");
        StringBuilder rule = new StringBuilder("|---|---|");
        for (String dtype : torch.keySet()) {
            header.append(" PyTorch ").append(version).append(' ').append(dtype).append(" it/s [CPU] | Java ÷ PyTorch ")
                    .append(dtype).append(" [CPU] |");
            rule.append("---|---|");
        }
        out.println(header);
        out.println(rule);
        for (Map.Entry<ModelKind, Rate> model : ours.entrySet()) {
            Rate java = model.getValue();
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %s |", model.getKey().jsonName(), rate(java)));
            for (Map<ModelKind, Rate> rates : torch.values()) {
                Rate peer = rates.get(model.getKey());
                row.append(String.format(Locale.ROOT, " %s | **%.1f×** [%.1f×] |", rate(peer), java.wall() / peer.wall(),
                        java.cpu() / peer.cpu()));
            }
            out.println(row);
        }
    }

    private static String rate(Rate rate) {
        return String.format(Locale.ROOT, "%.0f [%.0f]", rate.wall(), rate.cpu());
    }

    /**
     * The default four-model race run to its end, as a job runs it (one thread) and with the models of each
     * iteration shared by two threads (the same race to the bit); median wall time of {@code count} each.
     */
    private static void races(PrintStream out, TrainingParameters parameters, int count) {
        out.println();
        out.println("## The default race (rnn, lstm, gru, irnn; T = 50, budget 3,000 iterations)");
        for (int threads : new int[] {1, 2}) {
            double[] seconds = new double[count];
            Race.Finish finish = null;
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                finish = new Race(parameters).run(progress -> {}, () -> false, Long.MAX_VALUE, threads);
                seconds[i] = (System.nanoTime() - start) / 1e9;
            }
            double[] sorted = seconds.clone();
            java.util.Arrays.sort(sorted);
            out.printf(Locale.ROOT, "- %d thread%s: wall time median %.2f s of %s; solvedAt %s, stopped by %s%n", threads,
                    threads == 1 ? "" : "s", sorted[count / 2], java.util.Arrays.toString(seconds), finish.solvedAt(),
                    finish.stoppedBy().jsonName());
        }
    }
}
