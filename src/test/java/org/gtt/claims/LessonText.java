package org.gtt.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.content.Lang;
import org.gtt.widget.Control;
import org.gtt.widget.WidgetKind;

/**
 * The Markdown source of one lesson in both languages, read from content/ in the working tree, so a
 * claim test fails when the text stops stating what the engine computes.
 */
final class LessonText {
    static final LessonText VANISHING = new LessonText("01-vanishing-and-exploding.md");
    static final LessonText DEEP = new LessonText("02-deep-feedforward.md");
    static final LessonText BPTT = new LessonText("03-backprop-through-time.md");
    static final LessonText CLIFF = new LessonText("04-cliff-and-clipping.md");
    static final LessonText LSTM = new LessonText("05-lstm.md");
    static final LessonText GRU = new LessonText("06-gru.md");
    static final LessonText ACTIVATIONS = new LessonText("07-activations-and-initialisation.md");
    static final LessonText IN_PRACTICE = new LessonText("08-in-practice.md");

    private static final Pattern NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?");

    private final String file;
    private final String en;
    private final String zh;

    private LessonText(String file) {
        this.file = file;
        this.en = read("en", file);
        this.zh = read("zh", file);
    }

    private static String read(String lang, String file) {
        try {
            return Files.readString(Path.of("content", lang, file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Both languages contain {@code snippet} literally (math is shared between the translations). */
    void assertBothContain(String snippet) {
        assertTrue(en.contains(snippet), "content/en/" + file + " does not state: " + snippet);
        assertTrue(zh.contains(snippet), "content/zh/" + file + " does not state: " + snippet);
    }

    /** Both languages write, right after {@code prefix}, a figure that is {@code value} rounded. */
    void assertWritesRounded(String prefix, double value) {
        assertWritesRounded(prefix, prefix, value);
    }

    /** As {@link #assertWritesRounded(String, double)}, with the words before the figure per language. */
    void assertWritesRounded(String enPrefix, String zhPrefix, double value) {
        assertRounded(value, numberAfter("en", en, enPrefix), "content/en/" + file + " after '" + enPrefix + "'");
        assertRounded(value, numberAfter("zh", zh, zhPrefix), "content/zh/" + file + " after '" + zhPrefix + "'");
    }

    /** Each language contains its own wording of a claim. */
    void assertLanguagesContain(String enSnippet, String zhSnippet) {
        assertTrue(en.contains(enSnippet), "content/en/" + file + " does not state: " + enSnippet);
        assertTrue(zh.contains(zhSnippet), "content/zh/" + file + " does not state: " + zhSnippet);
    }

    /**
     * The lesson names a widget control in bold as the page labels it ({@code en}/{@code zh} are the start of the
     * label, which may go on with an explanation in brackets).
     */
    void assertNamesControl(WidgetKind kind, String key, String enLabel, String zhLabel) {
        Control control = kind.control(key).orElseThrow(() -> new AssertionError(kind + " has no control " + key));
        assertTrue(control.label().in(Lang.EN).startsWith(enLabel), "the page labels it " + control.label().in(Lang.EN));
        assertTrue(control.label().in(Lang.ZH).startsWith(zhLabel), "the page labels it " + control.label().in(Lang.ZH));
        assertLanguagesContain("**" + enLabel + "**", "**" + zhLabel + "**");
    }

    /** As {@link #assertNamesControl(WidgetKind, String, String, String)} with the page's whole label in each language. */
    void assertNamesControl(WidgetKind kind, String key) {
        Control control = kind.control(key).orElseThrow(() -> new AssertionError(kind + " has no control " + key));
        assertNamesControl(kind, key, control.label().in(Lang.EN), control.label().in(Lang.ZH));
    }

    /** Every occurrence of {@code prefix} (there is at least one per language) is followed by {@code value} rounded. */
    void assertEveryOccurrenceRounded(String prefix, double value) {
        for (String lang : new String[] {"en", "zh"}) {
            String text = text(lang);
            int at = text.indexOf(prefix);
            assertTrue(at >= 0, "content/" + lang + "/" + file + " does not contain '" + prefix + "'");
            for (; at >= 0; at = text.indexOf(prefix, at + 1)) {
                assertRounded(value, numberAfter(lang, text.substring(at), prefix),
                        "content/" + lang + "/" + file + " at offset " + at);
            }
        }
    }

    /** The table row starting with {@code firstCell} (both languages) has {@code expected} in column {@code column}. */
    void assertTableCell(String firstCell, int column, String expected) {
        assertTableCell(firstCell, firstCell, column, expected, expected);
    }

    void assertTableCell(String firstCell, int column, String enExpected, String zhExpected) {
        assertTableCell(firstCell, firstCell, column, enExpected, zhExpected);
    }

    void assertTableCell(String enFirstCell, String zhFirstCell, int column, String expected) {
        assertTableCell(enFirstCell, zhFirstCell, column, expected, expected);
    }

    private void assertTableCell(String enFirstCell, String zhFirstCell, int column, String enExpected,
                                 String zhExpected) {
        assertEquals(enExpected, tableRow("en", enFirstCell)[column], "content/en/" + file + ", row " + enFirstCell);
        assertEquals(zhExpected, tableRow("zh", zhFirstCell)[column], "content/zh/" + file + ", row " + zhFirstCell);
    }

    /** The Markdown source in {@code lang} ("en" or "zh"). */
    String text(String lang) { return lang.equals("en") ? en : zh; }

    /** The row of a Markdown table that starts with {@code firstCell}, split into trimmed cells. */
    String[] tableRow(String lang, String firstCell) {
        String text = text(lang);
        for (String line : text.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length > 2 && cells[1].trim().equals(firstCell)) {
                String[] trimmed = new String[cells.length - 1];
                for (int i = 1; i < cells.length; i++) {
                    trimmed[i - 1] = cells[i].trim();
                }
                return trimmed;
            }
        }
        return fail("content/" + lang + "/" + file + " has no table row starting with " + firstCell);
    }

    private static String numberAfter(String lang, String text, String prefix) {
        int at = text.indexOf(prefix);
        if (at < 0) {
            fail("content/" + lang + " lesson does not contain '" + prefix + "'");
        }
        Matcher m = NUMBER.matcher(text.substring(at + prefix.length()));
        if (!m.find()) {
            fail("no number after '" + prefix + "' in content/" + lang);
        }
        return m.group();
    }

    /**
     * The written figure equals {@code value} rounded to as many significant digits as the figure shows
     * ("0.930" has three; an integer's trailing zeros do not count, so "500" means one digit).
     */
    static void assertRounded(double value, String written, String where) {
        BigDecimal figure = new BigDecimal(leadingNumber(written));
        int digits = written.contains(".") ? figure.precision() : figure.stripTrailingZeros().precision();
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        assertEquals(0, rounded.compareTo(figure),
                where + ": written " + written + ", the engine gives " + value + " → " + rounded.toPlainString());
    }

    private static String leadingNumber(String cell) {
        Matcher m = NUMBER.matcher(cell);
        if (!m.find()) {
            fail("not a number: " + cell);
        }
        return m.group();
    }
}
