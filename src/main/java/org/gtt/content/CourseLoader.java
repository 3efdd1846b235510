package org.gtt.content;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a content folder: {@code course.yml} and {@code <lang>/<NN>-<slug>.md}. Uses only {@link Path} APIs, so
 * the folder may live in a zip file system (the lessons bundled in the jar).
 *
 * <p>{@link #load} is strict: it collects every error and throws them together. {@link #loadLenient} keeps going:
 * a lesson with a problem stays in the course with its error, for the dev server to show in place.
 */
public final class CourseLoader {
    static final Pattern LESSON_FILE = Pattern.compile("(\\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");
    private static final String MARKDOWN = ".md";
    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CourseInfo UNTITLED = new CourseInfo("Untitled course", "");

    private CourseLoader() {
    }

    /** Lazily built so that callers which bring their own renderer never pay for this one. */
    private static final class DefaultRenderer {
        static final MarkdownRenderer INSTANCE = new MarkdownRenderer();
    }

    public static Course load(Path contentDir) throws ContentException {
        return load(contentDir, DefaultRenderer.INSTANCE);
    }

    public static Course load(Path contentDir, MarkdownRenderer renderer) throws ContentException {
        Course course = loadLenient(contentDir, renderer);
        if (course.hasErrors()) {
            throw new ContentException(course.errors());
        }
        return course;
    }

    public static Course loadLenient(Path contentDir) {
        return loadLenient(contentDir, DefaultRenderer.INSTANCE);
    }

    public static Course loadLenient(Path contentDir, MarkdownRenderer renderer) {
        List<ContentError> errors = new ArrayList<>();
        if (!Files.isDirectory(contentDir)) {
            errors.add(new ContentError(contentDir, 0, "content folder not found"));
            return new Course(contentDir, completed(Map.of()), List.of(), errors);
        }
        Map<Lang, CourseInfo> info = readCourseInfo(contentDir.resolve(CourseFile.NAME), errors);
        List<LessonFile> lessonFiles = new ArrayList<>();
        for (Path entry : listSorted(contentDir, errors)) {
            String name = fileName(entry);
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                Optional<Lang> lang = Lang.fromCode(name);
                if (lang.isPresent()) {
                    findLessonFiles(entry, lang.get(), lessonFiles, errors);
                } else {
                    errors.add(new ContentError(entry, 0,
                            "unknown language folder '" + name + "' (allowed: " + Lang.allowedCodes() + ")"));
                }
            } else if (name.endsWith(MARKDOWN)) {
                errors.add(new ContentError(entry, 0,
                        "a lesson file must be in a language folder (" + Lang.allowedCodes() + ")"));
            }
        }
        List<Lesson> lessons = readLessons(lessonFiles, renderer, errors);
        return new Course(contentDir, info, checkNumbering(lessons, errors), errors);
    }

    private static Map<Lang, CourseInfo> readCourseInfo(Path file, List<ContentError> errors) {
        if (!Files.isRegularFile(file)) {
            errors.add(new ContentError(file, 0, "missing: it holds the course title and description per language"));
            return completed(Map.of());
        }
        Optional<String> text = readText(file, errors);
        if (text.isEmpty()) {
            return completed(Map.of());
        }
        CourseFile.Result result = CourseFile.parse(file, text.get());
        errors.addAll(result.errors());
        return completed(result.info());
    }

    /** Fills in a placeholder where course.yml was broken, so a lenient course can still be shown. */
    private static Map<Lang, CourseInfo> completed(Map<Lang, CourseInfo> info) {
        Map<Lang, CourseInfo> complete = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            CourseInfo given = info.get(lang);
            boolean usable = given != null && given.title() != null && given.description() != null;
            complete.put(lang, usable ? given : UNTITLED);
        }
        return complete;
    }

    private record LessonFile(Path file, Lang lang, int order, String slug) {}

    /** What rendering one lesson gave: the lesson and its own errors. */
    private record Loaded(Lesson lesson, List<ContentError> errors) {}

    /**
     * Renders the lessons in parallel (Markdown and the widgets' build-time data are the bulk of start-up),
     * then reports their errors in file order, as a sequential read would.
     */
    private static List<Lesson> readLessons(List<LessonFile> files, MarkdownRenderer renderer, List<ContentError> errors) {
        List<Loaded> loaded = files.parallelStream().map(f -> {
            List<ContentError> own = new ArrayList<>();
            return new Loaded(readLesson(f.file(), f.lang(), f.order(), f.slug(), renderer, own), own);
        }).toList();
        List<Lesson> lessons = new ArrayList<>();
        for (Loaded one : loaded) {
            lessons.add(one.lesson());
            errors.addAll(one.errors());
        }
        return lessons;
    }

    private static void findLessonFiles(Path folder, Lang lang, List<LessonFile> lessonFiles, List<ContentError> errors) {
        for (Path file : listSorted(folder, errors)) {
            String name = fileName(file);
            if (name.startsWith(".") || !name.endsWith(MARKDOWN) || !Files.isRegularFile(file)) {
                continue; // images and other files may sit beside the lessons
            }
            Matcher matcher = LESSON_FILE.matcher(name);
            if (matcher.matches()) {
                lessonFiles.add(new LessonFile(file, lang, Integer.parseInt(matcher.group(1)), matcher.group(2)));
            } else {
                errors.add(new ContentError(file, 0, "a lesson file name must be NN-slug.md (like 01-vanishing-gradients.md:"
                        + " a number, a dash, then lowercase letters, digits and dashes)"));
            }
        }
    }

    private static Lesson readLesson(Path file, Lang lang, int order, String slug, MarkdownRenderer renderer,
                                     List<ContentError> errors) {
        String name = fileName(file);
        Instant modified = lastModified(file);
        Optional<String> text = readText(file, errors);
        if (text.isEmpty()) {
            return broken(file, lang, order, slug, modified, errors.get(errors.size() - 1));
        }
        FrontMatter.Result parsed = FrontMatter.parse(file, text.get());
        if (!parsed.errors().isEmpty()) {
            errors.addAll(parsed.errors());
            return broken(file, lang, order, slug, modified, parsed.errors().get(0));
        }
        FrontMatter frontMatter = parsed.frontMatter();
        MarkdownRenderer.Rendered rendered = renderer.render(frontMatter.body(), lang, file, frontMatter.bodyFirstLine());
        errors.addAll(rendered.errors());
        Instant lastUpdated = frontMatter.updated() == null ? modified
                : frontMatter.updated().atStartOfDay(ZoneOffset.UTC).toInstant();
        ContentError firstError = rendered.errors().isEmpty() ? null : rendered.errors().get(0);
        return new Lesson(name, order, slug, lang, frontMatter.title(), frontMatter.summary(), rendered.html(),
                rendered.toc(), lastUpdated, file, firstError);
    }

    /** A lesson whose front matter could not be read: listed under its file name, with its error. */
    private static Lesson broken(Path file, Lang lang, int order, String slug, Instant modified, ContentError error) {
        return new Lesson(fileName(file), order, slug, lang, fileName(file), "", "", List.of(), modified, file, error);
    }

    /**
     * A number must mean one lesson, and a lesson must have the same number in both languages; otherwise the
     * order and the pairing of translations would be ambiguous.
     */
    private static List<Lesson> checkNumbering(List<Lesson> lessons, List<ContentError> errors) {
        Map<String, Lesson> firstBySlug = new HashMap<>();
        Map<Integer, Lesson> firstByOrder = new HashMap<>();
        List<Lesson> checked = new ArrayList<>();
        for (Lesson lesson : lessons) {
            Lesson sameSlug = firstBySlug.putIfAbsent(lesson.slug(), lesson);
            Lesson sameOrder = firstByOrder.putIfAbsent(lesson.order(), lesson);
            String problem = null;
            if (sameSlug != null && sameSlug.order() != lesson.order()) {
                problem = "this lesson is numbered " + sameSlug.order() + " in " + sameSlug.source()
                        + "; a lesson and its translation must have the same file name";
            } else if (sameOrder != null && !sameOrder.slug().equals(lesson.slug())) {
                problem = "number " + lesson.order() + " is already used by " + sameOrder.source()
                        + "; each number must name one lesson (the same file name in every language)";
            }
            if (problem == null) {
                checked.add(lesson);
            } else {
                ContentError error = new ContentError(lesson.source(), 0, problem);
                errors.add(error);
                checked.add(lesson.hasError() ? lesson : withError(lesson, error));
            }
        }
        return checked;
    }

    private static Lesson withError(Lesson lesson, ContentError error) {
        return new Lesson(lesson.fileName(), lesson.order(), lesson.slug(), lesson.lang(), lesson.title(),
                lesson.summary(), lesson.html(), lesson.toc(), lesson.lastUpdated(), lesson.source(), error);
    }

    private static Optional<String> readText(Path file, List<ContentError> errors) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return Optional.of(!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text);
        } catch (IOException e) {
            errors.add(new ContentError(file, 0, "cannot be read as UTF-8 text (" + e + ")"));
            return Optional.empty();
        }
    }

    private static Instant lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static List<Path> listSorted(Path folder, List<ContentError> errors) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted(Comparator.comparing(CourseLoader::fileName)).toList();
        } catch (IOException e) {
            errors.add(new ContentError(folder, 0, "cannot be listed (" + e + ")"));
            return List.of();
        }
    }

    /** The last name of a path; zip file systems may end a folder's name with '/'. */
    private static String fileName(Path path) {
        String name = String.valueOf(path.getFileName());
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
