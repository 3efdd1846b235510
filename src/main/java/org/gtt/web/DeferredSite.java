package org.gtt.web;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.SitePath;

/**
 * A site still being rendered when the server starts: the HTTP server and the lessons (Markdown,
 * widget data) load on separate cores, and a request that comes in early waits for the pages.
 */
public final class DeferredSite implements SiteSource {
    private final CompletableFuture<? extends SiteSource> site;

    public DeferredSite(CompletableFuture<? extends SiteSource> site) {
        this.site = site;
    }

    @Override
    public Optional<String> page(SitePath path) {
        return site.join().page(path);
    }

    @Override
    public String notFound(Lang lang) {
        return site.join().notFound(lang);
    }

    @Override
    public Optional<Assets.Asset> asset(String path) {
        return site.join().asset(path);
    }

    @Override
    public boolean live() {
        return site.join().live();
    }
}
