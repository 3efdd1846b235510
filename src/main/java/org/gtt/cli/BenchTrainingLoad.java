package org.gtt.cli;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;
import org.gtt.train.jobs.TrainingJobs;
import org.gtt.web.TrainingApi;
import org.gtt.web.ops.Lifecycle;

/**
 * What live training costs the rest of the server: the latency of the course's default gradient request
 * (rnn, T = 100, n = 16, a new seed each time, so every one is computed) with no training, then while two
 * default races train (the pool's default of 2 running, streamed over HTTP like the widget's); and the memory
 * a running default job takes (its arrays as counted, and the heap's growth measured with both running).
 * Run from the repository root: {@code java -cp target/gradients-through-time.jar org.gtt.cli.BenchTrainingLoad
 * [--requests 400]}.
 */
public final class BenchTrainingLoad {
    private static final int JOBS = 2;

    private BenchTrainingLoad() {}

    public static void main(String[] args) throws Exception {
        List<String> options = Arrays.asList(args);
        int index = options.indexOf("--requests");
        int requests = index >= 0 ? Integer.parseInt(options.get(index + 1)) : 400;
        PrintStream out = System.out;
        TrainingApi training = new TrainingApi(TrainingJobs.Settings.DEFAULTS, Lifecycle.ready());
        try (BenchHttp http = new BenchHttp(List.of(training))) {
            out.printf(Locale.ROOT, "# The gradient API while training%n%nJava %s, %d cores; %d requests per row, one at a time"
                    + " (a third more before them, untimed, to warm up)%n%n", System.getProperty("java.version"),
                    Runtime.getRuntime().availableProcessors(), requests);
            BenchStats[] idle = http.serverSide(requests, 1_000_000);
            long heapBefore = usedHeap();
            List<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> races = startDefaultRaces(http);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (training.jobs().running() < JOBS && System.nanoTime() < deadline) Thread.sleep(10);
            if (training.jobs().running() < JOBS) throw new IllegalStateException("the races did not start");
            Thread.sleep(1000);
            long heapPerJob = (usedHeap() - heapBefore) / JOBS;
            BenchStats[] loaded = http.serverSide(requests, 2_000_000);
            boolean stillRunning = training.jobs().running() == JOBS;
            training.shutDown();
            for (CompletableFuture<?> race : races) race.get(30, TimeUnit.SECONDS);

            out.println("| default gradient request | round trip median | p90 | p99 | server-side median | p99 |");
            out.println("|---|---|---|---|---|---|");
            row(out, "no training", idle);
            row(out, JOBS + " default races training" + (stillRunning ? "" : " (one ended before the last request)"), loaded);
            out.printf(Locale.ROOT, "%nMemory per running default job (4 models, T = 50, n = 16, batch 32): arrays %.1f MB"
                            + " (Race.workspaceBytes); heap growth with %d running, after a full GC: %.1f MB per job.%n",
                    Race.workspaceBytes(TrainingParameters.defaults()) / 1048576.0, JOBS, heapPerJob / 1048576.0);
        }
    }

    private static void row(PrintStream out, String title, BenchStats[] stats) {
        out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", title, stats[1].median(),
                stats[1].p90(), stats[1].p99(), stats[0].median(), stats[0].p99());
    }

    /** POSTs the default race (an empty body) {@link #JOBS} times and reads each stream to its end. */
    private static List<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> startDefaultRaces(BenchHttp http) {
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> races = new ArrayList<>();
        for (int i = 0; i < JOBS; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(http.apiUrl("api/v1/train")))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            races.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenApplyAsync(response -> {
                response.body().forEach(line -> { }); // read every event, as a page does
                return response;
            }));
        }
        return races;
    }

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
