package org.gtt.widget;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gtt.api.ApiException;
import org.gtt.api.GradientService;
import org.gtt.content.BlockException;

/** {@link WidgetData} through the API's own parser, bounds and JSON writer, called in-process. */
public final class ApiWidgetData implements WidgetData {
    /** Build-time answers are used once each: a small cache is enough. */
    private final GradientService service = new GradientService(4L << 20);

    @Override
    public String response(String model, Map<String, String> fields) throws BlockException {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("model", List.of(model));
        fields.forEach((key, value) -> query.put(key, List.of(value)));
        try {
            return text(service.fromQuery(query));
        } catch (ApiException e) {
            throw refusal(e);
        }
    }

    @Override
    public String postResponse(String requestJson) throws BlockException {
        try {
            return text(service.fromJson(requestJson.getBytes(StandardCharsets.UTF_8)));
        } catch (ApiException e) {
            throw refusal(e);
        }
    }

    private static String text(GradientService.Answer answer) {
        return new String(answer.body(), StandardCharsets.UTF_8);
    }

    private static BlockException refusal(ApiException e) {
        String where = e.field() == null ? "" : "'" + e.field() + "': ";
        String allowed = e.allowed() == null ? "" : " (allowed: " + e.allowed() + ")";
        return new BlockException(where + e.getMessage() + allowed);
    }
}
