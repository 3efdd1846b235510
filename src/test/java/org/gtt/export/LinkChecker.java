package org.gtt.export;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a snapshot folder the way a browser reading it from file:// would: every internal href/src
 * in every HTML file, and every url(...) in every CSS file, must name a file that exists, and a fragment
 * (#anchor) an element id in the page it names (links between lessons, the glossary's links to headings,
 * footnotes). A link to a folder fails, since file:// has no directory index.
 */
final class LinkChecker {
    private static final Pattern HTML_LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    private LinkChecker() {}

    /** Problems found, one line each; empty when every link resolves. {@code basePath} resolves absolute links. */
    static List<String> check(Path root, String basePath) throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = file.getFileName().toString();
                if (name.endsWith(".html")) checkLinks(root, file, HTML_LINK, basePath, problems);
                if (name.endsWith(".css")) checkLinks(root, file, CSS_URL, basePath, problems);
            }
        }
        return problems;
    }

    /** Counts the internal links checked, so a test can tell the checker really looked. */
    static int countLinks(Path root) throws IOException {
        int count = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".html"))::iterator) {
                Matcher m = HTML_LINK.matcher(Files.readString(file));
                while (m.find()) if (isInternal(m.group(1))) count++;
            }
        }
        return count;
    }

    private static void checkLinks(Path root, Path file, Pattern pattern, String basePath, List<String> problems) throws IOException {
        Matcher m = pattern.matcher(Files.readString(file));
        boolean page = file.toString().endsWith(".html");
        while (m.find()) {
            String link = m.group(1).replace("&amp;", "&");
            if (!isInternal(link)) continue;
            String path = link.replaceAll("[?#].*$", "");
            String fragment = page && link.contains("#") ? URLDecoder.decode(link.substring(link.indexOf('#') + 1), StandardCharsets.UTF_8) : "";
            if (path.isEmpty()) {
                if (!fragment.isEmpty() && !hasId(file, fragment)) problems.add(root.relativize(file) + ": " + link + " names no id on this page");
                continue;
            }
            Path target;
            if (path.startsWith("/")) {
                if (!path.startsWith(basePath)) {
                    problems.add(root.relativize(file) + ": " + link + " is outside the base path " + basePath);
                    continue;
                }
                target = root.resolve(path.substring(basePath.length()));
            } else {
                target = file.getParent().resolve(URLDecoder.decode(path, StandardCharsets.UTF_8));
            }
            target = target.normalize();
            if (!target.startsWith(root) || !Files.isRegularFile(target)) {
                problems.add(root.relativize(file) + ": " + link + " does not name a file");
            } else if (!fragment.isEmpty() && target.toString().endsWith(".html") && !hasId(target, fragment)) {
                problems.add(root.relativize(file) + ": " + link + " names no id in " + root.relativize(target));
            }
        }
    }

    /** The page has an element with this id (the anchor a link's fragment scrolls to). */
    private static boolean hasId(Path page, String id) throws IOException {
        String html = Files.readString(page);
        return html.contains(" id=\"" + id + "\"") || html.contains(" id=\"" + id.replace("&", "&amp;") + "\"");
    }

    private static boolean isInternal(String link) {
        return !(link.startsWith("http:") || link.startsWith("https:") || link.startsWith("mailto:")
                || link.startsWith("data:") || link.startsWith("//"));
    }
}
