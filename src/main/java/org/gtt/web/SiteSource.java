package org.gtt.web;

import java.util.Optional;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.SitePath;

/** Where the server gets its pages and files: rendered once at start-up, or afresh per request (--dev). */
public interface SiteSource {
    Optional<String> page(SitePath path);

    String notFound(Lang lang);

    Optional<Assets.Asset> asset(String path);

    /** True when files may change under the server, so nothing may be cached for long. */
    boolean live();
}
