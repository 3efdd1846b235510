package org.gtt.content;

import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An address inside a lesson's HTML that only the page can write: an asset's, or another lesson's. A lesson is
 * rendered once, but the address of an asset or a page depends on the page showing it (its depth, a fallback lesson shown under zh/, the
 * snapshot, the content version), so a handler writes a placeholder and the page renderer resolves it.
 * The placeholder is delimited by NUL characters, which Markdown replaces in an author's text (CommonMark
 * turns U+0000 into U+FFFD): no lesson text can produce one by accident.
 */
public final class AssetLink {
    private static final char MARK = '\u0000';
    private static final Pattern PLACEHOLDER = Pattern.compile(MARK + "(asset|page):([^" + MARK + "]+)" + MARK);

    private AssetLink() {}

    /** A placeholder for the asset at {@code path} below the site root, e.g. "static/diagrams/mlp.svg". */
    public static String placeholder(String path) {
        return MARK + "asset:" + path + MARK;
    }

    /**
     * A placeholder for the address of the lesson {@code slug} in {@code lang} (a link between lessons: the page
     * writes "../lstm/" when served and "../lstm/index.html" in a snapshot). A fragment may follow it.
     */
    public static String pagePlaceholder(Lang lang, String slug) {
        return MARK + "page:" + lang.code() + "/" + slug + MARK;
    }

    /** {@code html} with every asset placeholder replaced by {@code address.apply(path)}; it must hold no page placeholder. */
    public static String resolve(String html, UnaryOperator<String> address) {
        return resolve(html, address, (lang, slug) -> {
            throw new IllegalArgumentException("a link to lesson " + slug + " needs a page to resolve it");
        });
    }

    /** {@code html} with asset placeholders replaced by {@code asset.apply(path)} and page placeholders by {@code page.apply(lang, slug)}. */
    public static String resolve(String html, UnaryOperator<String> asset, BiFunction<Lang, String, String> page) {
        if (html.indexOf(MARK) < 0) return html;
        Matcher matcher = PLACEHOLDER.matcher(html);
        StringBuilder out = new StringBuilder(html.length());
        while (matcher.find()) {
            String target = matcher.group(2);
            String address = matcher.group(1).equals("asset") ? asset.apply(target) : page(target, page);
            matcher.appendReplacement(out, Matcher.quoteReplacement(address));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String page(String target, BiFunction<Lang, String, String> page) {
        int slash = target.indexOf('/');
        return page.apply(Lang.fromCode(target.substring(0, slash)).orElseThrow(), target.substring(slash + 1));
    }
}
