package org.gtt.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker fails a link whose fragment names no id, in another page or on the same one, and passes good ones. */
class LinkCheckerTest {
    @TempDir Path site;

    @Test
    void fragmentsMustNameAnIdInTheirPage() throws Exception {
        Files.writeString(site.resolve("b.html"), "<h2 id=\"the-forget-gate\">The forget gate</h2><h2 id=\"遗忘门\">遗忘门</h2>");
        Files.writeString(site.resolve("a.html"), "<p id=\"top\"><a href=\"b.html#the-forget-gate\">ok</a> <a href=\"b.html#%E9%81%97%E5%BF%98%E9%97%A8\">ok</a>"
                + " <a href=\"b.html#遗忘门\">ok</a> <a href=\"#top\">ok</a> <a href=\"b.html#forget-gate\">bad</a> <a href=\"#bottom\">bad</a></p>");
        assertEquals(List.of("a.html: b.html#forget-gate names no id in b.html", "a.html: #bottom names no id on this page"),
                LinkChecker.check(site, "/"));
    }
}
