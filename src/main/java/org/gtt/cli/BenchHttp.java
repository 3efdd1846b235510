package org.gtt.cli;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.site.Assets;
import org.gtt.site.LinkStyle;
import org.gtt.site.Site;
import org.gtt.site.Templates;
import org.gtt.web.CliffApi;
import org.gtt.web.GradientApi;
import org.gtt.web.PrerenderedSite;
import org.gtt.web.RouteModule;
import org.gtt.web.WebServer;

/** The real server on a loopback port: server-side time per request (Server-Timing), and wrk load runs. */
final class BenchHttp implements AutoCloseable {
    static final String DEFAULT_QUERY = "model=rnn&steps=100&hidden=16&activation=tanh";
    static final Path WRK_SCRIPT = Path.of("src", "test", "bench", "distinct_seeds.lua");
    private static final Pattern SERVER_TIMING = Pattern.compile("app;dur=([0-9.]+)");

    private final Javalin app;
    private final HttpClient client = HttpClient.newHttpClient();

    BenchHttp() throws Exception {
        this(List.of());
    }

    /** With {@code more} routes beside the gradient and cliff APIs (the training API). */
    BenchHttp(List<RouteModule> more) throws Exception {
        Assets assets = Assets.load(SiteFiles.staticFiles(false));
        PrerenderedSite site = new PrerenderedSite(Site.load(SiteFiles.content(null), Templates.precompiled(), LinkStyle.live("/", assets)), assets);
        List<RouteModule> modules = new ArrayList<>(List.of(new GradientApi(), new CliffApi()));
        modules.addAll(more);
        app = new WebServer(() -> site, modules).start(new WebServer.Options("127.0.0.1", 0, "/"));
    }

    String url(String query) {
        return "http://127.0.0.1:" + app.port() + "/api/v1/gradients?" + query;
    }

    /** Sequential GETs with distinct seeds: the handler's own time (Server-Timing) and the round trip. */
    BenchStats[] serverSide(int runs, long firstSeed) throws Exception {
        return serverSide(runs, i -> url(DEFAULT_QUERY + "&seed=" + (firstSeed + i)));
    }

    /** The API's address for {@code pathAndQuery} ("api/v1/cliff?n=101"). */
    String apiUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + app.port() + "/" + pathAndQuery;
    }

    /** Sequential GETs of {@code url.apply(i)}, each a distinct request: Server-Timing and the round trip. */
    BenchStats[] serverSide(int runs, java.util.function.IntFunction<String> url) throws Exception {
        double[] server = new double[runs];
        double[] roundTrip = new double[runs];
        for (int i = 0; i < runs + runs / 2; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url.apply(i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the API answered " + response.statusCode() + ": " + response.body());
            }
            int measured = i - runs / 2; // the first third warms the JIT up
            if (measured >= 0) {
                Matcher timing = SERVER_TIMING.matcher(response.headers().firstValue("Server-Timing").orElse(""));
                server[measured] = timing.find() ? Double.parseDouble(timing.group(1)) : Double.NaN;
                roundTrip[measured] = elapsed;
            }
        }
        return new BenchStats[] {BenchStats.of(server), BenchStats.of(roundTrip)};
    }

    /** wrk's figures for one run. */
    record WrkRun(double requestsPerSecond, String p50, String p99, long errors, String command) {}

    /** Null when wrk is missing. {@code distinct}: a new seed per request (no cache hits); else one URL. */
    WrkRun wrk(boolean distinct, int threads, int connections, int seconds) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/wrk")) || (distinct && !Files.isRegularFile(WRK_SCRIPT))) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t" + threads, "-c" + connections,
                "-d" + seconds + "s", "--latency"));
        if (distinct) {
            command.addAll(List.of("-s", WRK_SCRIPT.toString(), "http://127.0.0.1:" + app.port(), "--", DEFAULT_QUERY));
        } else {
            command.add(url(DEFAULT_QUERY + "&seed=0"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(seconds + 60L, TimeUnit.SECONDS);
        return new WrkRun(number(output, "Requests/sec:\\s+([0-9.]+)"), text(output, "\\s50%\\s+(\\S+)"),
                text(output, "\\s99%\\s+(\\S+)"), (long) number(output, "Non-2xx or 3xx responses:\\s+([0-9]+)"),
                String.join(" ", command).replace("127.0.0.1:" + app.port(), "127.0.0.1:PORT"));
    }

    private static double number(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private static String text(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.find() ? matcher.group(1) : "?";
    }

    static void print(PrintStream out, String title, WrkRun run) {
        if (run == null) {
            out.println("- " + title + ": skipped (/usr/bin/wrk or " + WRK_SCRIPT + " missing)");
            return;
        }
        out.printf(Locale.ROOT, "- %s: **%.0f requests/s**, latency p50 %s, p99 %s, non-2xx %d  %n  `%s`%n",
                title, run.requestsPerSecond(), run.p50(), run.p99(), run.errors(), run.command());
    }

    @Override
    public void close() {
        app.stop();
    }
}
