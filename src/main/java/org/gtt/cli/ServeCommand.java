package org.gtt.cli;

import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.gtt.content.ContentException;
import org.gtt.content.CourseLoader;
import org.gtt.content.MarkdownRenderer;
import org.gtt.site.Assets;
import org.gtt.site.LinkStyle;
import org.gtt.site.PageRenderer;
import org.gtt.site.Site;
import org.gtt.site.Templates;
import org.gtt.train.jobs.TrainingJobs;
import org.gtt.web.CliffApi;
import org.gtt.web.GradientApi;
import org.gtt.web.LiveSite;
import org.gtt.web.PrerenderedSite;
import org.gtt.web.SiteSource;
import org.gtt.web.TrainingApi;
import org.gtt.web.WebServer;
import org.gtt.compute.CoreAllowance;
import org.gtt.web.admission.AdmissionControl;
import org.gtt.web.admission.ClientAddress;
import org.gtt.web.admission.ComputeRateLimit;
import org.gtt.web.admission.RateLimiter;
import org.gtt.web.ops.Lifecycle;

/** {@code serve}: the course and the gradient API over HTTP. */
final class ServeCommand {
    /** Expensive work gets every core but one, so cheap requests always find a free core. */
    static final int DEFAULT_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);

    static final Options.Spec SPEC = Options.spec(
            "Usage: java -jar gradients-through-time.jar serve [options]\n\nServes the course and the gradient API."
                    + " Every option can also be set by the environment variable shown in brackets; a flag wins.",
            "port", "7070", true, "TCP port to listen on (0 picks a free one).",
            "host", "127.0.0.1", true, "Address to listen on (0.0.0.0 for every interface).",
            "base-path", "/", true, "URL prefix the site lives under, e.g. /dl-course/ behind a reverse proxy.",
            "content", null, true, "Folder of lessons to serve instead of the bundled course.",
            "dev", null, false, "Re-read lessons, templates and static files on every request (for authors).",
            "cache-mb", "64", true, "Memory for cached API answers, in MB (0 turns the cache off).",
            "workers", Integer.toString(DEFAULT_WORKERS), true, "Threads for expensive computations, and the cores they and the training races take turns on (default: cores − 1, at least 1).",
            "queue", "4", true, "Expensive computations that may wait for a worker; beyond that: 503 with Retry-After.",
            "expensive-ms", "20", true, "Estimated engine time from which a computation counts as expensive.",
            "rate-limit", "20", true, "Requests per second per client on the computing endpoints (0: no limit); beyond: 429.",
            "rate-burst", "40", true, "Requests a client may send at once before the rate limit applies.",
            "trusted-proxies", "", true, "Comma-separated addresses or CIDR networks of reverse proxies whose X-Forwarded-For is believed.",
            "train-running", "2", true, "Training races that run at once (each on a thread of its own, its iterations taking turns on the workers' cores).",
            "train-queue", "4", true, "Training races that may wait for one; beyond that: 429 with Retry-After.",
            "train-seconds", "120", true, "Wall-time limit of one training race, in seconds (its time in the queue not counted).",
            "access-log", "on", true, "One JSON line per request on stdout: on or off.",
            "shutdown-delay", "0", true, "On SIGTERM, seconds to keep accepting while /readyz answers 503 (for load balancers that poll it).",
            "drain-seconds", "10", true, "On SIGTERM, how long requests in flight may take to finish.").withEnvironment("GTT_");

    /** The running server, with what its shutdown needs. */
    record Running(WebServer server, Javalin app, AdmissionControl admission, int shutdownDelaySeconds, int drainSeconds) {}

    private ServeCommand() {}

    /** Starts the server and shuts it down gracefully on SIGTERM or Ctrl+C (exit status 0). */
    static int run(Options options, PrintStream out, PrintStream err) {
        Running running = startServer(options, out, err);
        if (running == null) return 1;
        Runnable stop = () -> {
            out.println("Shutting down: /readyz answers 503" + (running.shutdownDelaySeconds() > 0
                    ? "; still accepting for " + running.shutdownDelaySeconds() + " s" : "") + ".");
            boolean finished = stopGracefully(running);
            out.println(finished ? "Stopped." : "Stopped; some requests were still running after " + running.drainSeconds() + " s.");
            out.flush();
            System.exit(0);
        };
        for (String signal : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), ignored -> new Thread(stop, "gtt-shutdown").start());
        }
        return 0;
    }

    static boolean stopGracefully(Running running) {
        try {
            running.server().lifecycle().markDraining();
            Thread.sleep(running.shutdownDelaySeconds() * 1000L);
            return running.server().shutDown(Duration.ofSeconds(running.drainSeconds()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            running.admission().close();
        }
    }

    /** Starts the server; null when the lessons could not be loaded (the errors went to stderr). */
    static Javalin start(Options options, PrintStream out, PrintStream err) {
        Running running = startServer(options, out, err);
        return running == null ? null : running.app();
    }

    static Running startServer(Options options, PrintStream out, PrintStream err) {
        int port = options.intValue("port", 0, 65535);
        String basePath = options.basePath("base-path");
        boolean dev = options.flag("dev");
        Path content = SiteFiles.content(options.get("content"));
        long cacheBytes = (long) options.intValue("cache-mb", 0, 1 << 20) << 20;
        int workers = options.intValue("workers", 1, 1024);
        // Expensive computations and training races take turns on as many cores as there are workers.
        CoreAllowance heavyWork = new CoreAllowance(workers);
        AdmissionControl admission = new AdmissionControl(new AdmissionControl.Settings(workers,
                options.intValue("queue", 0, 10_000), options.doubleValue("expensive-ms", 0, 1e9)), heavyWork);
        RateLimiter limiter = new RateLimiter(options.doubleValue("rate-limit", 0, 1e6), options.doubleValue("rate-burst", 1, 1e6));
        ClientAddress clients = trustedProxies(options);
        int drainSeconds = options.intValue("drain-seconds", 0, 3600);
        int shutdownDelay = options.intValue("shutdown-delay", 0, 3600);
        TrainingJobs.Settings training = new TrainingJobs.Settings(options.intValue("train-running", 1, 64),
                options.intValue("train-queue", 0, 1000), Duration.ofSeconds(options.intValue("train-seconds", 1, 86_400)));
        PrintStream accessLog = options.onOff("access-log") ? out : null;
        printConfiguration(options, out);

        Supplier<SiteSource> site = dev ? liveSite(content, basePath) : prerenderedSite(content, basePath);
        Lifecycle lifecycle = Lifecycle.starting();
        WebServer server = new WebServer(site, List.of(new ComputeRateLimit(limiter, clients), new GradientApi(cacheBytes, admission),
                new CliffApi(cacheBytes / 2, admission), new TrainingApi(training, lifecycle, heavyWork)), lifecycle);
        Javalin app = server.start(new WebServer.Options(options.get("host"), port, basePath, accessLog, clients));
        try {
            site.get();
        } catch (CompletionException e) {
            app.stop();
            admission.close();
            if (!(e.getCause() instanceof ContentException problems)) throw e;
            problems.errors().forEach(error -> err.println("error: " + error));
            return null;
        }
        server.lifecycle().markReady();
        String host = options.get("host").equals("0.0.0.0") ? "127.0.0.1" : options.get("host");
        out.println("Gradients Through Time is running at http://" + host + ":" + app.port() + basePath
                + (dev ? "  (dev mode: changes on disk show on reload)" : "") + "  — press Ctrl+C to stop.");
        return new Running(server, app, admission, shutdownDelay, drainSeconds);
    }

    private static ClientAddress trustedProxies(Options options) {
        try {
            return ClientAddress.trusting(options.get("trusted-proxies"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--trusted-proxies: " + e.getMessage());
        }
    }

    /** Every setting and where it came from, so an operator sees what the server actually uses. */
    private static void printConfiguration(Options options, PrintStream out) {
        out.println("Configuration:");
        for (String name : SPEC.options().keySet()) {
            String value = options.get(name);
            if (value == null) value = "(not set)";
            String source = options.source(name);
            out.printf("  %-16s %-24s %s%n", name, value.isEmpty() ? "(none)" : value, source == null ? "" : "(" + source + ")");
        }
    }

    /**
     * Renders every page once, on another core while Jetty starts; a request that comes in early waits
     * for the pages. Broken lessons surface from {@code get()} as a CompletionException.
     */
    private static Supplier<SiteSource> prerenderedSite(Path content, String basePath) {
        CompletableFuture<SiteSource> rendering = CompletableFuture.supplyAsync(() -> {
            Assets assets = Assets.load(SiteFiles.staticFiles(false));
            try {
                return new PrerenderedSite(Site.load(content, Templates.precompiled(), LinkStyle.live(basePath, assets)), assets);
            } catch (ContentException e) {
                throw new CompletionException(e);
            }
        });
        return rendering::join;
    }

    /** Reads the lessons, templates and static files afresh for every request. */
    private static Supplier<SiteSource> liveSite(Path content, String basePath) {
        Path sources = SiteFiles.templateSources();
        TemplateEngine templates = sources == null ? Templates.precompiled()
                : Templates.fromSources(sources, Path.of("target", "jte-dev-classes"));
        Path staticDir = SiteFiles.staticFiles(true);
        MarkdownRenderer markdown = Site.markdownRenderer(templates, staticDir);
        return () -> {
            Assets assets = Assets.load(staticDir);
            Site site = new Site(CourseLoader.loadLenient(content, markdown), new PageRenderer(templates, LinkStyle.live(basePath, assets)));
            return new LiveSite(site, assets);
        };
    }
}
