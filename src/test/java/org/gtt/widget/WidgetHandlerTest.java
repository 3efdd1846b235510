package org.gtt.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.content.BlockContext;
import org.gtt.content.BlockException;
import org.gtt.content.ContentError;
import org.gtt.content.ContentException;
import org.gtt.content.CourseLoader;
import org.gtt.content.Lang;
import org.gtt.site.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WidgetHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private final WidgetHandler handler = new WidgetHandler(Templates.precompiled(), new ApiWidgetData());

    /** The train widget's default is the full T = 50 race (tens of seconds): these tests ask for a short one. */
    static final String SHORT_RACE = "steps: 10\niterations: 100\n";

    private static String quickBlock(WidgetKind kind) {
        return kind.trains() ? SHORT_RACE : "";
    }

    @Test
    void everyWidgetRendersItsDefaultStateWithBakedDataAndATable() throws Exception {
        for (WidgetKind kind : WidgetKind.values()) {
            if (kind == WidgetKind.CLIFF) continue; // its own test below
            String html = handler.render(kind.widgetName(), quickBlock(kind), english(1));
            JsonNode config = config(html);
            assertEquals(kind.widgetName(), config.get("kind").asText());
            for (WidgetKind.Source source : kind.sources()) {
                assertTrue(config.at("/baked/" + source.name() + "/jacobianLog10Norms").isArray() || kind == WidgetKind.DEPTH,
                        kind + " bakes " + source.name());
            }
            int rows = count(html, "<tr>") - 1;
            // the race: one row per runner and report (100 iterations reported every 50: two each)
            int expected = kind == WidgetKind.DEPTH ? 21 : kind.trains() ? 8 : 101;
            assertEquals(expected, rows, kind + ": one table row per x (default steps/depth + 1)");
            assertFalse(html.contains("<script>"), "no inline script");
            assertFalse(html.contains(" style="), "no style attribute (CSP style-src 'self')");
        }
    }

    /**
     * The cliff bakes the loss-only grid and both descents of its default state exactly as the API answers them,
     * a canvas the keyboard can reach, and a table of both descents (one row per iterate).
     */
    @Test
    void theCliffBakesItsGridAndBothDescents() throws Exception {
        String html = handler.render("cliff", "", english(4));
        JsonNode config = config(html);
        ApiWidgetData api = new ApiWidgetData();
        assertEquals(JSON.readTree(api.get("cliff", java.util.Map.of("n", "61", "gradients", "false"))), config.at("/baked/grid"));
        assertEquals(JSON.readTree(api.get("cliff/descent", java.util.Map.of("w0", "5", "b0", "-2.81", "learningRate", "0.1",
                "iterations", "200"))), config.at("/baked/plain"));
        assertEquals(JSON.readTree(api.get("cliff/descent", java.util.Map.of("w0", "5", "b0", "-2.81", "learningRate", "0.1",
                "iterations", "200", "clip", "1", "clipMode", "norm"))), config.at("/baked/clipped"));
        assertFalse(config.at("/baked/grid").has("dLossDw"), "the heat map needs only the loss");
        assertEquals(61, config.at("/baked/grid/loss").size());
        assertEquals(201, count(html, "<tr>") - 1, "one row per iterate, 0 to 200");
        assertTrue(html.contains("<th scope=\"row\">72</th><td>11.90</td><td>9.370</td><td>0.09000</td>"), "row 72: the plain descent has landed");
        assertTrue(Pattern.compile("<canvas class=\"widget-cliff-map\"[^>]*tabindex=\"0\" role=\"img\"").matcher(html).find(), html);
        assertFalse(html.contains("<script>") || html.contains(" style="));
        String chinese = handler.render("cliff", "", new BlockContext(Lang.ZH, java.nio.file.Path.of("content/zh/04-cliff-and-clipping.md"), 4));
        assertTrue(chinese.contains("裁剪阈值 θ") && chinese.contains("裁剪 E"), "labels in the lesson's language");
    }

    @Test
    void theBlockSetsTheDefaultStateAndTheBakedResponseFollowsIt() throws Exception {
        String html = handler.render("rnn", "scale: 1.1\nactivation: linear\ninit: orthogonal\nsteps: 50\n", english(3));
        JsonNode config = config(html);
        assertEquals("1.1", config.at("/defaults/scale").asText());
        JsonNode jacobian = config.at("/baked/rnn/jacobianLog10Norms");
        assertEquals(51, jacobian.size());
        // Linear RNN with W_hh = 1.1·Q, Q orthogonal: ‖W^n‖ = 1.1^n exactly, so log10 at index k is (T−k)·log10 1.1.
        for (int k = 0; k <= 50; k++) assertEquals((50 - k) * Math.log10(1.1), jacobian.get(k).asDouble(), 1e-9);
        assertTrue(html.contains("value=\"1.1\""), "the slider starts at the block's value");
        assertTrue(html.contains("<option value=\"linear\" selected>"), html);
    }

    @Test
    void showAndLockChooseTheControls() throws Exception {
        String html = handler.render("rnn", "show: scale, activation\nlock: activation", english(1));
        assertTrue(html.contains("name=\"scale\""));
        assertFalse(html.contains("name=\"hidden\""));
        assertTrue(Pattern.compile("name=\"activation\" disabled data-locked").matcher(html).find(), html);
    }

    @Test
    void badBlocksNameTheKeyAndWhatIsAllowed() {
        assertMessage("unknown widget 'rnnn': allowed widgets are rnn, depth, lstm, gru, custom, train, cliff", "rnnn", "");
        assertMessage("'scale' cannot be 7: allowed are 0.05 to 3 in steps of 0.05", "rnn", "scale: 7");
        assertMessage("'scale' cannot be 0.93: allowed are 0.05 to 3 in steps of 0.05", "rnn", "scale: 0.93");
        assertMessage("'steps' must be a number, not 'many': allowed are 10 to 500 in steps of 10", "rnn", "steps: many");
        assertMessage("'activation' cannot be 'gelu': allowed values are tanh, sigmoid, relu, linear", "rnn", "activation: gelu");
        assertMessage("unknown key 'radius' for the rnn widget: allowed keys are scale, steps, hidden, activation, init, seed, id, show, lock",
                "rnn", "radius: 1");
        assertMessage("'lock' names 'scale', which is not a control of the depth widget: allowed are steps, hidden, activation, init",
                "depth", "lock: scale");
        assertMessage("widget line 'scale 0.9' is not 'key: value'", "rnn", "scale 0.9");
        assertMessage("'scale' is given twice in this widget block", "rnn", "scale: 0.9\nscale: 1");
        assertMessage("'seed' cannot be '-1': allowed are whole numbers 0 to 9007199254740991", "rnn", "seed: -1");
    }

    @Test
    void aBadBlockFailsTheBuildWithFileAndLine(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("course.yml"), Files.readString(Path.of("content/course.yml")));
        Files.createDirectories(dir.resolve("en"));
        Path lesson = dir.resolve("en/01-test.md");
        Files.writeString(lesson, "---\ntitle: T\nsummary: S\n---\n\nText.\n\n```widget rnn\nscale: 9\n```\n");
        ContentException error = assertThrows(ContentException.class,
                () -> CourseLoader.load(dir, WidgetHandler.markdownRenderer(Templates.precompiled())));
        ContentError first = error.errors().get(0);
        assertTrue(first.toString().contains("01-test.md"), first.toString());
        assertEquals(8, first.line(), first.toString());
        assertTrue(first.message().contains("'scale' cannot be 9"), first.message());
    }

    @Test
    void powersOfTenAreWrittenWithSuperscriptsFarOutsideTheDoubleRange() {
        assertEquals("1.00 × 10⁰", DataTable.powerOfTen(0));
        assertEquals("7.53 × 10⁻⁵", DataTable.powerOfTen(Math.log10(7.53e-5)));
        assertEquals("3.16 × 10⁻⁴⁰¹", DataTable.powerOfTen(-400.5));
        assertEquals("1.00 × 10¹", DataTable.powerOfTen(Math.log10(9.999)), "a mantissa rounding to 10 moves to the exponent");
    }

    @Test
    void theConfigCannotCloseItsScriptElement() throws Exception {
        String html = handler.render("rnn", "", english(1));
        String inside = html.substring(html.indexOf("class=\"widget-config\">") + 22, html.lastIndexOf("</script>"));
        assertFalse(inside.contains("<"), "every '<' inside the JSON is escaped");
    }

    @Test
    void anEnglishLessonsWidgetsHoldNoChineseAndAChineseLessonsWidgetsShowChineseLabels() throws Exception {
        for (WidgetKind kind : WidgetKind.values()) {
            String inEnglish = handler.render(kind.widgetName(), quickBlock(kind), english(1));
            assertEquals("", firstChinese(inEnglish), kind + ": no Chinese character anywhere in the English widget");
            assertLabelsIn(Lang.EN, kind, inEnglish);

            String chinese = handler.render(kind.widgetName(), quickBlock(kind), new BlockContext(Lang.ZH, Path.of("content/zh/01-test.md"), 1));
            assertLabelsIn(Lang.ZH, kind, chinese);
            assertFalse(chinese.contains(">" + kind.title().in(Lang.EN) + "<"), kind + ": the English title is gone");
            assertFalse(chinese.contains("Download CSV"), kind + ": the buttons are in Chinese");
            assertTrue(chinese.contains(">下载 CSV<"), kind + ": 下载 CSV");
        }
    }

    /** The title, every control label and table header as element text; the script's labels as plain strings. */
    private static void assertLabelsIn(Lang lang, WidgetKind kind, String html) throws Exception {
        assertTrue(html.contains("<figcaption class=\"widget-title\" id=\"widget-" + kind.widgetName() + "-title\">"
                + kind.title().in(lang) + "</figcaption>"), kind + " " + lang + ": title");
        for (Control control : kind.controls()) {
            assertTrue(html.contains(">" + control.label().in(lang) + "</label>"), kind + " " + lang + ": label of " + control.key());
        }
        assertTrue(html.contains("<th scope=\"col\">" + kind.xLabel().in(lang) + "</th>"), kind + " " + lang + ": table header");
        JsonNode config = config(html);
        assertEquals(kind.xLabel().in(lang), config.get("xLabel").asText());
        for (int i = 0; i < kind.series().size(); i++) {
            assertEquals(kind.series().get(i).label().in(lang), config.at("/series/" + i + "/label").asText(), kind + " series " + i);
        }
    }

    /** The text around the first Han character of {@code html}, or "" if it has none. */
    private static String firstChinese(String html) {
        Matcher han = HAN.matcher(html);
        return han.find() ? html.substring(Math.max(0, han.start() - 60), Math.min(html.length(), han.end() + 60)) : "";
    }

    private static BlockContext english(int line) {
        return new BlockContext(Lang.EN, Path.of("content/en/01-test.md"), line);
    }

    private void assertMessage(String expected, String widget, String body) {
        BlockException error = assertThrows(BlockException.class, () -> handler.render(widget, body, english(1)));
        assertEquals(expected, error.getMessage());
    }

    private static JsonNode config(String html) throws Exception {
        Matcher matcher = Pattern.compile("<script type=\"application/json\" class=\"widget-config\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(matcher.find(), "config script present");
        return JSON.readTree(matcher.group(1));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) count++;
        return count;
    }
}
