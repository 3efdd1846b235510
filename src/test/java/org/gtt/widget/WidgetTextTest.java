package org.gtt.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.TreeSet;
import org.gtt.content.Lang;
import org.junit.jupiter.api.Test;

/** The widget text files: one per language, the same keys in each, every kind's words present. */
class WidgetTextTest {

    @Test
    void bothLanguagesHaveTheSameKeys() {
        assertEquals(new TreeSet<>(Text.keys(Lang.EN)), new TreeSet<>(Text.keys(Lang.ZH)));
    }

    @Test
    void noTextIsEmptyAndEveryKindsWordsResolve() {
        for (Lang lang : Lang.values()) {
            for (String key : Text.keys(lang)) assertFalse(Text.key(key).in(lang).isBlank(), key + " in " + lang);
            for (WidgetKind kind : WidgetKind.values()) {
                assertFalse(kind.title().in(lang).isBlank());
                kind.series().forEach(series -> assertFalse(series.label().in(lang).isBlank()));
                kind.controls().forEach(control -> assertFalse(control.label().in(lang).isBlank()));
            }
        }
    }

    @Test
    void aMissingKeyIsAnErrorNamingTheKeyAndTheFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Text.key("cliff.nothingHere"));
        assertEquals("no widget text 'cliff.nothingHere' in text_en.properties", e.getMessage());
    }

    @Test
    void theScriptsGetTheirMessagesInTheLessonsLanguage() {
        Map<String, String> en = Text.scriptMessages(Lang.EN);
        Map<String, String> zh = Text.scriptMessages(Lang.ZH);
        assertEquals(en.keySet(), zh.keySet());
        assertEquals("Retry", en.get("retry"));
        assertEquals("重试", zh.get("retry"));
        assertEquals("The server is busy, so the chart still shows the previous settings; retrying in {0} s.", en.get("overloaded"));
    }
}
