package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gtt.browser.ShortRaceCourse;
import org.gtt.widget.RaceRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record-races} and the recordings it bundled: build and serve bake the files under
 * src/main/resources/{@value RaceRecordings#FOLDER} instead of training, so they must be exactly what today's
 * trainer writes for today's lessons. When the trainer's numerics or a lesson's preset change, this fails and
 * names the command that brings them up to date.
 */
class RecordRacesCommandTest {
    private static final Path BUNDLED = Path.of("src", "main", "resources", RaceRecordings.FOLDER);
    private static final String REGENERATE = "; regenerate the bundled races with `" + RaceRecordings.COMMAND + "` (then package again)";

    @TempDir Path temp;

    @Test
    void theBundledRecordingsAreByteForByteWhatTheTrainerWritesForTheCourseNow() throws IOException {
        Path fresh = temp.resolve("recordings");
        CommandLineTest.Run run = CommandLineTest.run("record-races", "--out", fresh.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(jsonFiles(fresh), jsonFiles(BUNDLED), "one bundled recording per preset of the course's train widgets" + REGENERATE);
        assertFalse(jsonFiles(fresh).isEmpty(), "lesson 8 has a train widget");
        for (String name : jsonFiles(fresh)) {
            byte[] expected = Files.readAllBytes(fresh.resolve(name));
            byte[] actual = Files.readAllBytes(BUNDLED.resolve(name));
            int at = firstDifference(expected, actual);
            if (at >= 0) {
                fail(name + " is not what the trainer writes now (first difference at byte " + at + ": bundled "
                        + excerpt(actual, at) + ", trained " + excerpt(expected, at) + ")" + REGENERATE);
            }
        }
    }

    @Test
    void aCourseGetsExactlyItsOwnPresetsAndStaleRecordingsGo() throws IOException {
        Path content = ShortRaceCourse.write(temp.resolve("content"));
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("gru_T20_old.json"), "{}");
        Files.writeString(out.resolve("notes.txt"), "kept");
        CommandLineTest.Run run = CommandLineTest.run("record-races", "--content", content.toString(), "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        List<String> written = jsonFiles(out);
        assertEquals(1, written.size(), "both languages' lesson holds the same preset: one recording " + written);
        assertTrue(written.get(0).startsWith("rnn-lstm-gru_T10_"), written.get(0));
        assertTrue(run.out().contains("Deleted gru_T20_old.json"), run.out());
        assertTrue(Files.exists(out.resolve("notes.txt")), "only recordings are deleted");
        assertTrue(Files.readString(out.resolve(written.get(0))).startsWith("{\"parameters\":{\"models\":[\"rnn\",\"lstm\",\"gru\"]"));
    }

    @Test
    void aBrokenLessonLeavesTheFolderAsItWas() throws IOException {
        Path content = ShortRaceCourse.write(temp.resolve("content"));
        Files.writeString(content.resolve("en/01-race.md"), "---\ntitle: R\nsummary: S\n---\n\n```widget train\nsteps: 7\n```\n");
        Path out = temp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("kept.json"), "{}");
        CommandLineTest.Run run = CommandLineTest.run("record-races", "--content", content.toString(), "--out", out.toString());
        assertEquals(1, run.code());
        assertTrue(run.err().contains("01-race.md:6") && run.err().contains("'steps' cannot be 7"), run.err());
        assertEquals(List.of("kept.json"), jsonFiles(out));
    }

    private static List<String> jsonFiles(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".json")).sorted().toList();
        }
    }

    private static int firstDifference(byte[] a, byte[] b) {
        int n = Math.min(a.length, b.length);
        for (int i = 0; i < n; i++) if (a[i] != b[i]) return i;
        return a.length == b.length ? -1 : n;
    }

    private static String excerpt(byte[] bytes, int at) {
        int from = Math.max(0, at - 30);
        return "…" + new String(bytes, from, Math.min(bytes.length, at + 30) - from, java.nio.charset.StandardCharsets.UTF_8) + "…";
    }
}
