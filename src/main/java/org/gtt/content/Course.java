package org.gtt.content;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded course: its title and description per language and its lessons, ordered by their number. A lesson
 * is identified by its slug in every language; asking for a lesson in a language it was not written in gives the
 * other language's text, marked as a fallback. Immutable, so it can be shared between request threads.
 */
public final class Course {
    private final Path contentDir;
    private final Map<Lang, CourseInfo> info;
    private final Map<Lang, Map<String, Lesson>> lessonsBySlug = new EnumMap<>(Lang.class);
    private final List<String> slugs;
    private final List<ContentError> errors;

    Course(Path contentDir, Map<Lang, CourseInfo> info, List<Lesson> lessons, List<ContentError> errors) {
        this.contentDir = contentDir;
        this.info = Map.copyOf(info);
        this.errors = List.copyOf(errors);
        List<Lesson> ordered = new ArrayList<>(lessons);
        ordered.sort(Comparator.comparingInt(Lesson::order).thenComparing(Lesson::slug));
        Map<String, Boolean> slugsInOrder = new LinkedHashMap<>();
        for (Lang lang : Lang.values()) {
            lessonsBySlug.put(lang, new LinkedHashMap<>());
        }
        for (Lesson lesson : ordered) {
            lessonsBySlug.get(lesson.lang()).putIfAbsent(lesson.slug(), lesson);
            slugsInOrder.put(lesson.slug(), true);
        }
        this.slugs = List.copyOf(slugsInOrder.keySet());
    }

    public Path contentDir() {
        return contentDir;
    }

    public CourseInfo info(Lang lang) {
        return info.get(lang);
    }

    /** Every lesson's slug, in lesson order, whatever languages it exists in. */
    public List<String> slugs() {
        return slugs;
    }

    /** The lesson exactly as written in {@code lang}, without fallback. */
    public Optional<Lesson> lesson(Lang lang, String slug) {
        return Optional.ofNullable(lessonsBySlug.get(lang).get(slug));
    }

    /** The lesson in {@code lang}, or else in the other language marked as a fallback; empty for an unknown slug. */
    public Optional<LessonView> resolve(Lang lang, String slug) {
        Lesson own = lessonsBySlug.get(lang).get(slug);
        if (own != null) {
            return Optional.of(new LessonView(own, lang, false));
        }
        return lesson(lang.other(), slug).map(other -> new LessonView(other, lang, true));
    }

    /** Every lesson as seen from {@code lang}, in order: for the home page and the sidebar. */
    public List<LessonView> lessons(Lang lang) {
        return slugs.stream().map(slug -> resolve(lang, slug).orElseThrow()).toList();
    }

    public Optional<LessonView> previous(Lang lang, String slug) {
        return neighbour(lang, slug, -1);
    }

    public Optional<LessonView> next(Lang lang, String slug) {
        return neighbour(lang, slug, +1);
    }

    private Optional<LessonView> neighbour(Lang lang, String slug, int step) {
        int index = slugs.indexOf(slug);
        int neighbour = index + step;
        if (index < 0 || neighbour < 0 || neighbour >= slugs.size()) {
            return Optional.empty();
        }
        return resolve(lang, slugs.get(neighbour));
    }

    /** Every problem found while loading (always empty for a course from the strict loader). */
    public List<ContentError> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
