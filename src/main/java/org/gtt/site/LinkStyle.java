package org.gtt.site;

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

    public Linker relativeFrom(SitePath page) {
        return Linker.relativeFrom(page, snapshot, assetVersion);
    }

    public Linker absolute() {
        return Linker.absolute(basePath, snapshot, assetVersion);
    }
}
