package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** serve --base-path /dl-course/: everything lives under the prefix, as behind a reverse proxy. */
class BasePathTest {
    private static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.start("/dl-course/", List.of());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void pagesAndEveryAddressTheyUseAnswerUnderThePrefix() throws Exception {
        String home = site.get("").body();
        URI base = URI.create(site.url(""));
        Matcher links = Pattern.compile("(?:href|src)=\"([^\"#]+)\"").matcher(home);
        int checked = 0;
        while (links.find()) {
            URI target = base.resolve(links.group(1).replace("&amp;", "&"));
            assertTrue(target.getPath().startsWith("/dl-course/"), target.toString());
            int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(target).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            assertEquals(200, status, target.toString());
            checked++;
        }
        assertTrue(checked >= 6, "checked " + checked + " links");
    }

    @Test
    void nothingAnswersOutsideThePrefix() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + "/static/css/site.css")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, response.statusCode());
    }

    @Test
    void theNotFoundPageLinksFromTheBasePath() throws Exception {
        HttpResponse<String> response = site.get("deeply/nested/missing/page");
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("href=\"/dl-course/static/css/site.css"), "absolute links under the prefix");
    }
}
