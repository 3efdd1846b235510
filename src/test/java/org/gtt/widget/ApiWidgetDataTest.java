package org.gtt.widget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.gtt.api.CliffService;
import org.gtt.api.GradientService;
import org.gtt.content.BlockException;
import org.junit.jupiter.api.Test;

/** Build-time data is byte for byte what each endpoint's service answers (the web routes use the same services). */
class ApiWidgetDataTest {
    private final ApiWidgetData data = new ApiWidgetData();

    @Test
    void everyEndpointAnswersAsItsService() throws Exception {
        assertSame(new GradientService(1 << 20).fromQuery(Map.of("model", List.of("rnn"), "steps", List.of("20"))),
                data.get("gradients", Map.of("model", "rnn", "steps", "20")));
        CliffService cliff = new CliffService(1 << 20);
        assertSame(cliff.grid(Map.of("n", List.of("11"))), data.get("cliff", Map.of("n", "11")));
        assertSame(cliff.descent(Map.of("clip", List.of("1"), "clipMode", List.of("value"))),
                data.get("cliff/descent", Map.of("clip", "1", "clipMode", "value")));
        String body = "{\"model\":\"rnn\",\"steps\":10,\"weights\":" + CustomExample.WEIGHTS + "}";
        assertSame(new GradientService(1 << 20).fromJson(body.getBytes(StandardCharsets.UTF_8)), data.post("gradients", body));
    }

    @Test
    void refusalsNameTheFieldAndUnknownEndpointsAreBlockErrors() {
        BlockException bad = assertThrows(BlockException.class, () -> data.get("cliff", Map.of("n", "500")));
        assertEquals("'n'", bad.getMessage().substring(0, 3), bad.getMessage());
        BlockException unknown = assertThrows(BlockException.class, () -> data.get("cliffs", Map.of()));
        assertEquals("no widget data for the endpoint 'cliffs'", unknown.getMessage());
        assertThrows(BlockException.class, () -> data.post("cliff", "{}"));
    }

    private static void assertSame(GradientService.Answer expected, String actual) {
        assertArrayEquals(expected.body(), actual.getBytes(StandardCharsets.UTF_8));
    }
}
