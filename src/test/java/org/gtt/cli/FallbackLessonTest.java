package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** A lesson written in one language only: the other language's address shows it with a notice, never a 404. */
class FallbackLessonTest {
    @TempDir Path content;
    private Javalin app;

    @AfterEach
    void stop() {
        if (app != null) app.stop();
    }

    @Test
    void aMissingTranslationShowsTheOtherLanguageWithANotice() throws Exception {
        Files.createDirectories(content.resolve("en"));
        Files.createDirectories(content.resolve("zh"));
        Files.writeString(content.resolve("course.yml"), "en:\n  title: Course\n  description: D\nzh:\n  title: 课程\n  description: 简介\n");
        Files.writeString(content.resolve("en/01-only-english.md"), "---\ntitle: Only English\nsummary: S\n---\n\nEnglish text.\n");
        Files.writeString(content.resolve("zh/02-only-chinese.md"), "---\ntitle: 只有中文\nsummary: 摘要\n---\n\n中文正文。\n");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        app = ServeCommand.start(Options.parse(new String[] {"--port", "0", "--content", content.toString()}, ServeCommand.SPEC), quiet, quiet);

        HttpResponse<String> zh = get("zh/only-english/");
        assertEquals(200, zh.statusCode());
        assertTrue(zh.body().contains("<html lang=\"zh-Hans\">"), "the page frame is Chinese");
        assertTrue(zh.body().contains("<article class=\"lesson\" lang=\"en\">"), "the text is marked as English");
        assertTrue(zh.body().contains("class=\"notice fallback-notice\""), "with a visible notice");
        assertTrue(zh.body().contains("English text."));

        HttpResponse<String> en = get("only-chinese/");
        assertEquals(200, en.statusCode());
        assertTrue(en.body().contains("class=\"notice fallback-notice\"") && en.body().contains("中文正文。"));
        assertTrue(get("zh/").body().contains("Only English"), "the Chinese home page lists the English-only lesson");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
