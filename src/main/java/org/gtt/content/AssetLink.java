package org.gtt.content;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An asset address inside a lesson's HTML that only the page can write. A lesson is rendered once, but the
 * address of an asset depends on the page showing it (its depth, a fallback lesson shown under zh/, the
 * snapshot, the content version), so a handler writes a placeholder and the page renderer resolves it.
 * The placeholder is delimited by NUL characters, which Markdown replaces in an author's text (CommonMark
 * turns U+0000 into U+FFFD): no lesson text can produce one by accident.
 */
public final class AssetLink {
    private static final char MARK = '\u0000';
    private static final Pattern PLACEHOLDER = Pattern.compile(MARK + "asset:([^" + MARK + "]+)" + MARK);

    private AssetLink() {}

    /** A placeholder for the asset at {@code path} below the site root, e.g. "static/diagrams/mlp.svg". */
    public static String placeholder(String path) {
        return MARK + "asset:" + path + MARK;
    }

    /** {@code html} with every placeholder replaced by {@code address.apply(path)}. */
    public static String resolve(String html, UnaryOperator<String> address) {
        if (html.indexOf(MARK) < 0) return html;
        Matcher matcher = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (matcher.find()) matcher.appendReplacement(out, Matcher.quoteReplacement(address.apply(matcher.group(1))));
        matcher.appendTail(out);
        return out.toString();
    }
}
