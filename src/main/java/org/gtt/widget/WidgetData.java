package org.gtt.widget;

import java.util.Map;
import org.gtt.content.BlockException;

/**
 * The gradient API's answers, computed in-process at build time: the default state of every widget
 * is baked into the page, so the snapshot (and a page opened from file://) shows real charts.
 * Kept apart from org.gtt.web, which already depends on the site: no HTTP at build time, no cycle.
 */
public interface WidgetData {

    /** Exactly the JSON body {@code GET /api/v1/gradients?model=…&fields…} answers with. */
    String response(String model, Map<String, String> fields) throws BlockException;

    /** Exactly the JSON body {@code POST /api/v1/gradients} answers {@code requestJson} with. */
    String postResponse(String requestJson) throws BlockException;
}
