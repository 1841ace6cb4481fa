package org.jobboard.gateway.ratelimit;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Token buckets in Redis, shared by every gateway replica. One Lua script refills and takes atomically on the Redis
 * server, using the server's clock so replicas with skewed clocks agree.
 */
public class RedisRateLimiter implements RateLimiter {
    private static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local per_token_us = tonumber(ARGV[2])
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
            local tokens = tonumber(state[1]) or capacity
            local ts = tonumber(state[2]) or now
            tokens = math.min(capacity, tokens + (now - ts) / per_token_us)
            local allowed = 0
            if tokens >= 1 then
              tokens = tokens - 1
              allowed = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
            redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * per_token_us / 1000) + 1000)
            return {allowed, tostring(tokens)}
            """;

    private final Redis redis;
    private final String prefix;

    public RedisRateLimiter(Redis redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Uni<Decision> acquire(String key, Limit limit) {
        double perTokenMicros = limit.nanosPerToken() / 1000;
        Request request = Request.cmd(Command.EVAL).arg(SCRIPT).arg(1).arg(prefix + limit.name() + ":" + key)
                .arg(limit.requests()).arg(Double.toString(perTokenMicros));
        return redis.send(request).map(response -> decision(response, limit, perTokenMicros));
    }

    private static Decision decision(Response response, Limit limit, double perTokenMicros) {
        boolean allowed = response.get(0).toInteger() == 1;
        double tokens = Double.parseDouble(response.get(1).toString());
        long untilFull = (long) Math.ceil((limit.requests() - tokens) * perTokenMicros / 1e6);
        long untilNext = allowed ? 0 : (long) Math.ceil((1 - tokens) * perTokenMicros / 1e6);
        return new Decision(allowed, limit.requests(), (long) Math.floor(tokens), Math.max(untilFull, untilNext),
                Math.max(1, untilNext));
    }
}
