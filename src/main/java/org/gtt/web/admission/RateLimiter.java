package org.gtt.web.admission;

import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}. Memory is
 * bounded: past {@link #MAX_CLIENTS} clients the buckets that have refilled completely (idle clients,
 * indistinguishable from new ones) are dropped, and if that is not enough, all of them.
 */
public final class RateLimiter {
    static final int MAX_CLIENTS = 100_000;

    private final double perSecond;
    private final double burst;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code perSecond} ≤ 0 turns the limit off. */
    public RateLimiter(double perSecond, double burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    public boolean enabled() {
        return perSecond > 0;
    }

    /** Takes one token for {@code client}: 0 when the request may go ahead, else whole seconds until it may. */
    public int acquire(String client) {
        if (!enabled()) return 0;
        long now = System.nanoTime();
        if (buckets.size() >= MAX_CLIENTS) prune(now);
        Bucket bucket = buckets.computeIfAbsent(client, key -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.refill(now, perSecond, burst);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (int) Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    int clients() {
        return buckets.size();
    }

    private void prune(long now) {
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                bucket.refill(now, perSecond, burst);
                return bucket.tokens >= burst;
            }
        });
        if (buckets.size() >= MAX_CLIENTS) buckets.clear();
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
