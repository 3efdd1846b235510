package org.gtt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gtt.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A real build of the snapshot through the command line, then every link in it checked. */
class SnapshotBuildTest {
    @TempDir Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"/", "/dl-course/"})
    void everyInternalLinkNamesAFile(String basePath) throws Exception {
        Path out = temp.resolve("site");
        assertEquals(0, build(out, "--base-path", basePath).code, "build succeeds");
        assertTrue(Files.isRegularFile(out.resolve("index.html")));
        assertTrue(Files.isRegularFile(out.resolve("zh/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("404.html")));
        assertTrue(LinkChecker.countLinks(out) > 50, "the checker saw the links");
        assertEquals(List.of(), LinkChecker.check(out, basePath));
    }

    @Test
    void pageLinksNameIndexHtmlSoTheyWorkFromFileUrls() throws Exception {
        Path out = temp.resolve("site");
        build(out);
        String home = Files.readString(out.resolve("index.html"));
        assertTrue(home.contains("href=\"zh/index.html\""), "language switch names the file");
        assertTrue(!home.contains("?v="), "no query strings in a snapshot");
    }

    @Test
    void buildPrintsProgressAndASummary() throws Exception {
        Result result = build(temp.resolve("site"));
        assertTrue(result.out.contains("page index.html"), result.out);
        assertTrue(result.out.matches("(?s).*Wrote \\d+ pages and \\d+ files in \\d+ ms.*"), result.out);
    }

    @Test
    void aBrokenLessonLeavesThePreviousOutputAsItWas() throws Exception {
        Path out = temp.resolve("site");
        assertEquals(0, build(out).code);
        Map<String, String> before = fingerprint(out);

        Path content = copyOfContent();
        Path lesson = Files.list(content.resolve("en")).sorted().findFirst().orElseThrow();
        Files.writeString(lesson, "---\ntitle: Broken\nsumary: a typo in a key\n---\n\n# Text\n");
        Result failed = build(out, "--content", content.toString());

        assertNotEquals(0, failed.code);
        assertTrue(failed.err.contains(lesson.getFileName().toString() + ":3"), failed.err);
        assertEquals(before, fingerprint(out), "the old snapshot is untouched");
        try (Stream<Path> siblings = Files.list(temp)) {
            assertEquals(List.of(out), siblings.filter(p -> p.getFileName().toString().contains("site")).toList(),
                    "no temporary folder is left behind");
        }
    }

    @Test
    void aFolderWithOtherFilesIsNeverReplaced() throws Exception {
        Path out = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(out.resolve("important.txt"), "keep me");
        Result result = build(out);
        assertNotEquals(0, result.code);
        assertTrue(result.err.contains("holds files that build did not write"), result.err);
        assertEquals("keep me", Files.readString(out.resolve("important.txt")));
        assertEquals(1, Files.list(out).count());
    }

    @Test
    void aFileIsNeverReplaced() throws Exception {
        Path file = Files.writeString(temp.resolve("page.html"), "<p>mine</p>");
        Result result = build(file);
        assertNotEquals(0, result.code);
        assertTrue(result.err.contains("is a file"), result.err);
        assertEquals("<p>mine</p>", Files.readString(file));
    }

    @Test
    void anEmptyFolderOrAnEarlierSnapshotIsReplaced() throws Exception {
        Path out = Files.createDirectories(temp.resolve("empty"));
        assertEquals(0, build(out).code);
        assertTrue(Files.isRegularFile(out.resolve(SnapshotBuilder.MARKER)));
        assertEquals(0, build(out).code, "a second build replaces the first");
    }

    @Test
    void theLessonsTheWorkingFolderAndTheRootAreRefused() throws Exception {
        Path content = copyOfContent();
        Result intoContent = build(content, "--content", content.toString());
        assertNotEquals(0, intoContent.code);
        assertTrue(intoContent.err.contains("overlaps the lessons folder"), intoContent.err);
        assertTrue(Files.isRegularFile(content.resolve("course.yml")), "lessons untouched");
        // Checked directly rather than through a build: a failure here must not be able to delete the repository.
        Path workingDir = Path.of("").toAbsolutePath();
        for (Path dangerous : List.of(workingDir, workingDir.getParent(), workingDir.getRoot())) {
            assertThrows(SnapshotBuilder.UnsafeOutputException.class, () -> SnapshotBuilder.checkReplaceable(dangerous, content), dangerous.toString());
        }
    }

    private Path copyOfContent() throws IOException {
        Path copy = temp.resolve("content");
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(Path.of("content").relativize(source).toString());
                if (Files.isDirectory(source)) Files.createDirectories(target);
                else Files.copy(source, target);
            }
        }
        return copy;
    }

    private static Map<String, String> fingerprint(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(root.relativize(file).toString(), Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(file)))
                        + "@" + Files.getLastModifiedTime(file));
            }
        }
        return files;
    }

    record Result(int code, String out, String err) {}

    private static Result build(Path out, String... extra) {
        String[] args = Stream.concat(Stream.of("build", "--out", out.toString()), Stream.of(extra)).toArray(String[]::new);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8), new PrintStream(stderr, true, StandardCharsets.UTF_8));
        return new Result(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
