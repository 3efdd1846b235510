package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.io.ByteArrayInputStream;
import org.gtt.content.Course;
import org.gtt.content.CourseLoader;
import org.gtt.content.Lang;
import org.gtt.content.Lesson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The site's pages, files and error pages over a real HTTP port, with the repository's lessons. */
class SiteRoutesTest {
    private static RunningSite site;
    private static Course course;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.start();
        course = CourseLoader.load(Path.of("content"));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void homePagesHaveTheCourseTitleAndLanguage() throws Exception {
        for (Lang lang : Lang.values()) {
            HttpResponse<String> response = site.get(lang == Lang.EN ? "" : "zh/");
            assertEquals(200, response.statusCode());
            assertEquals(course.info(lang).title(), title(response.body()));
            assertEquals(lang.htmlLang(), htmlLang(response.body()));
        }
    }

    @Test
    void everyLessonAnswersInBothLanguagesWithItsTitle() throws Exception {
        assertFalse(course.slugs().isEmpty(), "the repository has lessons");
        for (Lang lang : Lang.values()) {
            for (String slug : course.slugs()) {
                HttpResponse<String> response = site.get(lessonPath(lang, slug));
                assertEquals(200, response.statusCode(), lessonPath(lang, slug));
                Lesson lesson = course.resolve(lang, slug).orElseThrow().lesson();
                assertEquals(lesson.title() + " · " + course.info(lang).title(), title(response.body()));
                assertEquals(lang.htmlLang(), htmlLang(response.body()));
            }
        }
    }

    @Test
    void theLanguageSwitchLandsOnTheSameLesson() throws Exception {
        for (String slug : course.slugs()) {
            String english = site.get(lessonPath(Lang.EN, slug)).body();
            assertEquals("../zh/" + slug + "/", languageSwitchHref(english));
            String chinese = site.get(lessonPath(Lang.ZH, slug)).body();
            assertEquals("../../" + slug + "/", languageSwitchHref(chinese));
        }
        assertEquals("zh/", languageSwitchHref(site.get("").body()));
        assertEquals("../", languageSwitchHref(site.get("zh/").body()));
    }

    @Test
    void aLessonAddressWithoutItsSlashIsRedirectedToIt() throws Exception {
        String slug = course.slugs().get(0);
        HttpResponse<String> response = site.get("zh/" + slug);
        assertEquals(301, response.statusCode());
        assertEquals(slug + "/", response.headers().firstValue("Location").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-lesson/", "zh/no-such-lesson/", "a/b/c", "static/nothing.css", "webjars/katex/0.0.0/x.js", "index.php"})
    void unknownAddressesGetTheNotFoundPageWith404(String path) throws Exception {
        HttpResponse<String> response = site.get(path);
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("class=\"not-found\""), response.body());
        String expectedLang = path.startsWith("zh/") ? "zh-Hans" : "en";
        assertEquals(expectedLang, htmlLang(response.body()));
    }

    @Test
    void pagesSendAStrictContentSecurityPolicy() throws Exception {
        String policy = site.get("").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
    }

    @Test
    void pagesHaveNoInlineScriptsOrHandlersAndNoOtherHosts() throws Exception {
        for (String slug : course.slugs()) {
            String html = site.get(slug + "/").body();
            Matcher scripts = Pattern.compile("<script([^>]*)>").matcher(html);
            while (scripts.find()) {
                String attributes = scripts.group(1);
                assertTrue(attributes.contains("src=") || attributes.contains("type=\"application/json\""),
                        "inline script: " + scripts.group());
            }
            assertFalse(Pattern.compile("\\son[a-z]+=\"").matcher(html).find(), "inline event handler in " + slug);
            assertFalse(Pattern.compile("(src|href)=\"(https?:)?//(?!127\\.0\\.0\\.1)").matcher(html.replaceAll("<a [^>]*>", "")).find(),
                    "resource from another host in " + slug);
        }
    }

    @Test
    void onlyAddressesThatPinTheContentAreCachedForAYear() throws Exception {
        String home = site.get("").body();
        String pinned = group(home, "href=\"(static/css/site\\.css\\?v=[0-9a-f]+)\"");
        assertTrue(site.getBytes(pinned).headers().firstValue("Cache-Control").orElseThrow().contains("immutable"));
        assertEquals("no-cache", site.getBytes("static/css/site.css").headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("no-cache", site.getBytes("static/css/site.css?v=deadbeef00").headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void assetsAreCachedForAYearAndCompressed() throws Exception {
        String home = site.get("").body();
        HttpResponse<byte[]> css = site.getBytes(group(home, "href=\"(static/css/site\\.css\\?v=[0-9a-f]+)\""), "Accept-Encoding", "gzip");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Cache-Control").orElseThrow().contains("max-age=31536000"));
        assertEquals("gzip", css.headers().firstValue("Content-Encoding").orElse(""));
        String text = new String(new GZIPInputStream(new ByteArrayInputStream(css.body())).readAllBytes());
        assertTrue(text.contains("prefers-color-scheme: dark"));
        // The gzip bytes are another representation: their own ETag, and caches told that the body varies.
        assertTrue(css.headers().firstValue("ETag").orElseThrow().endsWith("-gzip\""));
        assertEquals("Accept-Encoding", css.headers().firstValue("Vary").orElseThrow());
        String plainTag = site.getBytes("static/css/site.css").headers().firstValue("ETag").orElseThrow();
        assertFalse(plainTag.contains("gzip"), plainTag);
        HttpResponse<byte[]> katex = site.getBytes("webjars/katex/0.16.47/dist/katex.min.js");
        assertEquals(200, katex.statusCode());
        assertTrue(katex.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
    }

    @Test
    void anUnchangedAssetAnswers304() throws Exception {
        HttpResponse<byte[]> first = site.getBytes("static/js/math.js");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, site.getBytes("static/js/math.js", "If-None-Match", etag).statusCode());
    }

    static String lessonPath(Lang lang, String slug) {
        return (lang == Lang.EN ? "" : "zh/") + slug + "/";
    }

    static String title(String html) {
        return unescape(group(html, "<title>([^<]*)</title>"));
    }

    static String htmlLang(String html) {
        return group(html, "<html lang=\"([^\"]+)\"");
    }

    static String languageSwitchHref(String html) {
        return group(html, "class=\"lang-switch\" href=\"([^\"]+)\"");
    }

    private static String group(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex);
        return m.group(1);
    }

    private static String unescape(String html) {
        return html.replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
