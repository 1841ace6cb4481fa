package org.jobboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;

/** Takes one token from the caller's bucket. In memory per replica by default; Redis-backed to share across replicas. */
public interface RateLimiter {
    Uni<Decision> acquire(String key, Limit limit);
}
