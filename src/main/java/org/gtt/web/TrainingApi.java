package org.gtt.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.gtt.api.ApiException;
import org.gtt.api.BusyException;
import org.gtt.api.TrainingJson;
import org.gtt.api.TrainingRequestParser;
import org.gtt.compute.CoreAllowance;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;
import org.gtt.train.jobs.TrainingJobs;
import org.gtt.web.ops.Lifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live training: {@code POST /api/v1/train} starts a race and answers with its events as Server-Sent Events
 * (started, queued if it waits, progress per report, done; see CONTRACTS.md), {@code DELETE /api/v1/train/{id}}
 * cancels one. A browser reads the stream with fetch (EventSource cannot POST).
 *
 * <p>Threads: the request's Jetty thread parses, reserves a place in the {@link TrainingJobs} pool, writes
 * {@code started} and returns; the response stays open asynchronously ({@code ctx.future}) while the job's own
 * thread trains and writes each event, so Jetty's threads are never held by training. A closed connection shows
 * on the next write: a training job writes at least every {@link #RUNNING_KEEP_ALIVE_MILLIS} ms (an event or a
 * comment, checked before every turn of training), and a timer writes a comment on any stream that had nothing
 * for a second (a job waiting for a slot, or a running one waiting for its turn on a core).
 */
public final class TrainingApi implements RouteModule {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingApi.class);
    public static final String TRAIN = "/api/v1/train";
    static final long RUNNING_KEEP_ALIVE_MILLIS = 100;
    static final long WAITING_KEEP_ALIVE_MILLIS = 1000;

    private final TrainingJobs jobs;
    private final Lifecycle lifecycle;
    private final Map<TrainingJobs.Job, JobStream> open = new ConcurrentHashMap<>();
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "gtt-train-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    public TrainingApi() {
        this(TrainingJobs.Settings.DEFAULTS, Lifecycle.ready());
    }

    /** Jobs as {@code settings} allow; new ones refused with 503 once {@code lifecycle} drains. */
    public TrainingApi(TrainingJobs.Settings settings, Lifecycle lifecycle) {
        this(settings, lifecycle, CoreAllowance.unlimited());
    }

    /** As above, each race training in turns (of up to 100 ms) on {@code cores} with the other heavy work. */
    public TrainingApi(TrainingJobs.Settings settings, Lifecycle lifecycle, CoreAllowance cores) {
        this.jobs = new TrainingJobs(settings, cores);
        this.lifecycle = lifecycle;
        keepAlive.scheduleWithFixedDelay(this::keepWaitingStreamsAlive, WAITING_KEEP_ALIVE_MILLIS,
                WAITING_KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The pool, for the operator's figures and for tests. */
    public TrainingJobs jobs() {
        return jobs;
    }

    @Override
    public void register(JavalinConfig config) {
        config.routes.post(TRAIN, this::start);
        config.routes.delete(TRAIN + "/{id}", this::cancel);
    }

    /** Cancels every job (each stream ends with done, stoppedBy cancelled) and refuses new ones. */
    @Override
    public void shutDown() {
        jobs.close();
        keepAlive.shutdownNow();
    }

    private void start(Context ctx) throws IOException {
        if (lifecycle.state() == Lifecycle.State.DRAINING) throw shuttingDown();
        TrainingParameters parameters = TrainingRequestParser.parse(GradientApi.jsonBody(ctx));
        JobStream stream = new JobStream(new EventStream(ctx.res().getOutputStream()));
        TrainingJobs.Job job = reserve(parameters, stream);
        try {
            open.put(job, stream);
            stream.ended.whenComplete((ignored, problem) -> {
                open.remove(job);
                // Jetty gave up on the response (an error or timeout on the connection): nobody reads the race
                if (stream.ended.isCancelled()) job.cancel();
            });
            ctx.status(200);
            ctx.res().setContentType("text/event-stream");
            ctx.header(Header.CACHE_CONTROL, "no-store");
            ctx.header("X-Accel-Buffering", "no"); // nginx: pass each event on at once
            ctx.future(() -> stream.ended);
        } catch (RuntimeException e) {
            job.cancel();
            job.start(); // ends the reserved job at once, so its place is free again
            throw e;
        }
        stream.events.exclusively(() -> begin(job, stream));
    }

    /** Writes started, sends the job on, and says where it waits; a client already gone cancels it. */
    private static void begin(TrainingJobs.Job job, JobStream stream) {
        try {
            stream.events.event("started", TrainingJson.text(TrainingJson.started(job.id(), job.parameters())));
        } catch (UncheckedIOException e) {
            job.cancel(); // start() below then ends it with done, which completes the response
        }
        int place = job.start();
        if (place > 0) {
            try {
                stream.events.event("queued", TrainingJson.text(TrainingJson.queued(job.id(), place)));
            } catch (UncheckedIOException e) {
                job.cancel();
            }
        }
    }

    private TrainingJobs.Job reserve(TrainingParameters parameters, JobStream stream) {
        try {
            return jobs.reserve(parameters, stream);
        } catch (TrainingJobs.Refused refused) {
            if (refused.reason() == TrainingJobs.Refused.Reason.CLOSED) throw shuttingDown();
            throw new BusyException(429, refused.getMessage(), refused.retryAfterSeconds());
        }
    }

    private static BusyException shuttingDown() {
        return new BusyException(503, "the server is shutting down: start the training on another server or later", 1);
    }

    private void cancel(Context ctx) {
        if (!jobs.cancel(ctx.pathParam("id"))) {
            throw new ApiException(404, "no training job with this id (it may have finished already)", "id",
                    "the id of a running or waiting job, from its started event");
        }
        ctx.status(204);
    }

    /**
     * A job waiting for a slot, or for its turn on a core, writes nothing of its own: a comment after a second of
     * silence keeps proxies patient and finds clients that left (a stream its job writes to is left alone).
     */
    private void keepWaitingStreamsAlive() {
        open.forEach((job, stream) -> {
            if (!stream.events.keepAlive(TimeUnit.MILLISECONDS.toNanos(WAITING_KEEP_ALIVE_MILLIS))) {
                job.cancel();
            }
        });
    }

    /** One job's listener: its events go to the client's stream; {@code ended} completes the response. */
    private static final class JobStream implements TrainingJobs.Listener {
        final EventStream events;
        final CompletableFuture<Void> ended = new CompletableFuture<>();

        JobStream(EventStream events) {
            this.events = events;
        }

        @Override
        public boolean connected() {
            return events.keepAlive(TimeUnit.MILLISECONDS.toNanos(RUNNING_KEEP_ALIVE_MILLIS));
        }

        @Override
        public void progress(Race.Progress progress) {
            events.event("progress", TrainingJson.text(TrainingJson.progress(progress)));
        }

        @Override
        public void done(Race.Finish finish) {
            try {
                if (!events.broken()) events.event("done", TrainingJson.text(TrainingJson.done(finish)));
            } finally {
                ended.complete(null);
            }
        }

        @Override
        public void failed(Throwable problem) {
            LOG.error("a training job failed", problem);
            ended.complete(null);
        }
    }
}
