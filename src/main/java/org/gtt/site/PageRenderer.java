package org.gtt.site;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.gtt.content.AssetLink;
import org.gtt.content.Course;
import org.gtt.content.Lang;
import org.gtt.content.Lesson;
import org.gtt.content.LessonView;

/** Renders the home page, the lessons and the 404 page of a course through the jte templates. */
public final class PageRenderer {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The extra data a lesson page shows beside the frame. */
    public record LessonModel(PageModel page, Lesson lesson, String body, boolean fallback, PageModel.NavItem previous,
                              PageModel.NavItem next, String updated) {}

    private final TemplateEngine templates;
    private final LinkStyle style;

    public PageRenderer(TemplateEngine templates, LinkStyle style) {
        this.templates = templates;
        this.style = style;
    }

    public String home(Course course, Lang lang) {
        SitePath here = SitePath.home(lang);
        PageModel page = frame(course, lang, here, links(here), course.info(lang).title(), false);
        // Only a leniently loaded course (serve --dev) has errors: show them all where an author looks first.
        return render("home.jte", Map.of("page", page, "errors", course.errors()));
    }

    public String lesson(Course course, Lang lang, String slug) {
        SitePath here = SitePath.lesson(lang, slug);
        LessonView view = course.resolve(lang, slug).orElseThrow();
        Lesson lesson = view.lesson();
        Linker links = links(here);
        PageModel page = frame(course, lang, here, links, lesson.title() + " · " + course.info(lang).title(), true);
        // Asset addresses in the lesson (diagrams) and links to other lessons (the glossary) are written for this
        // page, which may show a fallback lesson.
        String body = AssetLink.resolve(lesson.html(), links::asset, (target, targetSlug) -> links.page(SitePath.lesson(target, targetSlug)));
        LessonModel model = new LessonModel(page, lesson, body, view.fallback(),
                course.previous(lang, slug).map(neighbour -> navItem(links, lang, neighbour, here)).orElse(null),
                course.next(lang, slug).map(neighbour -> navItem(links, lang, neighbour, here)).orElse(null),
                DAY.format(lesson.lastUpdated()));
        return render("lesson.jte", Map.of("model", model));
    }

    /** The 404 page links from the base path, since it answers at any depth. */
    public String notFound(Course course, Lang lang) {
        PageModel page = frame(course, lang, null, style.absolute(), UiText.of(lang).notFoundTitle() + " · " + course.info(lang).title(), false);
        return render("notfound.jte", Map.of("page", page));
    }

    private Linker links(SitePath here) {
        return style.relativeFrom(here);
    }

    /** {@code here} is null for the 404 page, which belongs to no address. */
    private PageModel frame(Course course, Lang lang, SitePath here, Linker links, String title, boolean math) {
        Lang other = lang.other();
        SitePath switchTarget = here == null || here.isHome() ? SitePath.home(other) : SitePath.lesson(other, here.slug());
        List<PageModel.NavItem> nav = course.lessons(lang).stream().map(view -> navItem(links, lang, view, here)).toList();
        return new PageModel(lang, title, course.info(lang).description(), course.info(lang), UiText.of(lang),
                links, links.page(SitePath.home(lang)), links.page(switchTarget), nav, math);
    }

    private static PageModel.NavItem navItem(Linker links, Lang lang, LessonView view, SitePath here) {
        return new PageModel.NavItem(links.page(SitePath.lesson(lang, view.slug())), view.lesson().title(),
                view.lesson().summary(), here != null && view.slug().equals(here.slug()));
    }

    /** Links as seen from the site root: the addresses the search index stores. */
    public Linker rootLinks() {
        return style.relativeFrom(SitePath.home(Lang.DEFAULT));
    }

    /** The same renderer for a site that also serves {@code files} made from its course (see {@link LinkStyle#alsoVersioning}). */
    public PageRenderer alsoLinking(Map<String, Assets.Asset> files) {
        return new PageRenderer(templates, style.alsoVersioning(files));
    }

    private String render(String template, Map<String, Object> params) {
        StringOutput out = new StringOutput();
        templates.render(template, params, out);
        return out.toString();
    }
}
