package org.gtt.train.jobs;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.gtt.compute.CoreAllowance;
import org.gtt.train.ModelKind;
import org.gtt.train.Race;
import org.gtt.train.TrainingParameters;

/**
 * The server's training races: at most {@code running} at once, each on a thread of its own, and at most
 * {@code queued} more waiting for one; beyond that {@link #reserve} refuses at once. A running
 * race trains in turns of up to {@link #TURN_NANOS} on the server's {@link CoreAllowance}, shared with the
 * expensive computations. Every race stops at
 * its time limit, when its listener goes away, or when it is cancelled by id; {@link #close()} cancels
 * them all (a server's shutdown). Memory: only running races hold arrays, each {@link Race#workspaceBytes}
 * of its parameters, which the API bounds; a waiting race holds its parameters and listener only.
 *
 * <p>A job is reserved first (so a refusal can still be an HTTP status), then {@link Job#start() started}
 * once its listener is ready to hear about it.
 */
public final class TrainingJobs implements AutoCloseable {
    /** Pool sizes and the wall-time limit of one race (its time in the queue not counted). */
    public record Settings(int running, int queued, Duration timeLimit) {
        public static final Settings DEFAULTS = new Settings(2, 4, Duration.ofSeconds(120));

        public Settings {
            if (running < 1) throw new IllegalArgumentException("at least one running job");
            if (queued < 0) throw new IllegalArgumentException("queued must not be negative");
            if (timeLimit.isNegative() || timeLimit.isZero()) throw new IllegalArgumentException("timeLimit must be positive");
        }
    }

    /** Why a job was not admitted: the pool and its queue are full, or the server is shutting down. */
    public static final class Refused extends Exception {
        public enum Reason { FULL, CLOSED }

        private final Reason reason;
        private final int retryAfterSeconds;

        Refused(Reason reason, int retryAfterSeconds, String message) {
            super(message);
            this.reason = reason;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public Reason reason() { return reason; }

        public int retryAfterSeconds() { return retryAfterSeconds; }
    }

    /**
     * Hears one race, on the job's thread: progress per report, then exactly one {@code done} (or {@code failed}),
     * also for a job cancelled before it ran. {@link #connected()} is asked before every turn of training (up to
     * {@link #TURN_NANOS}): false (the client went away) cancels the race; a listener that throws is treated as gone too.
     */
    public interface Listener extends Race.Listener {
        default boolean connected() { return true; }

        /** The race broke (a bug, or out of memory): it ends without {@code done}. */
        default void failed(Throwable problem) {}
    }

    private static final SecureRandom IDS = new SecureRandom();
    /**
     * How long a race trains on a shared core before it lets the next piece of heavy work have it: long enough to
     * be worth the wait behind a large computation (a few hundred ms), short enough that a cancelled race or a
     * client that left is noticed soon.
     */
    static final long TURN_NANOS = 100_000_000;
    /** Until races have finished, a slot is assumed to free up this long after a race starts. */
    private static final double FIRST_GUESS_SECONDS = 10;

    private final Settings settings;
    private final CoreAllowance cores;
    private final ExecutorService threads;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Started jobs waiting for a thread, oldest first; guarded by {@code this} like the counts below. */
    private final Deque<Job> waiting = new ArrayDeque<>();
    private final List<Job> runningJobs = new ArrayList<>();
    private boolean closed;
    /** A moving average of how long races take, for Retry-After. */
    private double typicalSeconds = FIRST_GUESS_SECONDS;

    /** Races that train whenever their threads get a core (nothing else heavy runs beside them). */
    public TrainingJobs(Settings settings) {
        this(settings, CoreAllowance.unlimited());
    }

    /** Races that train in turns of up to {@link #TURN_NANOS} on {@code cores}, with the other heavy work that shares it. */
    public TrainingJobs(Settings settings, CoreAllowance cores) {
        this.settings = settings;
        this.cores = cores;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.running(), work -> {
            Thread thread = new Thread(work, "gtt-train-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public Settings settings() {
        return settings;
    }

    /** Jobs training now. */
    public synchronized int running() {
        return runningJobs.size();
    }

    /** Jobs reserved or waiting for a thread. */
    public synchronized int queued() {
        return jobs.size() - runningJobs.size();
    }

    /**
     * Admits a race or refuses it at once. The job holds its place until {@link Job#start()} (which sends it
     * on) or {@link Job#cancel()}.
     */
    public synchronized Job reserve(TrainingParameters parameters, Listener listener) throws Refused {
        if (closed) throw new Refused(Refused.Reason.CLOSED, 1, "the server is shutting down");
        if (jobs.size() >= settings.running() + settings.queued()) {
            throw new Refused(Refused.Reason.FULL, retryAfterSeconds(), "every training slot is taken (" + settings.running()
                    + " running, " + settings.queued() + " waiting): try again in a few seconds");
        }
        Job job = new Job(newId(), parameters, listener);
        jobs.put(job.id(), job);
        return job;
    }

    public Optional<Job> job(String id) {
        return Optional.ofNullable(id == null ? null : jobs.get(id));
    }

    /** Cancels the job with this id; false when there is none (unknown, or already finished). */
    public boolean cancel(String id) {
        Optional<Job> job = job(id);
        job.ifPresent(Job::cancel);
        return job.isPresent();
    }

    /** Refuses new jobs and cancels every job: running ones stop within an iteration, waiting ones at once. */
    @Override
    public void close() {
        List<Job> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(jobs.values());
        }
        all.forEach(Job::cancel);
        threads.shutdown();
    }

    /** Seconds until a running race is likely to end (and a waiting one moves up), 1 to 60. */
    private int retryAfterSeconds() {
        double expected = Math.min(typicalSeconds, settings.timeLimit().toSeconds());
        double soonest = 60;
        long now = System.nanoTime();
        for (Job job : runningJobs) soonest = Math.min(soonest, expected - (now - job.startedNanos) / 1e9);
        return (int) Math.max(1, Math.min(60, Math.ceil(soonest)));
    }

    private static String newId() {
        byte[] bytes = new byte[16];
        IDS.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Gives a free thread to the job, or puts it in line; returns its place in line (0: running now), or −1
     * when it was withdrawn meanwhile or the pool is closing.
     */
    private synchronized int enqueue(Job job) {
        if (closed || !jobs.containsKey(job.id())) return -1;
        if (runningJobs.size() < settings.running()) {
            launch(job);
            return 0;
        }
        waiting.addLast(job);
        return waiting.size();
    }

    /** Called with the lock held. */
    private void launch(Job job) {
        runningJobs.add(job);
        job.startedNanos = System.nanoTime();
        threads.execute(job::run);
    }

    /** Frees the job's place and gives its thread to the next in line; once per job (later calls do nothing). */
    private synchronized void finished(Job job, double seconds) {
        jobs.remove(job.id());
        if (runningJobs.remove(job)) {
            typicalSeconds = 0.7 * typicalSeconds + 0.3 * seconds;
            Job next = waiting.pollFirst();
            if (next != null && !closed) launch(next);
        }
    }

    /** Takes a waiting or reserved job out of line; false when it already has a thread. */
    private synchronized boolean withdraw(Job job) {
        if (runningJobs.contains(job)) return false;
        waiting.remove(job);
        jobs.remove(job.id());
        return true;
    }

    /** One race: reserved, then waiting or running, then finished (its listener has heard {@code done}). */
    public final class Job {
        private final String id;
        private final TrainingParameters parameters;
        private final Listener listener;
        private volatile boolean cancelled;
        private volatile boolean listenerGone;
        private boolean started;
        private boolean over;
        private long startedNanos;

        private Job(String id, TrainingParameters parameters, Listener listener) {
            this.id = id;
            this.parameters = parameters;
            this.listener = listener;
        }

        /** 128 random bits in hex: whoever knows the id may cancel the job, so it cannot be guessed. */
        public String id() { return id; }

        public TrainingParameters parameters() { return parameters; }

        /** Sends the reserved job on: to a thread if one is free, else into the line. Returns its place (0: running). */
        public int start() {
            synchronized (this) {
                if (started) throw new IllegalStateException("job " + id + " started twice");
                started = true;
            }
            int place = cancelled ? -1 : enqueue(this);
            if (place < 0) {
                finishUnrun();
                return 0;
            }
            return place;
        }

        /** Stops the race: a running one before its next iteration, a waiting one now (its listener hears done). */
        public void cancel() {
            cancelled = true;
            boolean notRunning = withdraw(this);
            boolean sentOn;
            synchronized (this) {
                sentOn = started;
            }
            if (notRunning && sentOn) finishUnrun();
        }

        private void run() {
            double seconds = 0;
            try {
                seconds = new Race(parameters).run(guarded(), () -> cancelled || !connected(), settings.timeLimit().toNanos(), 1,
                        turns()).seconds();
            } catch (RuntimeException | Error e) {
                deliver(() -> listener.failed(e));
                if (e instanceof Error error) throw error;
            } finally {
                finished(this, seconds); // a second call after done changes nothing
            }
        }

        /** Turns on the shared cores; a race cancelled while it waited for one gives its turn straight back. */
        private Race.Turns turns() {
            return new Race.Turns() {
                @Override
                public void take(Runnable slice) {
                    cores.holdUninterruptibly(() -> {
                        if (!cancelled) slice.run();
                    });
                }

                @Override
                public long sliceNanos() {
                    return TURN_NANOS;
                }
            };
        }

        private boolean connected() {
            try {
                if (!listener.connected()) listenerGone = true;
            } catch (RuntimeException e) {
                listenerGone = true;
            }
            return !listenerGone;
        }

        /** The listener behind a guard: once it fails it hears no more progress and the race stops. */
        private Race.Listener guarded() {
            return new Race.Listener() {
                @Override
                public void progress(Race.Progress progress) {
                    if (!listenerGone) deliver(() -> listener.progress(progress));
                }

                @Override
                public void done(Race.Finish finish) {
                    // the slot is free before the client hears done, so its next start is not refused by its own last
                    finished(Job.this, finish.seconds());
                    deliver(() -> listener.done(finish));
                }
            };
        }

        /** Progress stops once the listener failed; done and failed are always tried, so the listener hears the end. */
        private void deliver(Runnable event) {
            try {
                event.run();
            } catch (RuntimeException e) {
                listenerGone = true;
            }
        }

        /** A job cancelled before it trained: its listener hears done (cancelled, nothing solved), once. */
        private void finishUnrun() {
            synchronized (this) {
                if (over) return;
                over = true;
            }
            Map<ModelKind, Integer> solved = new LinkedHashMap<>();
            for (ModelKind kind : parameters.models()) solved.put(kind, null);
            finished(this, 0);
            deliver(() -> listener.done(new Race.Finish(solved, 0, Race.StopReason.CANCELLED)));
        }
    }
}
