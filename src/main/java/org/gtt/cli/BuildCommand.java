package org.gtt.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import org.gtt.content.ContentException;
import org.gtt.export.SnapshotBuilder;
import org.gtt.site.Assets;
import org.gtt.site.LinkStyle;
import org.gtt.site.Site;
import org.gtt.site.Templates;

/** {@code build}: the static HTML snapshot. */
final class BuildCommand {
    static final Options.Spec SPEC = Options.spec(
            "Usage: java -jar gradients-through-time.jar build --out DIR [options]\n\n"
                    + "Writes the course as static HTML that works on any web server, at any path, and from file://.",
            "out", null, true, "Folder to write the snapshot to (replaced only when the whole build succeeded).",
            "base-path", "/", true, "URL prefix the snapshot will be served under (used by the 404 page).",
            "content", null, true, "Folder of lessons to build instead of the bundled course.");

    private BuildCommand() {}

    static int run(Options options, PrintStream out, PrintStream err) {
        if (options.get("out") == null) throw new UsageException("build needs --out DIR\n\n" + SPEC.help());
        long start = System.nanoTime();
        Path target = Path.of(options.get("out"));
        Path content = SiteFiles.content(options.get("content"));
        try {
            Assets assets = Assets.load(SiteFiles.staticFiles(false));
            Site site = Site.load(content, Templates.precompiled(), LinkStyle.snapshot(options.basePath("base-path")));
            out.println("Building the snapshot into " + target.toAbsolutePath());
            int pages = new SnapshotBuilder(out).build(site, assets, target);
            out.printf("Wrote %d pages and %d files in %d ms to %s%n", pages, assets.all().size() + site.files().size(),
                    (System.nanoTime() - start) / 1_000_000, target.toAbsolutePath());
            return 0;
        } catch (ContentException e) {
            e.errors().forEach(error -> err.println("error: " + error));
            err.println("build failed: " + e.errors().size() + " error(s); " + target + " was left as it was.");
            return 1;
        } catch (IOException e) {
            err.println("build failed: " + e.getMessage() + "; " + target + " was left as it was.");
            return 1;
        }
    }
}
