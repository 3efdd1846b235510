package org.gtt.widget;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gtt.api.ApiException;
import org.gtt.api.CliffService;
import org.gtt.api.GradientService;
import org.gtt.api.TrainingRequestParser;
import org.gtt.content.BlockException;
import org.gtt.train.TrainingParameters;

/**
 * {@link WidgetData} through the API's own parsers, bounds and JSON writers, called in-process: one entry
 * per endpoint, so a chart baked into a page shows exactly what the live endpoint would answer.
 */
public final class ApiWidgetData implements WidgetData {
    /** Build-time answers are used once each: small caches are enough. */
    private final GradientService gradients = new GradientService(4L << 20);
    private final CliffService cliff = new CliffService(4L << 20);

    /** A race as the page carries it, for its parameters. */
    private final Function<TrainingParameters, String> races;

    private final Map<String, Function<Map<String, List<String>>, GradientService.Answer>> gets = Map.of(
            "gradients", gradients::fromQuery,
            "cliff", cliff::grid,
            "cliff/descent", cliff::descent);

    private final Map<String, Function<byte[], GradientService.Answer>> posts = Map.of(
            "gradients", gradients::fromJson);

    /** Races from the bundled recordings; one that is not bundled is trained, with a note on standard error. */
    public ApiWidgetData() {
        this(parameters -> RaceRecordings.forPage(parameters, System.err::println));
    }

    /** Races from {@code races} (record-races: trained afresh, and kept). */
    public ApiWidgetData(Function<TrainingParameters, String> races) {
        this.races = races;
    }

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

    /** The race of the request's parameters, as the page carries it (see the constructors). */
    @Override
    public String recordedRace(String requestJson) throws BlockException {
        try {
            TrainingParameters parameters = TrainingRequestParser.parse(requestJson.getBytes(StandardCharsets.UTF_8));
            return races.apply(parameters);
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
