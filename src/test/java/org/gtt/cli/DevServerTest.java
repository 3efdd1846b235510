package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve --dev re-reads the lessons on every request and shows a broken lesson's error in place. */
class DevServerTest {
    @TempDir Path content;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    @Test
    void aBrokenLessonShowsItsErrorWhileTheOthersKeepWorking() throws Exception {
        Files.createDirectories(content.resolve("en"));
        Files.writeString(content.resolve("course.yml"), "en:\n  title: T\n  description: D\nzh:\n  title: T\n  description: D\n");
        Path first = content.resolve("en/01-first.md");
        Files.writeString(first, "---\ntitle: First\nsummary: S\n---\n\nThe first text.\n");
        Files.writeString(content.resolve("en/02-second.md"), "---\ntitle: Second\nsummary: S\n---\n\nThe second text.\n");
        app = ServeCommand.start(Options.parse(new String[] {"--port", "0", "--dev", "--content", content.toString()}, ServeCommand.SPEC),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));

        assertTrue(get("first/").body().contains("The first text."));

        Files.writeString(first, "---\ntitle: First\nsummary: S\ncolour: red\n---\n\nThe edited text.\n");
        HttpResponse<String> broken = get("first/");
        assertEquals(200, broken.statusCode());
        assertTrue(broken.body().contains("class=\"notice build-error\""), broken.body());
        assertTrue(broken.body().contains("01-first.md:4"), "names file and line");
        assertTrue(get("second/").body().contains("The second text."), "the other lesson still serves");

        Files.writeString(first, "---\ntitle: First\nsummary: S\n---\n\nThe fixed text.\n");
        HttpResponse<String> fixed = get("first/");
        assertTrue(fixed.body().contains("The fixed text."), "a change on disk shows on the next request");
        assertFalse(fixed.body().contains("build-error"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
