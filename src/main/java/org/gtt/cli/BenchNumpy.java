package org.gtt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.gtt.engine.GradientEngine;
import org.gtt.engine.GradientRequest;
import org.gtt.engine.GradientResult;

/**
 * Runs src/test/bench/numpy_rnn.py on the same weights and inputs as the engine's default chart
 * request: its median time, and how far its log10 norms are from the engine's.
 */
final class BenchNumpy {
    static final Path SCRIPT = Path.of("src", "test", "bench", "numpy_rnn.py");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Outcome(double medianMs, String version, double maxLog10Difference) {}

    private BenchNumpy() {}

    /** Null (with the reason printed) when python3 with NumPy or the script is not available. */
    static Outcome run(String python, int repeats, java.io.PrintStream out) throws IOException, InterruptedException {
        if (!Files.isRegularFile(SCRIPT)) {
            out.println("NumPy comparison skipped: " + SCRIPT + " not found (run bench from the repository root).");
            return null;
        }
        GradientRequest request = BenchEngine.defaultChart();
        GradientResult result = GradientEngine.compute(request);
        ObjectNode input = JSON.createObjectNode();
        ObjectNode weights = input.putObject("weights");
        weights.set("weight_ih_l0", JSON.valueToTree(result.weightsUsed().weightIh()));
        weights.set("weight_hh_l0", JSON.valueToTree(result.weightsUsed().weightHh()));
        weights.set("bias_ih_l0", JSON.valueToTree(result.weightsUsed().biasIh()));
        weights.set("bias_hh_l0", JSON.valueToTree(result.weightsUsed().biasHh()));
        input.set("inputs", JSON.valueToTree(result.inputsUsed()));
        input.put("activation", request.activation().jsonName());
        input.put("repeats", repeats);
        Process process = new ProcessBuilder(python, SCRIPT.toString()).redirectErrorStream(false).start();
        process.getOutputStream().write(JSON.writeValueAsBytes(input));
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        String stderr = new String(process.getErrorStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            out.println("NumPy comparison skipped: " + python + " failed: " + stderr.strip());
            return null;
        }
        JsonNode answer = JSON.readTree(stdout);
        double difference = Math.max(
                maxDifference(answer.get("jacobianLog10Norms"), result.jacobianLog10Norms()),
                maxDifference(answer.get("stepLog10Norms"), result.stepLog10Norms()));
        return new Outcome(answer.get("medianMs").doubleValue(), answer.get("numpy").textValue(), difference);
    }

    private static double maxDifference(JsonNode numpy, Double[] engine) {
        double max = 0;
        for (int i = 0; i < engine.length; i++) {
            max = Math.max(max, Math.abs(numpy.get(i).doubleValue() - engine[i]));
        }
        return max;
    }
}
