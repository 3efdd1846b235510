package org.gtt.web;

import java.util.Optional;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.Site;
import org.gtt.site.SitePath;

/**
 * For authors (serve --dev): pages rendered on request from a course read moments before, so a change
 * on disk shows on the next reload and a broken lesson shows its error in place. Nothing is cached.
 */
public final class LiveSite implements SiteSource {
    private final Site site;
    private final Assets assets;

    public LiveSite(Site site, Assets assets) {
        this.site = site;
        this.assets = assets;
    }

    @Override
    public Optional<String> page(SitePath path) {
        return site.render(path);
    }

    @Override
    public String notFound(Lang lang) {
        return site.notFound(lang);
    }

    @Override
    public Optional<Assets.Asset> asset(String path) {
        return assets.get(path).or(() -> Optional.ofNullable(site.files().get(path)));
    }

    @Override
    public boolean live() {
        return true;
    }
}
