package org.gtt.content;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One lesson in one language. {@code error} is null for a good lesson; a lesson loaded leniently with a problem
 * keeps its place in the course (title = file name when the front matter could not be read) and carries its first
 * error, so the dev server can show it in place. {@code html} is the rendered body (empty when the front matter is
 * broken) and is meant to be inserted unescaped.
 */
public record Lesson(
        String fileName,
        int order,
        String slug,
        Lang lang,
        String title,
        String summary,
        String html,
        List<TocEntry> toc,
        Instant lastUpdated,
        Path source,
        ContentError error) {

    public Lesson {
        toc = List.copyOf(toc);
    }

    public boolean hasError() {
        return error != null;
    }
}
