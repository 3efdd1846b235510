package org.gtt.content;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.util.ast.Document;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links between lessons, written {@code [lesson 5](lesson:lstm#the-forget-gate)}: the slug of a lesson in the same
 * language and, optionally, the id of one of its headings. A lesson is rendered once but shown at several addresses
 * (served, in a snapshot, as a fallback), so the link becomes a page placeholder ({@link AssetLink}) that the page
 * resolves; an unknown lesson or heading is an error at the link's line.
 */
final class LessonLinks {
    static final String SCHEME = "lesson:";
    private static final Pattern HREF = Pattern.compile("href=\"" + SCHEME + "([a-z0-9][a-z0-9-]*)");

    private LessonLinks() {}

    static void resolve(Document document, Lang lang, Path file, int firstLine, List<ContentError> errors) {
        List<Link> links = MarkdownRenderer.descendants(document, Link.class).stream()
                .filter(link -> link.getUrl().toString().startsWith(SCHEME)).toList();
        if (links.isEmpty()) return;
        Map<String, LessonOutline> lessons = LessonOutline.of(file.toAbsolutePath().getParent().getParent(), lang);
        for (Link link : links) {
            String target = link.getUrl().toString().substring(SCHEME.length());
            int hash = target.indexOf('#');
            String slug = hash < 0 ? target : target.substring(0, hash);
            String anchor = hash < 0 ? "" : target.substring(hash + 1);
            String problem = problem(lessons, slug, anchor);
            if (problem != null) {
                errors.add(new ContentError(file, firstLine + link.getStartLineNumber(), problem));
                continue;
            }
        }
    }

    /**
     * The rendered HTML with each checked {@code href="lesson:SLUG} turned into the page placeholder (after rendering,
     * since the renderer replaces the placeholder's NUL marks inside a link's address).
     */
    static String placeholders(String html, Lang lang) {
        if (!html.contains("href=\"" + SCHEME)) return html;
        Matcher href = HREF.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (href.find()) href.appendReplacement(out, Matcher.quoteReplacement("href=\"" + AssetLink.pagePlaceholder(lang, href.group(1))));
        href.appendTail(out);
        return out.toString();
    }

    private static String problem(Map<String, LessonOutline> lessons, String slug, String anchor) {
        LessonOutline lesson = lessons.get(slug);
        if (lesson == null) return "the link 'lesson:" + slug + "' names no lesson (the lessons are " + String.join(", ", lessons.keySet()) + ")";
        if (anchor.isEmpty() || lesson.heading(anchor).isPresent()) return null;
        List<String> ids = lesson.headings().stream().map(TocEntry::id).toList();
        return "lesson '" + slug + "' has no heading with the id '" + anchor + "' (its headings: " + String.join(", ", ids) + ")";
    }
}
