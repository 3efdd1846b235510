package org.gtt.widget;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gtt.api.ApiException;
import org.gtt.api.CliffService;
import org.gtt.api.GradientService;
import org.gtt.api.TrainingJson;
import org.gtt.api.TrainingRequestParser;
import org.gtt.content.BlockException;
import org.gtt.train.RecordedRace;
import org.gtt.train.TrainingParameters;

/**
 * {@link WidgetData} through the API's own parsers, bounds and JSON writers, called in-process: one entry
 * per endpoint, so a chart baked into a page shows exactly what the live endpoint would answer.
 */
public final class ApiWidgetData implements WidgetData {
    /** Build-time answers are used once each: small caches are enough. */
    private final GradientService gradients = new GradientService(4L << 20);
    private final CliffService cliff = new CliffService(4L << 20);

    private final Map<String, Function<Map<String, List<String>>, GradientService.Answer>> gets = Map.of(
            "gradients", gradients::fromQuery,
            "cliff", cliff::grid,
            "cliff/descent", cliff::descent);

    private final Map<String, Function<byte[], GradientService.Answer>> posts = Map.of(
            "gradients", gradients::fromJson);

    @Override
    public String get(String endpoint, Map<String, String> fields) throws BlockException {
        Map<String, List<String>> query = new LinkedHashMap<>();
        fields.forEach((key, value) -> query.put(key, List.of(value)));
        return answer(gets, endpoint, query);
    }

    @Override
    public String post(String endpoint, String requestJson) throws BlockException {
        return answer(posts, endpoint, requestJson.getBytes(StandardCharsets.UTF_8));
    }

    private static <T> String answer(Map<String, Function<T, GradientService.Answer>> endpoints, String endpoint, T request)
            throws BlockException {
        Function<T, GradientService.Answer> service = endpoints.get(endpoint);
        if (service == null) throw new BlockException("no widget data for the endpoint '" + endpoint + "'");
        try {
            return new String(service.apply(request).body(), StandardCharsets.UTF_8);
        } catch (ApiException e) {
            throw refusal(e);
        }
    }

    /** Races are deterministic per parameters; RecordedRace keeps recent ones, so every page with one preset trains it once. */
    @Override
    public String recordedRace(String requestJson) throws BlockException {
        try {
            TrainingParameters parameters = TrainingRequestParser.parse(requestJson.getBytes(StandardCharsets.UTF_8));
            return TrainingJson.text(TrainingJson.recorded(RecordedRace.of(parameters)));
        } catch (ApiException e) {
            throw refusal(e);
        }
    }

    private static BlockException refusal(ApiException e) {
        String where = e.field() == null ? "" : "'" + e.field() + "': ";
        String allowed = e.allowed() == null ? "" : " (allowed: " + e.allowed() + ")";
        return new BlockException(where + e.getMessage() + allowed);
    }
}
