package org.gtt.widget;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.gtt.content.Lang;

/**
 * A piece of widget text by its key. The words themselves live in one file per language,
 * {@code src/main/resources/org/gtt/widget/text_en.properties} and {@code text_zh.properties}, so a
 * translator edits one file and nothing is scattered through enums, templates and scripts.
 *
 * <p>A new widget kind adds its keys ({@code NAME.title}, its labels, any new {@code control.*}) to both
 * files and names them with {@link #key}; a key missing from either file fails when the kind is first
 * used (and in WidgetTextTest). Keys starting {@code script.} are the browser scripts' messages: every
 * widget's configuration carries them ({@link #scriptMessages}).
 */
public record Text(String key) {
    private static final String SCRIPT_PREFIX = "script.";
    private static final Map<Lang, Properties> FILES = load();

    public Text {
        for (Lang lang : Lang.values()) {
            if (FILES.get(lang).getProperty(key) == null) {
                throw new IllegalArgumentException("no widget text '" + key + "' in " + fileName(lang));
            }
        }
    }

    public static Text key(String key) {
        return new Text(key);
    }

    public String in(Lang lang) {
        return FILES.get(lang).getProperty(key);
    }

    /** The scripts' messages in {@code lang}, keyed without the "script." prefix ("offline", "retry", …). */
    public static Map<String, String> scriptMessages(Lang lang) {
        Map<String, String> messages = new TreeMap<>();
        for (String name : FILES.get(lang).stringPropertyNames()) {
            if (name.startsWith(SCRIPT_PREFIX)) messages.put(name.substring(SCRIPT_PREFIX.length()), in(lang, name));
        }
        return messages;
    }

    /** Every key of {@code lang}'s file, for the test that both files hold the same keys. */
    static java.util.Set<String> keys(Lang lang) {
        return FILES.get(lang).stringPropertyNames();
    }

    private static String in(Lang lang, String key) {
        return FILES.get(lang).getProperty(key);
    }

    static String fileName(Lang lang) {
        return "text_" + lang.code() + ".properties";
    }

    private static Map<Lang, Properties> load() {
        Map<Lang, Properties> files = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Properties properties = new Properties();
            try (InputStream in = Text.class.getResourceAsStream(fileName(lang))) {
                if (in == null) throw new IllegalStateException("missing resource org/gtt/widget/" + fileName(lang));
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            files.put(lang, properties);
        }
        return files;
    }
}
