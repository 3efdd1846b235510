package org.gtt.web;

import io.javalin.config.JavalinConfig;

/** A group of routes the server mounts (the gradient API is one), kept apart from the site pages. */
public interface RouteModule {
    void register(JavalinConfig config);

    /** Called once when the server shuts down gracefully, before it waits for requests in flight: stop long-running work (training jobs) here. */
    default void shutDown() {}
}
