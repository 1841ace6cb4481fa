package org.jobboard.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "jobboard.gateway")
public interface GatewayConfig {
    /** Upstream name -> comma-separated base URLs of its instances. */
    Map<String, String> upstreams();

    /**
     * Route name -> the path prefix, the upstream that serves it and what the gateway allows on it. The one place the
     * gateway's routing is written: the proxy, the access policy, the request metrics and the merged OpenAPI document
     * all read it ({@link org.jobboard.gateway.route.RouteTable}).
     */
    Map<String, RouteConfig> routes();

    interface RouteConfig {
        /** Matched on a segment boundary: /v1/postings takes /v1/postings and /v1/postings/1, not /v1/postingsX. */
        String prefix();

        /** The name of one of {@link #upstreams()}. */
        String upstream();

        /** Methods served without a token (GET,HEAD for the public reads); none when absent. */
        Optional<List<String>> anonymousMethods();

        /**
         * A POST to the prefix itself applies for a job, with a resume: it may be as large as
         * {@link #maxApplyBodySize()}, and candidates draw from the tighter candidate-apply rate limit.
         */
        @WithDefault("false")
        boolean applying();
    }

    /** Per-upstream timeouts overriding {@link #defaultTimeout()}. */
    Map<String, Duration> timeouts();

    /**
     * How long an upstream may stay silent once it has the whole request (and between bytes of its answer) before the
     * client gets a 504; also how long it may take no byte of a request body. Counted from the end of the request, so
     * a slow upload is never the upstream's timeout.
     */
    @WithDefault("10s")
    Duration defaultTimeout();

    /**
     * How long a client may send no byte of its request body before it gets a 408. Progress, not total duration: a
     * 5 MB resume over a slow mobile network takes as long as it takes while bytes keep coming.
     */
    @WithDefault("30s")
    Duration clientIdleTimeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Largest request body in bytes; larger is 413. */
    @WithDefault("1048576")
    long maxBodySize();

    /** Largest body of an application (POST /v1/applications, with its resume). */
    @WithDefault("7864320")
    long maxApplyBodySize();

    /** Proxies whose X-Forwarded-For is believed (exact addresses); nobody else's is. */
    Optional<List<String>> trustedProxies();

    /** Where integrators reach the gateway: the server of the merged OpenAPI document and feed links. */
    @WithDefault("http://127.0.0.1:8080")
    String publicUrl();

    /** The Keycloak realm's public URL, for the OpenAPI security schemes. */
    @WithDefault("http://127.0.0.1:8180/realms/jobboard")
    String realmUrl();

    /** How often the services' OpenAPI documents are fetched again. */
    @WithDefault("5m")
    Duration openapiRefresh();

    RateLimits rateLimit();

    Breaker breaker();

    AccessLogging accessLog();

    interface AccessLogging {
        /** One JSON line per request on standard output (method, route, path, status, duration, upstream, request id). */
        @WithDefault("true")
        boolean enabled();

        /** Lines are written in batches at this interval (and when 64 KB have gathered). */
        @WithDefault("200ms")
        Duration flushInterval();
    }

    interface RateLimits {
        /** memory (per replica) or redis (shared by all replicas). */
        @WithDefault("memory")
        String mode();

        /** For mode redis, e.g. redis://127.0.0.1:6379. */
        @WithDefault("redis://127.0.0.1:6379")
        String redisUrl();

        /**
         * Limits by policy name, "requests/period" (60/1m, 3000/1m): anonymous, candidate, recruiter, admin,
         * aggregator, and candidate-apply for POST /v1/applications.
         */
        Map<String, String> limits();
    }

    interface Breaker {
        /** Consecutive failures of an instance that open its breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker rejects before letting one probe through. */
        @WithDefault("10s")
        Duration openDuration();
    }
}
