package org.gtt.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that try to climb out of the served files get 404, never a file: sent raw, dots intact. */
class PathTraversalTest {
    private static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        site = RunningSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/static/../pom.xml",
        "/static/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/../pom.xml",
        "/webjars/%2e%2e/%2e%2e/etc/passwd",
        "/static/%2e%2e/pom.xml",
        "/static/%2e%2e%2fpom.xml",
        "/static/..%2fpom.xml",
        "/static/%252e%252e%252fpom.xml",
        "/static/..%5cpom.xml",
        "/..%2f..%2fetc/passwd",
        "/webjars/../pom.xml",
        "/webjars/..%2f..%2f..%2fpom.xml",
        "/webjars/katex/0.16.47/dist/..%2f..%2f..%2f..%2fMETA-INF/MANIFEST.MF",
        "/webjars/%252e%252e/%252e%252e/pom.xml",
        "/static/css/..%2f..%2fcontent/en/01-vanishing-and-exploding.md",
        "/static/.%2e/pom.xml",
        "/static//etc/passwd",
    })
    void traversalYields404AndNoFile(String rawPath) throws Exception {
        String response = site.rawGet(rawPath);
        assertTrue(response.startsWith("HTTP/1.1 404"), rawPath + " answered: " + response.lines().findFirst().orElse(""));
        assertFalse(response.contains("<project"), "pom.xml leaked");
        assertFalse(response.contains("root:"), "/etc/passwd leaked");
        assertFalse(response.contains("Manifest-Version"), "jar manifest leaked");
        assertFalse(response.contains("title:"), "a lesson source leaked");
        assertTrue(response.contains("class=\"not-found\""), "the course's own 404 page");
        assertTrue(response.contains("Content-Security-Policy: "), "with the security headers");
    }

    /** Only unreadable addresses become 404: a request that is malformed otherwise keeps its 400. */
    @org.junit.jupiter.api.Test
    void aMalformedHeaderIsStillABadRequest() throws Exception {
        String response = site.rawRequest("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response.lines().findFirst().orElse(""));
        assertFalse(response.contains("Exception"), "no stack trace");
    }
}
