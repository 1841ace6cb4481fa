package org.jobboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** Token buckets in this replica's memory; idle full buckets are dropped so memory follows active callers. */
public class InMemoryRateLimiter implements RateLimiter {
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier clock;

    public InMemoryRateLimiter(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    @Override
    public Uni<Decision> acquire(String key, Limit limit) {
        return Uni.createFrom().item(take(key, limit));
    }

    Decision take(String key, Limit limit) {
        long now = clock.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(limit.name() + ":" + key, k -> new Bucket(limit.requests(), now));
        synchronized (bucket) {
            double perToken = limit.nanosPerToken();
            bucket.tokens = Math.min(limit.requests(), bucket.tokens + (now - bucket.updated) / perToken);
            bucket.updated = now;
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            long remaining = (long) Math.floor(bucket.tokens);
            long untilFull = (long) Math.ceil((limit.requests() - bucket.tokens) * perToken / 1e9);
            long untilNext = allowed ? 0 : (long) Math.ceil((1 - bucket.tokens) * perToken / 1e9);
            return new Decision(allowed, limit.requests(), remaining, Math.max(untilFull, untilNext),
                    Math.max(1, untilNext));
        }
    }

    /** Drops buckets that have refilled completely: they hold no information. */
    public void evictIdle(Limit longest) {
        long now = clock.getAsLong();
        buckets.entrySet().removeIf(e -> now - e.getValue().updated > longest.period().toNanos());
    }

    public int size() {
        return buckets.size();
    }
}
