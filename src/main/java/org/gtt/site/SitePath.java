package org.gtt.site;

import java.util.Optional;
import java.util.regex.Pattern;
import org.gtt.content.Lang;

/**
 * Where each page lives, relative to the site root: "" (English home), "slug/", "zh/", "zh/slug/".
 * English sits at the root and Chinese under zh/, the MkDocs i18n convention.
 */
public record SitePath(Lang lang, String slug) {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]*");

    public static SitePath home(Lang lang) {
        return new SitePath(lang, null);
    }

    public static SitePath lesson(Lang lang, String slug) {
        return new SitePath(lang, slug);
    }

    public boolean isHome() {
        return slug == null;
    }

    /** The folder of the page: "" or a path ending in "/". */
    public String folder() {
        String langPrefix = lang == Lang.EN ? "" : lang.code() + "/";
        return slug == null ? langPrefix : langPrefix + slug + "/";
    }

    public int depth() {
        return (int) folder().chars().filter(c -> c == '/').count();
    }

    /** Reads a request path relative to the site root ("zh/intro/" or "zh/intro"); empty if no page could live there. */
    public static Optional<SitePath> parse(String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (p.isEmpty()) return Optional.of(home(Lang.EN));
        String[] parts = p.split("/", -1);
        if (parts.length == 1) {
            if (parts[0].equals(Lang.ZH.code())) return Optional.of(home(Lang.ZH));
            return SLUG.matcher(parts[0]).matches() ? Optional.of(lesson(Lang.EN, parts[0])) : Optional.empty();
        }
        if (parts.length == 2 && parts[0].equals(Lang.ZH.code()) && SLUG.matcher(parts[1]).matches()) {
            return Optional.of(lesson(Lang.ZH, parts[1]));
        }
        return Optional.empty();
    }
}
