package org.gtt.content;

/**
 * A lesson as shown for a requested language: when the lesson does not exist in {@code requested},
 * {@code lesson} is the other language's text and {@code fallback} is true (the page shows a notice).
 */
public record LessonView(Lesson lesson, Lang requested, boolean fallback) {

    public String slug() {
        return lesson.slug();
    }
}
