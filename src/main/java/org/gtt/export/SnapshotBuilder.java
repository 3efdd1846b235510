package org.gtt.export;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.Site;
import org.gtt.site.SitePath;

/**
 * Writes the static snapshot: every page as folder/index.html, the static files and the WebJar files
 * the pages use. It writes into a temporary folder beside the target and swaps it in only when all
 * of it was written, so a failed build leaves an existing output folder as it was.
 */
public final class SnapshotBuilder {
    /** Written into every snapshot: only a folder carrying it (or an empty one) may be replaced. */
    static final String MARKER = ".gradients-through-time-snapshot";

    /** The output folder would destroy something that is not an earlier snapshot. */
    public static final class UnsafeOutputException extends IOException {
        UnsafeOutputException(String message) {
            super(message);
        }
    }

    private final PrintStream progress;

    public SnapshotBuilder(PrintStream progress) {
        this.progress = progress;
    }

    /** Returns the number of pages written. */
    public int build(Site site, Assets assets, Path out) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        checkReplaceable(target, site.course().contentDir());
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".building-");
        try {
            int pages = writePages(site, staging);
            writeFiles(assets.all(), staging);
            writeFiles(site.files(), staging);
            swapIn(staging, target);
            return pages;
        } finally {
            deleteTree(staging);
        }
    }

    /**
     * The swap deletes what stood at the target, so it must be a new or empty folder or an earlier
     * snapshot: never the working folder, one of its parents, the lessons, or somebody's files.
     */
    static void checkReplaceable(Path target, Path contentDir) throws IOException {
        if (target.getParent() == null) throw new UnsafeOutputException("--out cannot be the root of the file system");
        Path workingDir = Path.of("").toAbsolutePath().normalize();
        if (workingDir.startsWith(target)) {
            throw new UnsafeOutputException("--out " + target + " is the working folder or one of its parents");
        }
        Path content = contentDir.getFileSystem() == target.getFileSystem() ? contentDir.toAbsolutePath().normalize() : null;
        if (content != null && (content.startsWith(target) || target.startsWith(content))) {
            throw new UnsafeOutputException("--out " + target + " overlaps the lessons folder " + content);
        }
        if (!Files.exists(target)) return;
        if (!Files.isDirectory(target)) throw new UnsafeOutputException("--out " + target + " is a file, not a folder");
        try (Stream<Path> entries = Files.list(target)) {
            if (entries.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
                throw new UnsafeOutputException("--out " + target + " holds files that build did not write (no "
                        + MARKER + " in it); choose a new or empty folder");
            }
        }
    }

    private int writePages(Site site, Path root) throws IOException {
        write(root.resolve(MARKER), "Written by `gradients-through-time build`; the next build may replace this folder.\n"
                .getBytes(StandardCharsets.UTF_8));
        int count = 0;
        for (SitePath path : site.paths()) {
            String html = site.render(path).orElseThrow();
            write(root.resolve(path.folder() + "index.html"), html.getBytes(StandardCharsets.UTF_8));
            progress.println("  page " + path.folder() + "index.html");
            count++;
        }
        write(root.resolve("404.html"), site.notFound(Lang.EN).getBytes(StandardCharsets.UTF_8));
        write(root.resolve("zh/404.html"), site.notFound(Lang.ZH).getBytes(StandardCharsets.UTF_8));
        return count;
    }

    private static void writeFiles(Map<String, Assets.Asset> files, Path root) throws IOException {
        for (Map.Entry<String, Assets.Asset> file : files.entrySet()) {
            write(root.resolve(file.getKey()), file.getValue().bytes());
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    /** Two renames: the old folder steps aside, the new one takes its name, then the old one goes. */
    private static void swapIn(Path staging, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            if (old != null) move(old, target);
            throw e;
        }
        if (old != null) deleteTree(old);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }
}
