package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --dev re-reads the lessons on every request and shows a broken lesson's error in place. */
class DevServerTest {
    @TempDir Path content;

    @Test
    void aBrokenLessonShowsItsErrorWhileTheOthersKeepWorking() throws Exception {
        Files.createDirectories(content.resolve("en"));
        ServedContent.writeCourseFile(content);
        Path first = content.resolve("en/01-first.md");
        Files.writeString(first, "---\ntitle: First\nsummary: S\n---\n\nThe first text.\n");
        Files.writeString(content.resolve("en/02-second.md"), "---\ntitle: Second\nsummary: S\n---\n\nThe second text.\n");
        try (ServedContent site = ServedContent.serve(content, "--dev")) {
            assertTrue(site.get("first/").body().contains("The first text."));

            Files.writeString(first, "---\ntitle: First\nsummary: S\ncolour: red\n---\n\nThe edited text.\n");
            HttpResponse<String> broken = site.get("first/");
            assertEquals(200, broken.statusCode());
            assertTrue(broken.body().contains("class=\"notice build-error\""), broken.body());
            assertTrue(broken.body().contains("01-first.md:4"), "names file and line");
            assertTrue(site.get("second/").body().contains("The second text."), "the other lesson still serves");

            Files.writeString(first, "---\ntitle: First\nsummary: S\n---\n\nThe fixed text.\n");
            HttpResponse<String> fixed = site.get("first/");
            assertTrue(fixed.body().contains("The fixed text."), "a change on disk shows on the next request");
            assertFalse(fixed.body().contains("build-error"));
        }
    }
}
