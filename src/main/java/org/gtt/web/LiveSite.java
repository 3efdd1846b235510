package org.gtt.web;

import java.util.Optional;
import java.util.function.Supplier;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.Site;
import org.gtt.site.SitePath;

/**
 * For authors (serve --dev): the lessons, templates and static files are read again on every
 * request, so a change on disk shows on the next reload. A broken lesson shows its error in place.
 */
public final class LiveSite implements SiteSource {
    private final Supplier<Site> site;
    private final Supplier<Assets> assets;

    public LiveSite(Supplier<Site> site, Supplier<Assets> assets) {
        this.site = site;
        this.assets = assets;
    }

    @Override
    public Optional<String> page(SitePath path) {
        return site.get().render(path);
    }

    @Override
    public String notFound(Lang lang) {
        return site.get().notFound(lang);
    }

    @Override
    public Optional<Assets.Asset> asset(String path) {
        return assets.get().get(path);
    }

    @Override
    public boolean live() {
        return true;
    }
}
