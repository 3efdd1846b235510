package org.gtt.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gtt.json.JsonParser;

/**
 * The cliff API without HTTP: query fields in, the JSON answer with its ETag out, or an {@link ApiException}
 * naming the field. GET /api/v1/cliff is the error surface on a grid, GET /api/v1/cliff/descent one descent
 * on it. Both are fully described by their parameters, so every answer is cached. The cliff widget's
 * build-time data comes from here too.
 */
public final class CliffService {
    public static final String GRID = "/api/v1/cliff";
    public static final String DESCENT = "/api/v1/cliff/descent";

    private final ResponseCache cache;
    private final ComputeGate gate;

    /** Computes every request directly (build time: the widget's default data). */
    public CliffService(long cacheBytes) {
        this(cacheBytes, ComputeGate.DIRECT);
    }

    /** Asks {@code gate} before each computation, with its {@link WorkEstimate}, as the gradient endpoints do. */
    public CliffService(long cacheBytes, ComputeGate gate) {
        this.cache = new ResponseCache(cacheBytes);
        this.gate = gate;
    }

    public GradientService.Answer grid(Map<String, List<String>> query) {
        CliffRequests.Grid request = CliffRequests.grid(Cliff.read(query, JsonParser.JAVA));
        return cached(Cliff.gridParameters(request, GradientService.JACKSON_DOUBLES),
                WorkEstimate.cliffGridMillis(request.spec().n(), request.model().steps()),
                () -> Cliff.gridAnswer(request, GradientService.JACKSON_DOUBLES));
    }

    public GradientService.Answer descent(Map<String, List<String>> query) {
        CliffRequests.Trajectory request = CliffRequests.descent(Cliff.read(query, JsonParser.JAVA));
        return cached(Cliff.descentParameters(request, GradientService.JACKSON_DOUBLES),
                WorkEstimate.cliffDescentMillis(request.settings().iterations(), request.model().steps()),
                () -> Cliff.descentAnswer(request, GradientService.JACKSON_DOUBLES));
    }

    /** {@code key}: the parameters as used, which fully describe the answer. */
    private GradientService.Answer cached(String key, double estimatedMillis, Supplier<String> body) {
        GradientService.Answer answer = cache.get(key);
        if (answer == null) {
            answer = gate.run(estimatedMillis, () -> GradientService.answerOf(body.get().getBytes(StandardCharsets.UTF_8)));
            cache.put(key, answer);
        }
        return answer;
    }
}
