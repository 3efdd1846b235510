package org.gtt.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gtt.widget.WidgetKind;

/**
 * Every file the pages load, by its address below the site root ("static/css/site.css",
 * "webjars/katex/0.16.47/dist/katex.min.js"), held in memory. Serving from this map means a request
 * can only ever reach a listed file (no path traversal), and the snapshot writes the very same files.
 */
public final class Assets {
    public static final String KATEX = "webjars/katex/0.16.47/dist/";
    public static final String UPLOT = "webjars/uplot/1.6.30/dist/";
    /**
     * The widget scripts in load order: classic {@code defer} scripts (no modules, so they run from
     * file://), each using what the ones before it define on {@code window.GTT}. chart.js: axes, palette,
     * export; sources.js: where responses come from (live API, in-browser engine, baked); widget.js: what
     * every widget does (controls, URL state, messages, requests); then one file per widget family
     * ({@link WidgetKind#script()}), of which a page loads only those of its own widgets.
     */
    public static final List<String> WIDGET_SCRIPTS = List.of(
            "static/js/widgets/chart.js",
            "static/js/widgets/sources.js",
            "static/js/widgets/engine.js",
            "static/js/widgets/widget.js",
            "static/js/widgets/gradient.js",
            "static/js/widgets/train.js",
            "static/js/widgets/cliff.js");

    /** The widget scripts a page loads: the shared ones, and the family script of each kind of widget in {@code html}. */
    public static List<String> widgetScripts(String html) {
        Set<String> families = new HashSet<>();
        for (WidgetKind kind : WidgetKind.values()) families.add(kind.script());
        Set<String> used = new HashSet<>();
        for (WidgetKind kind : WidgetKind.values()) {
            if (html.contains("data-widget=\"" + kind.widgetName() + "\"")) used.add(kind.script());
        }
        return WIDGET_SCRIPTS.stream().filter(script -> !families.contains(script) || used.contains(script)).toList();
    }

    public static final String LUNR = "webjars/lunr/2.3.9/";

    /** The WebJar folders the pages use, and which of their files to take (all, when none are named). */
    private static final List<String[]> WEBJAR_FILES = List.of(
            new String[] {KATEX, "katex.min.js", "katex.min.css"},
            new String[] {KATEX + "fonts/"},
            new String[] {UPLOT, "uPlot.iife.min.js", "uPlot.min.css"},
            new String[] {LUNR, "lunr.min.js"});
    private static final String KNOWN_FONT = "KaTeX_Main-Regular.woff2";

    public record Asset(byte[] bytes, String contentType, String hash) {
        /** A file made while building the site (the search index), typed by its address like the others. */
        public static Asset of(String path, byte[] bytes) {
            return new Asset(bytes, MediaTypes.of(path), sha256(bytes));
        }
    }

    private final Map<String, Asset> byPath;

    private Assets(Map<String, Asset> byPath) {
        this.byPath = byPath;
    }

    /** Loads the project's static folder and the WebJar files the pages use. */
    public static Assets load(Path staticDir) {
        Map<String, Asset> files = new TreeMap<>(WebJars.FILES);
        addTree(files, staticDir, "static/");
        EngineModule.addScriptForm(files);
        return new Assets(files);
    }

    /** The WebJar files never change while the program runs: read once, however often serve --dev reloads static/. */
    private static final class WebJars {
        static final Map<String, Asset> FILES = load();

        private static Map<String, Asset> load() {
            Map<String, Asset> files = new TreeMap<>();
            for (String[] spec : WEBJAR_FILES) {
                String folder = "META-INF/resources/" + spec[0].substring(0, spec[0].length() - 1);
                Path dir = BundledFiles.folder(folder, spec.length == 1 ? KNOWN_FONT : spec[1]);
                if (spec.length == 1) {
                    addFlat(files, dir, spec[0]);
                } else {
                    for (int i = 1; i < spec.length; i++) add(files, dir.resolve(spec[i]), spec[0] + spec[i]);
                }
            }
            return Map.copyOf(files);
        }
    }

    public Optional<Asset> get(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    public Map<String, Asset> all() {
        return byPath;
    }

    /** A query string that changes with the file's content, so assets can be cached for a year. */
    public String versionQuery(String path) {
        Asset asset = byPath.get(path);
        if (asset == null) throw new IllegalArgumentException("no such asset: " + path);
        return "?v=" + asset.hash().substring(0, 10);
    }

    private static void addTree(Map<String, Asset> files, Path root, String prefix) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                add(files, file, prefix + relative(root, file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addFlat(Map<String, Asset> files, Path dir, String prefix) {
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : (Iterable<Path>) list.filter(Files::isRegularFile).sorted()::iterator) {
                add(files, file, prefix + file.getFileName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private static void add(Map<String, Asset> files, Path file, String path) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            files.put(path, Asset.of(path, bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
