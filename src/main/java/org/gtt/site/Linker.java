package org.gtt.site;

import java.util.function.UnaryOperator;

/**
 * Writes the address of a page or an asset as seen from the page being rendered.
 * Pages link relatively, so the site works at any sub-path and from file://; in a snapshot a link
 * names the file ("…/index.html") because a plain file system has no directory index.
 * The 404 page is the exception: it is served at any depth, so it links absolutely from the base path.
 */
public final class Linker {
    private final String prefix;
    private final boolean namesFiles;
    private final UnaryOperator<String> assetVersion;

    private Linker(String prefix, boolean namesFiles, UnaryOperator<String> assetVersion) {
        this.prefix = prefix;
        this.namesFiles = namesFiles;
        this.assetVersion = assetVersion;
    }

    /** Links from the page at {@code from}; {@code snapshot} makes page links name index.html. */
    public static Linker relativeFrom(SitePath from, boolean snapshot, UnaryOperator<String> assetVersion) {
        return new Linker("../".repeat(from.depth()), snapshot, assetVersion);
    }

    public static Linker absolute(String basePath, boolean snapshot, UnaryOperator<String> assetVersion) {
        return new Linker(basePath, snapshot, assetVersion);
    }

    public String page(SitePath target) {
        String href = prefix + target.folder() + (namesFiles ? "index.html" : "");
        return href.isEmpty() ? "./" : href;
    }

    /** {@code path} relative to the site root, e.g. "static/css/site.css". */
    public String asset(String path) {
        return prefix + path + assetVersion.apply(path);
    }

    /** Whether this is a snapshot's page (the page says so, and its widgets never ask the API). */
    public boolean snapshot() {
        return namesFiles;
    }

    /** The site root as a prefix ("", "../", "/base/"), for scripts that build addresses themselves. */
    public String root() {
        return prefix.isEmpty() ? "./" : prefix;
    }
}
