package org.gtt.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gtt.site.BundledFiles;
import org.gtt.site.Site;

/** Where the lessons, static files and templates are read from: a folder given by the user, or the jar. */
final class SiteFiles {
    private SiteFiles() {}

    /** The --content folder if given, else the lessons bundled in the jar. */
    static Path content(String option) {
        if (option == null) return BundledFiles.folder("content", "course.yml");
        Path dir = Path.of(option);
        if (!Files.isDirectory(dir)) throw new UsageException("--content: no such folder: " + dir.toAbsolutePath());
        return dir;
    }

    /** In --dev, the static/ folder of the working copy when there is one, so edits show at once. */
    static Path staticFiles(boolean dev) {
        Path local = Path.of("static");
        return dev && Files.isDirectory(local) ? local : Site.bundledStatic();
    }

    /** The template sources of the working copy, for --dev; null when not run from one. */
    static Path templateSources() {
        Path local = Path.of("src", "main", "jte");
        return Files.isDirectory(local) ? local : null;
    }
}
