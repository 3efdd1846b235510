package org.gtt.web;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.gtt.content.Lang;
import org.gtt.site.Assets;
import org.gtt.site.Site;
import org.gtt.site.SitePath;

/** Every page rendered once, at start-up, and served from memory. */
public final class PrerenderedSite implements SiteSource {
    private final Map<SitePath, String> pages = new HashMap<>();
    private final Map<Lang, String> notFound = new EnumMap<>(Lang.class);
    private final Assets assets;
    private final Map<String, Assets.Asset> siteFiles;

    public PrerenderedSite(Site site, Assets assets) {
        this.assets = assets;
        this.siteFiles = site.files();
        for (SitePath path : site.paths()) pages.put(path, site.render(path).orElseThrow());
        for (Lang lang : Lang.values()) notFound.put(lang, site.notFound(lang));
    }

    @Override
    public Optional<String> page(SitePath path) {
        return Optional.ofNullable(pages.get(path));
    }

    @Override
    public String notFound(Lang lang) {
        return notFound.get(lang);
    }

    @Override
    public Optional<Assets.Asset> asset(String path) {
        return assets.get(path).or(() -> Optional.ofNullable(siteFiles.get(path)));
    }

    @Override
    public boolean live() {
        return false;
    }
}
