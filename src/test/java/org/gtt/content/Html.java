package org.gtt.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test helpers that read back what the renderer wrote, the way a browser's textContent would. */
final class Html {
    private static final Pattern MATH = Pattern.compile("<(span|div) class=\"math (math-inline|math-display)\">(.*?)</\\1>", Pattern.DOTALL);

    private Html() {
    }

    /** A formula as the client-side KaTeX script receives it. */
    record Math(String kind, String tex) {
    }

    static List<Math> math(String html) {
        List<Math> found = new ArrayList<>();
        Matcher matcher = MATH.matcher(html);
        while (matcher.find()) {
            found.add(new Math(matcher.group(2), unescape(matcher.group(3))));
        }
        return found;
    }

    static List<String> tex(String html) {
        return math(html).stream().map(Math::tex).toList();
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
