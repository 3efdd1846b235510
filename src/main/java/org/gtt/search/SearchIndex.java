package org.gtt.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gtt.content.Course;
import org.gtt.content.Lang;
import org.gtt.content.LessonView;

/**
 * The sections of every lesson of one language, made at build time from the rendered lessons, and
 * written as a classic script that assigns a global: a page can load it with a {@code <script src>}, which
 * works from file:// where a request for a JSON file would be refused. The browser builds its lunr index
 * from these sections (static/js/search.js).
 */
public final class SearchIndex {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The global the script fills, one entry per language: {@code window.GttSearchIndex["en"]}. */
    public static final String GLOBAL = "GttSearchIndex";

    private final Lang lang;
    private final List<SearchSection> sections;

    private SearchIndex(Lang lang, List<SearchSection> sections) {
        this.lang = lang;
        this.sections = List.copyOf(sections);
    }

    /**
     * @param pageHref a lesson's address relative to the site root, from its slug (it differs between
     *                 the live site, "slug/", and the snapshot, "slug/index.html")
     */
    public static SearchIndex of(Course course, Lang lang, Function<String, String> pageHref) {
        List<SearchSection> sections = new ArrayList<>();
        for (LessonView view : course.lessons(lang)) {
            String title = view.lesson().title();
            String page = pageHref.apply(view.slug());
            for (SectionSplitter.Part part : SectionSplitter.split(view.lesson().html())) {
                sections.add(new SearchSection(title, part.heading(), part.text(), page, part.anchor()));
            }
        }
        return new SearchIndex(lang, sections);
    }

    public Lang lang() {
        return lang;
    }

    public List<SearchSection> sections() {
        return sections;
    }

    /** Where the script lives below the site root. */
    public static String path(Lang lang) {
        return "static/search/index-" + lang.code() + ".js";
    }

    /** The script: {@code window.GttSearchIndex["en"] = [{"title":…,"heading":…,"text":…,"page":…,"anchor":…}, …];} */
    public byte[] script() {
        ArrayNode array = JSON.createArrayNode();
        for (SearchSection section : sections) {
            ObjectNode entry = array.addObject();
            entry.put("title", section.title());
            entry.put("heading", section.heading());
            entry.put("text", section.text());
            entry.put("page", section.page());
            entry.put("anchor", section.anchor());
        }
        String script = "/* The search index of the " + lang.code() + " pages, written at build time from the lessons. */\n"
                + "window." + GLOBAL + " = window." + GLOBAL + " || {};\n"
                + "window." + GLOBAL + "[\"" + lang.code() + "\"] = " + array + ";\n";
        return script.getBytes(StandardCharsets.UTF_8);
    }
}
