package org.gtt.widget;

/**
 * A widget label in both course languages. A fenced-block handler does not know the page's language,
 * so the template writes both and widgets.css shows the one matching the lesson's {@code lang}.
 */
public record Text(String en, String zh) {
    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }
}
