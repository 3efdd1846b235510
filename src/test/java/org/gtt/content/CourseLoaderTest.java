package org.gtt.content;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CourseLoaderTest {
    private static final String COURSE_YML = "en:\n  title: Course\n  description: About gradients.\n"
            + "zh:\n  title: 课程\n  description: 关于梯度。\n";
    private static final String GOOD_LESSON = "---\ntitle: Good\nsummary: A good lesson.\n---\n\nBody $x_t$.\n";

    static Path goodFixture() throws URISyntaxException {
        return Path.of(CourseLoaderTest.class.getResource("/content-fixtures/good").toURI());
    }

    @Nested
    class GoodCourse {
        private Course course;

        @BeforeEach
        void load() throws Exception {
            course = CourseLoader.load(goodFixture());
        }

        @Test
        void courseInfoPerLanguage() {
            assertEquals(new CourseInfo("Gradients Through Time", "An interactive course: vanishing and exploding gradients."),
                    course.info(Lang.EN));
            assertEquals(new CourseInfo("穿越时间的梯度", "关于梯度消失与梯度爆炸的交互式课程。"), course.info(Lang.ZH));
        }

        @Test
        void slugsInLessonOrderAcrossLanguages() {
            assertEquals(List.of("first", "second", "third"), course.slugs());
            assertFalse(course.hasErrors());
        }

        @Test
        void lessonFieldsFromFrontMatterAndBody() throws URISyntaxException {
            Lesson lesson = course.lesson(Lang.EN, "first").orElseThrow();
            assertEquals("01-first.md", lesson.fileName());
            assertEquals(1, lesson.order());
            assertEquals(Lang.EN, lesson.lang());
            assertEquals("The first lesson", lesson.title());
            assertEquals("Products of many factors", lesson.summary());
            assertEquals(Instant.parse("2026-11-20T00:00:00Z"), lesson.lastUpdated(), "'updated' overrides the file time");
            assertEquals(List.of(new TocEntry(2, "why-products", "Why products"), new TocEntry(2, "next-steps", "Next steps"),
                    new TocEntry(3, "a-detail", "A detail")), lesson.toc());
            assertEquals(List.of("\\prod_t a_t"), Html.tex(lesson.html()));
            assertNull(lesson.error());
            assertEquals(goodFixture().resolve("en/01-first.md"), lesson.source());
        }

        @Test
        void sameFileNamePairsTranslations() {
            Lesson chinese = course.lesson(Lang.ZH, "first").orElseThrow();
            assertEquals("第一课", chinese.title());
            assertEquals(List.of(new TocEntry(2, "为什么是乘积", "为什么是乘积")), chinese.toc());
        }

        @Test
        void resolveFallsBackToTheOtherLanguage() {
            LessonView own = course.resolve(Lang.ZH, "first").orElseThrow();
            assertFalse(own.fallback());
            assertEquals(Lang.ZH, own.lesson().lang());

            LessonView englishOnly = course.resolve(Lang.ZH, "second").orElseThrow();
            assertTrue(englishOnly.fallback());
            assertEquals(Lang.ZH, englishOnly.requested());
            assertEquals(Lang.EN, englishOnly.lesson().lang());
            assertEquals("The second lesson", englishOnly.lesson().title());

            LessonView chineseOnly = course.resolve(Lang.EN, "third").orElseThrow();
            assertTrue(chineseOnly.fallback());
            assertEquals("第三课", chineseOnly.lesson().title());

            assertTrue(course.resolve(Lang.EN, "missing").isEmpty());
            assertTrue(course.lesson(Lang.ZH, "second").isEmpty(), "lesson() never falls back");
        }

        @Test
        void lessonListPerLanguageMarksFallbacks() {
            List<LessonView> views = course.lessons(Lang.ZH);
            assertEquals(List.of("first", "second", "third"), views.stream().map(LessonView::slug).toList());
            assertEquals(List.of(false, true, false), views.stream().map(LessonView::fallback).toList());
        }

        @Test
        void previousAndNextFollowTheOrder() {
            assertTrue(course.previous(Lang.EN, "first").isEmpty());
            assertEquals("second", course.next(Lang.EN, "first").orElseThrow().slug());
            LessonView third = course.next(Lang.EN, "second").orElseThrow();
            assertEquals("third", third.slug());
            assertTrue(third.fallback());
            assertEquals("second", course.previous(Lang.ZH, "third").orElseThrow().slug());
            assertTrue(course.next(Lang.EN, "third").isEmpty());
            assertTrue(course.next(Lang.EN, "missing").isEmpty());
        }
    }

    @Test
    void lastUpdatedComesFromTheFileWithoutAnUpdatedKey(@TempDir Path dir) throws IOException {
        Path file = write(dir, "en/01-a.md", GOOD_LESSON);
        write(dir, "course.yml", COURSE_YML);
        Instant time = Instant.parse("2025-03-04T05:06:07Z");
        Files.setLastModifiedTime(file, FileTime.from(time));
        assertEquals(time, CourseLoader.loadLenient(dir).lesson(Lang.EN, "a").orElseThrow().lastUpdated());
    }

    @Test
    void quotedValuesAreUnquoted(@TempDir Path dir) throws Exception {
        write(dir, "course.yml", COURSE_YML);
        write(dir, "en/01-a.md", "---\ntitle: \"Say \\\"why\\\": a \\\\ b\"\nsummary: 'It''s #1: products'\n---\nBody\n");
        Lesson lesson = CourseLoader.load(dir).lesson(Lang.EN, "a").orElseThrow();
        assertEquals("Say \"why\": a \\ b", lesson.title());
        assertEquals("It's #1: products", lesson.summary());
    }

    @Test
    void windowsLineEndingsAndByteOrderMark(@TempDir Path dir) throws Exception {
        write(dir, "course.yml", "\uFEFF" + COURSE_YML.replace("\n", "\r\n"));
        write(dir, "en/01-a.md", "\uFEFF---\r\ntitle: Windows\r\nsummary: CRLF\r\n---\r\n\r\n$$\r\na \\\\\r\nb\r\n$$\r\n");
        Lesson lesson = CourseLoader.load(dir).lesson(Lang.EN, "a").orElseThrow();
        assertEquals("Windows", lesson.title());
        assertEquals(List.of("a \\\\\nb"), Html.tex(lesson.html()));
    }

    @Test
    void languageCodes() {
        assertEquals(Lang.EN, Lang.DEFAULT);
        assertEquals(List.of("en", "zh"), Stream.of(Lang.values()).map(Lang::code).toList());
        assertEquals(List.of("en", "zh-Hans"), Stream.of(Lang.values()).map(Lang::htmlLang).toList());
        assertEquals(Lang.ZH, Lang.fromCode("zh").orElseThrow());
        assertTrue(Lang.fromCode("fr").isEmpty());
        assertEquals(Lang.EN, Lang.ZH.other());
    }

    @Nested
    class BadContent {
        @TempDir
        Path dir;

        @BeforeEach
        void validCourseFile() throws IOException {
            write(dir, "course.yml", COURSE_YML);
        }

        private List<ContentError> strictErrors() {
            return assertThrows(ContentException.class, () -> CourseLoader.load(dir)).errors();
        }

        private void assertSingleError(Path file, int line, String message) {
            assertEquals(List.of(new ContentError(file, line, message)), strictErrors());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.gtt.content.CourseLoaderTest#singleMistakes")
        void oneMistakeGivesOneErrorNamingFileAndLine(String mistake, String lessonPath, String text,
                                                      String reportedPath, int line, String message) throws IOException {
            write(dir, lessonPath, text);
            assertEquals(List.of(new ContentError(dir.resolve(reportedPath), line, message)), strictErrors());
        }

        @Test
        void lineThatIsNotKeyValue() throws IOException {
            Path file = write(dir, "en/01-a.md", "---\ntitle: A\nsummary B\n---\n");
            List<ContentError> errors = strictErrors();
            assertEquals(new ContentError(file, 3, "expected 'key: value' but found 'summary B'"), errors.get(0));
        }

        @Test
        void oneNumberForTwoLessons() throws IOException {
            write(dir, "en/01-a.md", GOOD_LESSON);
            Path second = write(dir, "en/01-b.md", GOOD_LESSON);
            assertSingleError(second, 0, "number 1 is already used by " + dir.resolve("en/01-a.md")
                    + "; each number must name one lesson (the same file name in every language)");
        }

        @Test
        void translationWithAnotherNumber() throws IOException {
            write(dir, "en/01-a.md", GOOD_LESSON);
            Path chinese = write(dir, "zh/02-a.md", GOOD_LESSON);
            assertSingleError(chinese, 0, "this lesson is numbered 1 in " + dir.resolve("en/01-a.md")
                    + "; a lesson and its translation must have the same file name");
        }

        @Test
        void widgetErrorLineCountsTheFrontMatter() throws IOException {
            Path file = write(dir, "en/01-a.md", "---\ntitle: A\nsummary: B\n---\n\nText.\n\n```widget nope\n```\n");
            MarkdownRenderer renderer = new MarkdownRenderer(Map.of("widget", (argument, body, context) -> {
                throw new BlockException("unknown widget '" + argument + "'");
            }));
            ContentException thrown = assertThrows(ContentException.class, () -> CourseLoader.load(dir, renderer));
            assertEquals(List.of(new ContentError(file, 8, "unknown widget 'nope'")), thrown.errors());
        }

        @Test
        void blockHandlersAreToldTheLanguageFolderOfTheirLesson() throws Exception {
            String lesson = "---\ntitle: A\nsummary: B\n---\n\n```widget rnn\n```\n";
            write(dir, "en/01-a.md", lesson);
            write(dir, "zh/01-a.md", lesson);
            MarkdownRenderer renderer = new MarkdownRenderer(Map.of("widget",
                    (argument, body, context) -> "<p class=\"lang\">" + context.lang().code() + "</p>"));
            Course course = CourseLoader.load(dir, renderer);
            assertTrue(course.lesson(Lang.EN, "a").orElseThrow().html().contains("<p class=\"lang\">en</p>"));
            assertTrue(course.lesson(Lang.ZH, "a").orElseThrow().html().contains("<p class=\"lang\">zh</p>"));
        }

        @Test
        void courseFileProblems() throws IOException {
            Path file = write(dir, "course.yml", "en:\n  title: T\n  descripton: D\nfr:\n  title: X\n");
            assertEquals(List.of(
                    new ContentError(file, 3, "unknown key 'descripton' (allowed: title, description)"),
                    new ContentError(file, 4, "unknown language 'fr' (allowed: en, zh)"),
                    new ContentError(file, 1, "'en' has no 'description'"),
                    new ContentError(file, 1, "no 'zh:' section (every language needs a title and a description)")),
                    strictErrors());
        }

        @Test
        void missingCourseFile() throws IOException {
            Files.delete(dir.resolve("course.yml"));
            assertSingleError(dir.resolve("course.yml"), 0, "missing: it holds the course title and description per language");
        }

        @Test
        void strictLoadReportsEveryErrorAtOnce() throws IOException {
            Path first = write(dir, "en/01-a.md", "---\ntitel: A\n---\n");
            Path second = write(dir, "zh/02-b.md", "---\ntitle: B\n");
            write(dir, "en/03-c.md", GOOD_LESSON);
            ContentException thrown = assertThrows(ContentException.class, () -> CourseLoader.load(dir));
            assertEquals(List.of(
                    new ContentError(first, 2, "unknown key 'titel' (allowed: title, summary, updated)"),
                    new ContentError(first, 1, "the front matter has no 'title' (required: title, summary)"),
                    new ContentError(first, 1, "the front matter has no 'summary' (required: title, summary)"),
                    new ContentError(second, 1, "the front matter opened here is never closed by a '---' line")),
                    thrown.errors());
            assertTrue(thrown.getMessage().startsWith("4 content errors\n" + first + ":2: unknown key 'titel'"), thrown.getMessage());
        }

        @Test
        void lenientLoadKeepsGoodLessonsAndMarksBrokenOnes() throws IOException {
            write(dir, "en/01-a.md", GOOD_LESSON);
            Path broken = write(dir, "en/02-b.md", "---\ntitle: B\nsumary: typo\n---\nBody\n");
            write(dir, "zh/03-c.md", GOOD_LESSON);
            write(dir, "de/01-a.md", GOOD_LESSON);

            Course course = CourseLoader.loadLenient(dir);

            assertEquals(List.of("a", "b", "c"), course.slugs());
            Lesson good = course.lesson(Lang.EN, "a").orElseThrow();
            assertNull(good.error());
            assertEquals(List.of("x_t"), Html.tex(good.html()));
            Lesson bad = course.lesson(Lang.EN, "b").orElseThrow();
            assertEquals("02-b.md", bad.title());
            assertEquals(new ContentError(broken, 3, "unknown key 'sumary' (allowed: title, summary, updated)"), bad.error());
            assertEquals("", bad.html());
            assertEquals(3, course.errors().size(), course.errors().toString());
            assertTrue(course.errors().contains(new ContentError(dir.resolve("de"), 0, "unknown language folder 'de' (allowed: en, zh)")));
        }

        @Test
        void lenientLoadKeepsTheBodyOfALessonWithABadBlock() throws IOException {
            write(dir, "en/01-a.md", "---\ntitle: A\nsummary: B\n---\n## Still here\n\n$$\nx\n");
            Lesson lesson = CourseLoader.loadLenient(dir).lesson(Lang.EN, "a").orElseThrow();
            assertEquals("A", lesson.title());
            assertEquals(7, lesson.error().line());
            assertTrue(lesson.html().contains("Still here"), lesson.html());
        }

        @Test
        void lenientLoadOfAMissingFolderGivesAnEmptyCourseWithAnError() {
            Course course = CourseLoader.loadLenient(dir.resolve("nowhere"));
            assertEquals(List.of(), course.slugs());
            assertEquals(List.of(new ContentError(dir.resolve("nowhere"), 0, "content folder not found")), course.errors());
            assertEquals("Untitled course", course.info(Lang.EN).title());
        }
    }

    @Test
    void loadsFromAZipFileSystem(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("course.jar");
        zipFolder(goodFixture(), jar, "content/");
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path content = zip.getPath("/content");
            Course course = CourseLoader.load(content);
            assertEquals(List.of("first", "second", "third"), course.slugs());
            assertEquals("穿越时间的梯度", course.info(Lang.ZH).title());
            Lesson first = course.lesson(Lang.EN, "first").orElseThrow();
            assertEquals("The first lesson", first.title());
            assertEquals(List.of("\\prod_t a_t"), Html.tex(first.html()));
            assertEquals(content.resolve("en/01-first.md"), first.source());
            assertTrue(course.resolve(Lang.ZH, "second").orElseThrow().fallback());
        }
    }

    @Test
    void errorsInAZipNameTheFileInside(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("src"));
        write(folder, "course.yml", COURSE_YML);
        write(folder, "en/01-a.md", "---\ntitle: A\nsumary: B\n---\n");
        Path jar = dir.resolve("bad.jar");
        zipFolder(folder, jar, "content/");
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            ContentException thrown = assertThrows(ContentException.class, () -> CourseLoader.load(zip.getPath("/content")));
            assertEquals("/content/en/01-a.md:3: unknown key 'sumary' (allowed: title, summary, updated)",
                    thrown.errors().get(0).toString());
        }
    }

    /** One broken lesson or folder each: what is wrong, the file written, its text, the path and line reported. */
    static Stream<Arguments> singleMistakes() {
        String numberedName = "a lesson file name must be NN-slug.md (like 01-vanishing-gradients.md:"
                + " a number, a dash, then lowercase letters, digits and dashes)";
        return Stream.of(
                Arguments.of("front matter never closed", "en/01-a.md", "---\ntitle: A\nsummary: B\n\n# Body\n",
                        "en/01-a.md", 1, "the front matter opened here is never closed by a '---' line"),
                Arguments.of("no front matter", "en/01-a.md", "# Just a heading\n",
                        "en/01-a.md", 1, "the file must start with a '---' line that opens the front matter (title, summary)"),
                Arguments.of("missing title", "en/01-a.md", "---\nsummary: B\n---\nBody\n",
                        "en/01-a.md", 1, "the front matter has no 'title' (required: title, summary)"),
                Arguments.of("empty title", "en/01-a.md", "---\ntitle: \"\"\nsummary: B\n---\nBody\n",
                        "en/01-a.md", 2, "'title' is empty"),
                Arguments.of("unknown key", "zh/01-a.md", "---\ntitle: A\ntitel: A\nsummary: B\n---\nBody\n",
                        "zh/01-a.md", 3, "unknown key 'titel' (allowed: title, summary, updated)"),
                Arguments.of("duplicate key", "en/01-a.md", "---\ntitle: A\nsummary: B\ntitle: C\n---\n",
                        "en/01-a.md", 4, "duplicate key 'title'"),
                Arguments.of("indented key", "en/01-a.md", "---\ntitle: A\n  summary: B\n---\n",
                        "en/01-a.md", 3, "front matter lines must not be indented (one 'key: value' per line)"),
                Arguments.of("date that is not ISO", "en/01-a.md", "---\ntitle: A\nsummary: B\nupdated: 24.11.2026\n---\n",
                        "en/01-a.md", 4, "'updated' must be an ISO date like 2026-11-24, not '24.11.2026'"),
                Arguments.of("value YAML reads differently", "en/01-a.md", "---\ntitle: Part 1: chains\nsummary: B\n---\n",
                        "en/01-a.md", 2, "a value containing ': ' must be put in quotes"),
                Arguments.of("unterminated quote", "en/01-a.md", "---\ntitle: \"A\nsummary: B\n---\n",
                        "en/01-a.md", 2, "unterminated double-quoted value"),
                Arguments.of("display math never closed", "en/01-a.md", "---\ntitle: A\nsummary: B\n---\nText.\n\n$$\nx\n",
                        "en/01-a.md", 7, "display math opened with '$$' is never closed by a line ending in '$$'"),
                Arguments.of("unknown language folder", "fr/01-a.md", GOOD_LESSON,
                        "fr", 0, "unknown language folder 'fr' (allowed: en, zh)"),
                Arguments.of("file name without number", "en/intro.md", GOOD_LESSON, "en/intro.md", 0, numberedName),
                Arguments.of("file name with capitals", "zh/01-Intro.md", GOOD_LESSON, "zh/01-Intro.md", 0, numberedName),
                Arguments.of("lesson outside a language folder", "01-a.md", GOOD_LESSON,
                        "01-a.md", 0, "a lesson file must be in a language folder (en, zh)"));
    }

    @Test
    void errorsReadLikeCompilerMessages() {
        assertEquals("content/en/01-x.md:3: unknown key 'titel' (allowed: title, summary, updated)",
                new ContentError(Path.of("content/en/01-x.md"), 3, "unknown key 'titel' (allowed: title, summary, updated)").toString());
        assertEquals("content/fr: unknown language folder 'fr' (allowed: en, zh)",
                new ContentError(Path.of("content/fr"), 0, "unknown language folder 'fr' (allowed: en, zh)").toString());
    }

    static Path write(Path root, String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Zips {@code folder} the way the shaded jar holds the bundled lessons: entries under {@code prefix}. */
    private static void zipFolder(Path folder, Path zipFile, String prefix) throws IOException {
        try (OutputStream out = Files.newOutputStream(zipFile); ZipOutputStream zip = new ZipOutputStream(out);
             Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted().toList()) {
                String relative = folder.relativize(path).toString().replace('\\', '/');
                if (Files.isDirectory(path)) {
                    zip.putNextEntry(new ZipEntry(prefix + (relative.isEmpty() ? "" : relative + "/")));
                } else {
                    zip.putNextEntry(new ZipEntry(prefix + relative));
                    zip.write(Files.readAllBytes(path));
                }
                zip.closeEntry();
            }
        }
    }
}
