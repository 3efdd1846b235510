package org.gtt.glossary;

import com.vladsch.flexmark.util.sequence.Escaping;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gtt.content.AssetLink;
import org.gtt.content.BlockContext;
import org.gtt.content.BlockException;
import org.gtt.content.ContentError;
import org.gtt.content.FencedBlockHandler;
import org.gtt.content.Lang;
import org.gtt.content.LessonOutline;
import org.gtt.content.TocEntry;

/**
 * Renders an empty {@code ```glossary} block as the course glossary in the lesson's language: content/glossary.yml
 * (beside the language folders), each term with its name in the other language, its definition, and a link to
 * the heading of the lesson that introduces it. Problems in glossary.yml fail the build at their own line there.
 */
public final class GlossaryHandler implements FencedBlockHandler {
    public static final String KEYWORD = "glossary";

    @Override
    public String render(String argument, String body, BlockContext context) throws BlockException {
        if (!argument.isEmpty() || !body.isBlank()) {
            throw new BlockException("a glossary block takes nothing: it shows content/" + Glossary.FILE + "; write ```glossary and close it");
        }
        Path contentDir = context.file().toAbsolutePath().getParent().getParent();
        Path file = contentDir.resolve(Glossary.FILE);
        Map<Lang, Map<String, LessonOutline>> lessons = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) lessons.put(lang, LessonOutline.of(contentDir, lang));
        Glossary.Result glossary = Glossary.parse(file, read(file), lessons);
        if (!glossary.errors().isEmpty()) throw new BlockException(glossary.errors());
        return html(glossary.entries(), context.lang(), lessons.get(context.lang()));
    }

    private static String read(Path file) throws BlockException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BlockException(List.of(new ContentError(file, 0, "cannot be read (" + e.getMessage() + "): the glossary block shows it")));
        }
    }

    private static String html(List<GlossaryEntry> entries, Lang lang, Map<String, LessonOutline> lessons) {
        StringBuilder html = new StringBuilder("<dl class=\"glossary\">");
        for (GlossaryEntry entry : entries) {
            LessonOutline lesson = lessons.get(entry.lesson());
            String anchor = entry.anchor().get(lang);
            TocEntry heading = lesson.heading(anchor).orElseThrow();
            Lang other = lang.other();
            html.append("<dt id=\"").append(id(entry)).append("\"><dfn>").append(escape(entry.term().get(lang))).append("</dfn> ")
                    .append("<span class=\"glossary-other\" lang=\"").append(other.htmlLang()).append("\">")
                    .append(escape(entry.term().get(other))).append("</span></dt>")
                    .append("<dd><p>").append(escape(entry.definition().get(lang))).append("</p>")
                    .append("<p class=\"glossary-source\"><a href=\"").append(AssetLink.pagePlaceholder(lang, entry.lesson()))
                    .append('#').append(escape(anchor)).append("\">").append(lesson.order()).append(". ")
                    .append(escape(lesson.title())).append(" › ").append(escape(heading.text())).append("</a></p></dd>");
        }
        return html.append("</dl>").toString();
    }

    /** "glossary-" and the English term in lowercase letters, digits and dashes: the same in both languages. */
    private static String id(GlossaryEntry entry) {
        String words = entry.term().get(Lang.EN).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "glossary-" + words;
    }

    private static String escape(String text) {
        return Escaping.escapeHtml(text, false);
    }
}
