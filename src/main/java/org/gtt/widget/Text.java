package org.gtt.widget;

import org.gtt.content.Lang;

/** A widget label in both course languages; a page shows it in its lesson's language only ({@link #in}). */
public record Text(String en, String zh) {
    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    public String in(Lang lang) {
        return lang == Lang.ZH ? zh : en;
    }
}
