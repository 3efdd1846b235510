package org.gtt.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gtt.widget.WidgetKind;
import org.junit.jupiter.api.Test;

/** A lesson loads the shared widget scripts and only the family scripts of the widgets it embeds. */
class AssetsTest {
    private static final List<String> SHARED = Assets.WIDGET_SCRIPTS.subList(0, 4);

    @Test
    void eachKindsFamilyScriptRegistersThatKind() throws IOException {
        for (WidgetKind kind : WidgetKind.values()) {
            assertTrue(Assets.WIDGET_SCRIPTS.contains(kind.script()), kind + " " + kind.script());
            Matcher family = Pattern.compile("GTT\\.widgets\\.family\\(\\[([^\\]]*)\\]").matcher(Files.readString(Path.of(kind.script())));
            assertTrue(family.find(), kind.script() + " registers a family");
            assertTrue(family.group(1).contains("\"" + kind.widgetName() + "\""), kind.script() + " registers " + kind.widgetName());
        }
    }

    @Test
    void aPageLoadsTheFamilyScriptsOfItsOwnWidgetsOnly() {
        assertEquals(concat(SHARED, "static/js/widgets/train.js"), Assets.widgetScripts("<figure data-widget=\"train\">"));
        assertEquals(concat(SHARED, "static/js/widgets/gradient.js", "static/js/widgets/cliff.js"),
                Assets.widgetScripts("<figure data-widget=\"cliff\"></figure><figure data-widget=\"lstm\">"));
        assertEquals(SHARED, Assets.widgetScripts("no widget"));
        assertEquals(List.of("static/js/widgets/chart.js", "static/js/widgets/sources.js", "static/js/widgets/engine.js",
                "static/js/widgets/widget.js"), SHARED, "the scripts every widget page needs come first");
    }

    private static List<String> concat(List<String> first, String... more) {
        return java.util.stream.Stream.concat(first.stream(), java.util.Arrays.stream(more)).toList();
    }
}
