package org.gtt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lesson written in one language only: the other language's address shows it with a notice, never a 404. */
class FallbackLessonTest {
    @TempDir Path content;

    @Test
    void aMissingTranslationShowsTheOtherLanguageWithANotice() throws Exception {
        Files.createDirectories(content.resolve("en"));
        Files.createDirectories(content.resolve("zh"));
        ServedContent.writeCourseFile(content);
        Files.writeString(content.resolve("en/01-only-english.md"), "---\ntitle: Only English\nsummary: S\n---\n\nEnglish text.\n");
        Files.writeString(content.resolve("zh/02-only-chinese.md"), "---\ntitle: 只有中文\nsummary: 摘要\n---\n\n中文正文。\n");
        try (ServedContent site = ServedContent.serve(content)) {
            HttpResponse<String> zh = site.get("zh/only-english/");
            assertEquals(200, zh.statusCode());
            assertTrue(zh.body().contains("<html lang=\"zh-Hans\">"), "the page frame is Chinese");
            assertTrue(zh.body().contains("<article class=\"lesson\" lang=\"en\">"), "the text is marked as English");
            assertTrue(zh.body().contains("class=\"notice fallback-notice\""), "with a visible notice");
            assertTrue(zh.body().contains("English text."));

            HttpResponse<String> en = site.get("only-chinese/");
            assertEquals(200, en.statusCode());
            assertTrue(en.body().contains("class=\"notice fallback-notice\"") && en.body().contains("中文正文。"));
            assertTrue(site.get("zh/").body().contains("Only English"), "the Chinese home page lists the English-only lesson");
        }
    }
}
