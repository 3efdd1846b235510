package org.gtt.cli;

import gg.jte.TemplateEngine;
import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
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
import org.gtt.web.GradientApi;
import org.gtt.web.LiveSite;
import org.gtt.web.PrerenderedSite;
import org.gtt.web.SiteSource;
import org.gtt.web.WebServer;
import org.gtt.widget.WidgetHandler;

/** {@code serve}: the course and the gradient API over HTTP. */
final class ServeCommand {
    static final Options.Spec SPEC = Options.spec(
            "Usage: java -jar gradients-through-time.jar serve [options]\n\nServes the course and the gradient API.",
            "port", "7070", true, "TCP port to listen on (0 picks a free one).",
            "host", "127.0.0.1", true, "Address to listen on (0.0.0.0 for every interface).",
            "base-path", "/", true, "URL prefix the site lives under, e.g. /dl-course/ behind a reverse proxy.",
            "content", null, true, "Folder of lessons to serve instead of the bundled course.",
            "dev", null, false, "Re-read lessons, templates and static files on every request (for authors).");

    private ServeCommand() {}

    static int run(Options options, PrintStream out, PrintStream err) {
        return start(options, out, err) == null ? 1 : 0;
    }

    /** Starts the server; null when the lessons could not be loaded (the errors went to stderr). */
    static Javalin start(Options options, PrintStream out, PrintStream err) {
        int port = options.intValue("port", 0, 65535);
        String basePath = options.basePath("base-path");
        boolean dev = options.flag("dev");
        Path content = SiteFiles.content(options.get("content"));
        Supplier<SiteSource> site = dev ? liveSite(content, basePath) : prerenderedSite(content, basePath);
        Javalin app = new WebServer(site, List.of(new GradientApi()))
                .start(new WebServer.Options(options.get("host"), port, basePath));
        try {
            site.get();
        } catch (CompletionException e) {
            app.stop();
            if (!(e.getCause() instanceof ContentException problems)) throw e;
            problems.errors().forEach(error -> err.println("error: " + error));
            return null;
        }
        String host = options.get("host").equals("0.0.0.0") ? "127.0.0.1" : options.get("host");
        out.println("Gradients Through Time is running at http://" + host + ":" + app.port() + basePath
                + (dev ? "  (dev mode: changes on disk show on reload)" : "") + "  — press Ctrl+C to stop.");
        return app;
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
        MarkdownRenderer markdown = WidgetHandler.markdownRenderer(templates);
        return () -> {
            Assets assets = Assets.load(staticDir);
            Site site = new Site(CourseLoader.loadLenient(content, markdown), new PageRenderer(templates, LinkStyle.live(basePath, assets)));
            return new LiveSite(site, assets);
        };
    }
}
