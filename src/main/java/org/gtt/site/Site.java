package org.gtt.site;

import gg.jte.TemplateEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gtt.content.ContentException;
import org.gtt.content.Course;
import org.gtt.content.CourseLoader;
import org.gtt.content.DiagramHandler;
import org.gtt.content.Lang;
import org.gtt.content.MarkdownRenderer;
import org.gtt.glossary.GlossaryHandler;
import org.gtt.widget.ApiWidgetData;
import org.gtt.search.SearchIndex;
import org.gtt.widget.WidgetData;
import org.gtt.widget.WidgetHandler;

/** A course with its renderer: knows every page address and turns one into HTML. */
public final class Site {
    private final Course course;
    private final PageRenderer renderer;
    private final Map<String, Assets.Asset> files;

    public Site(Course course, PageRenderer renderer) {
        this.course = course;
        this.files = searchIndexes(course, renderer.rootLinks());
        this.renderer = renderer.alsoLinking(files);
    }

    /** One search index per language, with the lessons' addresses as the pages link them. */
    private static Map<String, Assets.Asset> searchIndexes(Course course, Linker root) {
        Map<String, Assets.Asset> indexes = new TreeMap<>();
        for (Lang lang : Lang.values()) {
            SearchIndex index = SearchIndex.of(course, lang, slug -> root.page(SitePath.lesson(lang, slug)));
            indexes.put(SearchIndex.path(lang), Assets.Asset.of(SearchIndex.path(lang), index.script()));
        }
        return Map.copyOf(indexes);
    }

    /** The course as the commands serve and build it: the lessons with their widgets, through the templates. */
    public static Site load(Path contentDir, TemplateEngine templates, LinkStyle style) throws ContentException {
        return new Site(CourseLoader.load(contentDir, markdownRenderer(templates, bundledStatic())), new PageRenderer(templates, style));
    }

    /** The Markdown renderer of the course: widgets computed by the engine in-process, diagrams from {@code staticDir}, the glossary. */
    public static MarkdownRenderer markdownRenderer(TemplateEngine templates, Path staticDir) {
        return markdownRenderer(templates, staticDir, new ApiWidgetData());
    }

    /** The same, with the widgets' data from {@code widgetData} (record-races: races trained afresh). */
    public static MarkdownRenderer markdownRenderer(TemplateEngine templates, Path staticDir, WidgetData widgetData) {
        return new MarkdownRenderer(Map.of(
                WidgetHandler.KEYWORD, new WidgetHandler(templates, widgetData),
                DiagramHandler.KEYWORD, new DiagramHandler(staticDir.resolve(DiagramHandler.FOLDER)),
                GlossaryHandler.KEYWORD, new GlossaryHandler()));
    }

    /** The static files inside the jar (or target/classes), which the commands serve unless in --dev. */
    public static Path bundledStatic() {
        return BundledFiles.folder("static", "css/site.css");
    }

    public Course course() {
        return course;
    }

    /** Every page of the site: the home page and each lesson, in both languages. */
    public List<SitePath> paths() {
        List<SitePath> paths = new ArrayList<>();
        for (Lang lang : Lang.values()) {
            paths.add(SitePath.home(lang));
            for (String slug : course.slugs()) paths.add(SitePath.lesson(lang, slug));
        }
        return paths;
    }

    /** The page at {@code path}, or empty if the course has no such lesson. */
    public Optional<String> render(SitePath path) {
        if (path.isHome()) return Optional.of(renderer.home(course, path.lang()));
        if (!course.slugs().contains(path.slug())) return Optional.empty();
        return Optional.of(renderer.lesson(course, path.lang(), path.slug()));
    }

    /** The files made from the course (the search indexes) by their address below the site root; served and written like the static files. */
    public Map<String, Assets.Asset> files() {
        return files;
    }

    public String notFound(Lang lang) {
        return renderer.notFound(course, lang);
    }
}
