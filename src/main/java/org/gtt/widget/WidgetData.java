package org.gtt.widget;

import java.util.Map;
import org.gtt.content.BlockException;

/**
 * The API's answers, computed in-process at build time: the default state of every widget is baked into
 * the page, so the snapshot (and a page opened from file://) shows real charts. Endpoints are named as
 * under /api/v1/ ("gradients", "cliff", "cliff/descent", …). Kept apart from org.gtt.web, which already
 * depends on the site: no HTTP at build time, no cycle (widget uses api; api never uses widget).
 */
public interface WidgetData {

    /** Exactly the JSON body {@code GET /api/v1/<endpoint>?query…} answers with. */
    String get(String endpoint, Map<String, String> query) throws BlockException;

    /** Exactly the JSON body {@code POST /api/v1/<endpoint>} answers {@code requestJson} with. */
    String post(String endpoint, String requestJson) throws BlockException;

    /**
     * The race {@code POST /api/v1/train} would stream for {@code requestJson}, recorded whole as the page
     * carries it: {@code TrainingJson.recorded} = {"parameters", "progress": [every progress event], "done"},
     * compacted by {@link RaceWidget#compact} (see {@link RaceRecordings}).
     */
    String recordedRace(String requestJson) throws BlockException;
}
