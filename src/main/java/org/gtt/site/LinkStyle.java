package org.gtt.site;

import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * How pages address each other and the assets: in the live site, asset addresses carry a content
 * version (so they can be cached for a year); in a snapshot, page links name index.html.
 */
public record LinkStyle(String basePath, boolean snapshot, UnaryOperator<String> assetVersion) {

    public static LinkStyle live(String basePath, Assets assets) {
        return new LinkStyle(basePath, false, assets::versionQuery);
    }

    public static LinkStyle snapshot(String basePath) {
        return new LinkStyle(basePath, true, path -> "");
    }

    /**
     * The same style for a site that also serves {@code files} made from its course (the search index),
     * which the static folder's {@link Assets} does not hold: live addresses version them by their own hash.
     */
    public LinkStyle alsoVersioning(Map<String, Assets.Asset> files) {
        if (snapshot) return this;
        UnaryOperator<String> version = path -> files.containsKey(path)
                ? "?v=" + files.get(path).hash().substring(0, 10) : assetVersion.apply(path);
        return new LinkStyle(basePath, false, version);
    }

    public Linker relativeFrom(SitePath page) {
        return Linker.relativeFrom(page, snapshot, assetVersion);
    }

    public Linker absolute() {
        return Linker.absolute(basePath, snapshot, assetVersion);
    }
}
