package org.gtt.widget;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gtt.content.BlockException;
import org.gtt.web.ApiException;
import org.gtt.web.RouteModule;

/**
 * GET and POST /api/v1/gradients over {@link EngineWidgetData} (the real engine), for the browser tests
 * until the engine branch's GradientApi is merged; then the tests mount that instead. Refusals are
 * 400 JSON like the API's, but without the field-by-field validation the real API does.
 */
public final class EngineApiStandIn implements RouteModule {
    private final EngineWidgetData data = new EngineWidgetData();

    @Override
    public void register(JavalinConfig config) {
        config.routes.get("/api/v1/gradients", this::get);
        config.routes.post("/api/v1/gradients", ctx -> answer(ctx, () -> data.postResponse(ctx.body())));
    }

    private void get(Context ctx) {
        Map<String, String> fields = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((key, values) -> fields.put(key, values.get(0)));
        String model = fields.remove("model");
        answer(ctx, () -> data.response(model == null ? "" : model, fields));
    }

    private interface Computation {
        String run() throws BlockException;
    }

    private static void answer(Context ctx, Computation computation) {
        try {
            ctx.contentType("application/json").result(computation.run());
        } catch (BlockException | RuntimeException e) {
            throw ApiException.badField(null, e.getMessage(), null);
        }
    }
}
