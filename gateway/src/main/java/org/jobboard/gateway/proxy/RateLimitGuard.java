package org.jobboard.gateway.proxy;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.gateway.ratelimit.Decision;
import org.jobboard.gateway.ratelimit.InMemoryRateLimiter;
import org.jobboard.gateway.ratelimit.Limit;
import org.jobboard.gateway.ratelimit.RateLimiter;
import org.jobboard.gateway.ratelimit.RatePolicy;
import org.jobboard.gateway.ratelimit.RedisRateLimiter;
import org.jobboard.gateway.time.Ticker;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Takes a token from the caller's bucket before anything else happens to a request: the RateLimit-* headers on every
 * answer, 429 problem+json with Retry-After when the bucket is empty. In memory per replica, or shared through Redis
 * ({@code jobboard.gateway.rate-limit.mode}); when Redis is unreachable, requests are let through.
 */
@ApplicationScoped
public class RateLimitGuard {
    private static final Logger LOG = Logger.getLogger(RateLimitGuard.class);

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Ticker ticker;

    @Inject
    Rejections rejections;

    private final Map<String, Limit> limits = new HashMap<>();
    private RateLimiter limiter;
    private Redis redis;

    void start(@Observes StartupEvent event) {
        config.rateLimit().limits().forEach((name, value) -> limits.put(name, Limit.parse(name, value)));
        if ("redis".equals(config.rateLimit().mode())) {
            redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.rateLimit().redisUrl()));
            limiter = new RedisRateLimiter(io.vertx.mutiny.redis.client.Redis.newInstance(redis), "jobboard:rl:");
        } else {
            InMemoryRateLimiter memory = new InMemoryRateLimiter(ticker::nanos);
            limits.values().stream().max(Comparator.comparing(Limit::period))
                    .ifPresent(longest -> vertx.setPeriodic(60_000, id -> memory.evictIdle(longest)));
            limiter = memory;
        }
        LOG.infof("rate limits (%s): %s", config.rateLimit().mode(), limits);
    }

    void stop(@Observes ShutdownEvent event) {
        if (redis != null) {
            redis.close();
        }
    }

    /** Runs {@code proceed} when the bucket has a token (or has no limit configured), else answers 429. */
    void check(RoutingContext ctx, RatePolicy.Bucket bucket, Runnable proceed) {
        Limit limit = limits.get(bucket.policy());
        if (limit == null) {
            proceed.run();
            return;
        }
        limiter.acquire(bucket.callerKey(), limit).subscribe().with(decision -> {
            rateLimitHeaders(ctx.response(), decision);
            if (!decision.allowed()) {
                ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                rejections.reject(ctx, 429, "rate-limited", "Too many requests",
                        "the " + limit.name() + " limit is " + limit.requests() + " requests per " + limit.period()
                                + "; retry after " + decision.retryAfterSeconds() + " s");
                return;
            }
            proceed.run();
        }, failure -> {
            // the shared limiter is down: serve rather than fail every request (limits resume when it is back)
            LOG.warnf("rate limiter unavailable, request let through: %s", failure.toString());
            proceed.run();
        });
    }

    private static void rateLimitHeaders(HttpServerResponse response, Decision decision) {
        response.putHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.putHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }
}
