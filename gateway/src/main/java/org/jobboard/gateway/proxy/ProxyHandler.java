package org.jobboard.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
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
import org.jobboard.gateway.security.AccessPolicy;
import org.jobboard.platform.problem.ProblemWriter;

import java.net.ConnectException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The gateway's one route: checks the caller (token already validated by quarkus-oidc), takes a rate-limit token,
 * then streams the request to the upstream that owns the path prefix and the response back, without buffering
 * bodies. An instance that refuses the connection (nothing was sent) or whose breaker is open is skipped; a silent
 * upstream gives 504, one that cannot be reached 502, an oversized body 413 — all problem+json.
 */
@ApplicationScoped
public class ProxyHandler {
    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    public static final String REQUEST_ID = "X-Request-Id";
    /** RFC 9110 7.6.1 hop-by-hop headers, never forwarded. */
    /** Response headers carrying absolute URLs of the service, rewritten to the client's origin. */
    private static final Set<String> LINK_HEADERS = Set.of("location", "content-location", "link");
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection", "host");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    @Inject
    MeterRegistry metrics;

    @Inject
    AccessLog accessLog;

    private HttpClientOptions clientOptions;
    /** Used off the event loops only (e.g. a callback of the Redis limiter on another thread). */
    private HttpClient sharedClient;
    /**
     * One client per event loop: its pooled upstream connections live on the loop that serves the incoming request,
     * so a proxied exchange never hops between threads (each hop costs a wake-up and shows as added latency).
     */
    private final Map<Thread, HttpClient> clientsByEventLoop = new ConcurrentHashMap<>();
    private final Map<String, Upstream> upstreams = new HashMap<>();
    private final Map<String, Limit> limits = new HashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private RateLimiter limiter;
    private Redis redis;

    void start(@Observes StartupEvent event) {
        long breakerOpen = config.breaker().openDuration().toNanos();
        config.upstreams().forEach((name, urls) -> upstreams.put(name,
                new Upstream(name, urls, config.breaker().failureThreshold(), breakerOpen, System::nanoTime)));
        config.rateLimit().limits().forEach((name, value) -> limits.put(name, Limit.parse(name, value)));
        clientOptions = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false);
        sharedClient = vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(200));
        if ("redis".equals(config.rateLimit().mode())) {
            redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(config.rateLimit().redisUrl()));
            limiter = new RedisRateLimiter(io.vertx.mutiny.redis.client.Redis.newInstance(redis), "jobboard:rl:");
        } else {
            InMemoryRateLimiter memory = new InMemoryRateLimiter(System::nanoTime);
            limits.values().stream().max(java.util.Comparator.comparing(Limit::period))
                    .ifPresent(longest -> vertx.setPeriodic(60_000, id -> memory.evictIdle(longest)));
            limiter = memory;
        }
        LOG.infof("gateway routes to %s; rate limits (%s): %s", config.upstreams(), config.rateLimit().mode(), limits);
    }

    void stop(@Observes ShutdownEvent event) {
        if (redis != null) {
            redis.close();
        }
    }

    void routes(@Observes Router router) {
        router.route("/v1/*").handler(this::handle);
    }

    public Map<String, Upstream> upstreams() {
        return upstreams;
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        long started = System.nanoTime();
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 200) {
            requestId = UUID.randomUUID().toString();
        }
        ctx.response().putHeader(REQUEST_ID, requestId);
        var match = RouteTable.match(request.path());
        String route = match.map(RouteTable.Route::prefix).orElse("unmatched");
        String id = requestId;
        ctx.addBodyEndHandler(v -> accessLog(ctx, route, id, started));

        Upstream upstream = match.map(r -> upstreams.get(r.upstream())).orElse(null);
        if (upstream == null) {
            reject(ctx, 404, "not-found", "Not found", "no API at this path");
            return;
        }
        ctx.put("upstream", upstream.name());
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        boolean anonymous = identity == null || identity.isAnonymous();
        if (anonymous && !AccessPolicy.anonymousAllowed(request.method(), request.path())) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            reject(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
            return;
        }
        long maxBody = isApply(request) ? config.maxApplyBodySize() : config.maxBodySize();
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && parseLength(contentLength) > maxBody) {
            reject(ctx, 413, "too-large", "Payload too large", "the request body may be at most " + maxBody + " bytes");
            return;
        }
        RatePolicy.Bucket bucket = RatePolicy.of(identity, request.method(), request.path(), clientIp(request));
        Limit limit = limits.get(bucket.policy());
        if (limit == null) {
            forward(ctx, upstream, requestId, maxBody);
            return;
        }
        limiter.acquire(bucket.callerKey(), limit).subscribe().with(decision -> {
            rateLimitHeaders(ctx.response(), decision);
            if (!decision.allowed()) {
                ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
                reject(ctx, 429, "rate-limited", "Too many requests",
                        "the " + limit.name() + " limit is " + limit.requests() + " requests per " + limit.period()
                                + "; retry after " + decision.retryAfterSeconds() + " s");
                return;
            }
            forward(ctx, upstream, id, maxBody);
        }, failure -> {
            // the shared limiter is down: serve rather than fail every request (limits resume when it is back)
            LOG.warnf("rate limiter unavailable, request let through: %s", failure.toString());
            forward(ctx, upstream, id, maxBody);
        });
    }

    private void forward(RoutingContext ctx, Upstream upstream, String requestId, long maxBody) {
        List<Upstream.Instance> candidates = upstream.candidates();
        if (candidates.isEmpty()) {
            reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + upstream.name()
                    + " service is unavailable (circuit open); retry shortly");
            return;
        }
        Map<String, java.time.Duration> timeouts = config.timeouts();
        long timeout = timeouts.getOrDefault(upstream.name(), config.defaultTimeout()).toMillis();
        send(ctx, upstream, candidates, 0, requestId, timeout, maxBody);
    }

    private void send(RoutingContext ctx, Upstream upstream, List<Upstream.Instance> candidates, int attempt,
            String requestId, long timeoutMillis, long maxBody) {
        HttpServerRequest request = ctx.request();
        Upstream.Instance instance = candidates.get(attempt);
        if (!instance.breaker().tryAcquire()) {
            // its half-open probe was taken meanwhile: the next instance, or 502 when none is left
            if (attempt + 1 < candidates.size()) {
                send(ctx, upstream, candidates, attempt + 1, requestId, timeoutMillis, maxBody);
            } else {
                reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + upstream.name()
                        + " service is unavailable (circuit open); retry shortly");
            }
            return;
        }
        ctx.put("instance", instance.address());
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.tls())
                .setURI(request.uri())
                .setIdleTimeout(timeoutMillis);
        client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                instance.breaker().onFailure();
                if (connected.cause() instanceof ConnectException && attempt + 1 < candidates.size()) {
                    send(ctx, upstream, candidates, attempt + 1, requestId, timeoutMillis, maxBody); // nothing was sent
                } else {
                    fail(ctx, upstream, connected.cause());
                }
                return;
            }
            HttpClientRequest upstreamRequest = connected.result();
            copyRequestHeaders(request, upstreamRequest.headers(), requestId);
            BodyLimit body = new BodyLimit(request, maxBody, () -> {
                upstreamRequest.reset();
                reject(ctx, 413, "too-large", "Payload too large", "the request body may be at most " + maxBody + " bytes");
            });
            // a bodiless request is sent as such: its (empty) stream was consumed by the first attempt and would
            // never end again for a retry
            if (!hasBody(request)) {
                request.resume(); // nothing to read; let the connection go on to its next request
            }
            var sent = hasBody(request) ? upstreamRequest.send(body) : upstreamRequest.send();
            sent.onComplete(answered -> {
                if (body.exceeded()) {
                    return;
                }
                boolean retryable = retryable(request) && attempt + 1 < candidates.size();
                if (answered.failed()) {
                    instance.breaker().onFailure();
                    if (retryable && !isTimeout(answered.cause())) {
                        // a connection that broke under an idempotent request without a body: the next instance
                        send(ctx, upstream, candidates, attempt + 1, requestId, timeoutMillis, maxBody);
                    } else {
                        fail(ctx, upstream, answered.cause());
                    }
                    return;
                }
                HttpClientResponse response = answered.result();
                if (response.statusCode() >= 500) {
                    instance.breaker().onFailure();
                } else {
                    instance.breaker().onSuccess();
                }
                if (response.statusCode() == 503 && retryable) {
                    // an instance shutting down (rolling restart) refuses new work: ask the next one
                    response.body().onComplete(drained -> send(ctx, upstream, candidates, attempt + 1, requestId,
                            timeoutMillis, maxBody));
                    return;
                }
                relay(ctx, response, instance);
            });
        });
    }

    /**
     * A service builds absolute links from the Host it was called with — its own address behind the gateway. They
     * are given back to the client with the origin it called (like a reverse proxy's redirect rewriting), so a
     * Location or a next-page Link never names an internal host.
     */
    String publicLinks(String value, Upstream.Instance instance, HttpServerRequest request) {
        String scheme = instance.tls() ? "https" : "http";
        String internal = scheme + "://" + instance.host() + ":" + instance.port();
        String internalDefaultPort = scheme + "://" + instance.host();
        if (!value.contains(internalDefaultPort)) {
            return value;
        }
        String origin = publicOrigin(request);
        String rewritten = value.replace(internal, origin);
        boolean defaultPort = instance.port() == (instance.tls() ? 443 : 80);
        return defaultPort ? rewritten.replace(internalDefaultPort + "/", origin + "/") : rewritten;
    }

    /** The scheme and host the client used (as told by a trusted proxy in front of us, if any). */
    private String publicOrigin(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress();
        boolean trusted = config.trustedProxies().orElse(List.of()).contains(peer);
        String proto = trusted && request.getHeader("X-Forwarded-Proto") != null
                ? request.getHeader("X-Forwarded-Proto").split(",")[0].strip()
                : request.scheme() == null ? "http" : request.scheme();
        String host = trusted && request.getHeader("X-Forwarded-Host") != null
                ? request.getHeader("X-Forwarded-Host").split(",")[0].strip()
                : request.authority() == null ? null : request.authority().toString();
        if (host == null || !(proto.equals("http") || proto.equals("https"))) {
            return config.publicUrl().replaceAll("/+$", "");
        }
        return proto + "://" + host;
    }

    private HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return sharedClient;
        }
        return clientsByEventLoop.computeIfAbsent(Thread.currentThread(),
                loop -> vertx.createHttpClient(clientOptions, new PoolOptions().setHttp1MaxSize(100)));
    }

    private void relay(RoutingContext ctx, HttpClientResponse upstreamResponse, Upstream.Instance instance) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(upstreamResponse.statusCode());
        upstreamResponse.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (LINK_HEADERS.contains(lower)) {
                response.headers().add(name, publicLinks(value, instance, ctx.request()));
            } else if (!HOP_BY_HOP.contains(lower) && !lower.equals("x-request-id") && !lower.equals("server")
                    && !lower.startsWith("ratelimit-")) {
                response.headers().add(name, value);
            }
        });
        response.send(upstreamResponse).onFailure(error -> LOG.debugf("response stream aborted: %s", error));
    }

    private void copyRequestHeaders(HttpServerRequest request, MultiMap target, String requestId) {
        request.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(lower) && !lower.startsWith("x-forwarded-") && !lower.equals("forwarded")
                    && !lower.equals("x-request-id")) {
                target.add(name, value);
            }
        });
        target.set(REQUEST_ID, requestId);
        if (!target.contains("traceparent")) {
            SpanContext span = Span.current().getSpanContext();
            if (span.isValid()) {
                target.set("traceparent", "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getTraceFlags().asHex());
            }
        }
        target.set("X-Forwarded-For", clientIp(request));
        target.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            target.set("X-Forwarded-Host", request.authority().toString());
        }
    }

    /** The client's address: the peer, or the first X-Forwarded-For hop when the peer is a trusted proxy. */
    String clientIp(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        List<String> trusted = config.trustedProxies().orElse(List.of());
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && trusted.contains(peer)) {
            return forwarded.split(",")[0].strip();
        }
        return peer;
    }

    /** Idempotent and bodiless: safe to send again to another instance. */
    private static boolean retryable(HttpServerRequest request) {
        return (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD) && !hasBody(request);
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (length != null && !length.strip().equals("0")) || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout");
    }

    private static boolean isApply(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && request.path().equals("/v1/applications");
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void rateLimitHeaders(HttpServerResponse response, Decision decision) {
        response.putHeader("RateLimit-Limit", Long.toString(decision.limit()));
        response.putHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
        response.putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    private void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
        ctx.request().resume();
        ProblemWriter.write(ctx, status, slug, title, detail);
    }

    private void fail(RoutingContext ctx, Upstream upstream, Throwable cause) {
        if (isTimeout(cause)) {
            reject(ctx, 504, "upstream-timeout", "Gateway timeout",
                    "the " + upstream.name() + " service did not answer in time");
        } else {
            LOG.debugf("upstream %s failed: %s", upstream.name(), cause.toString());
            reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + upstream.name() + " service is unavailable");
        }
    }

    /** One JSON line per request; never a token, a body or a query string (it may carry personal data). */
    private void accessLog(RoutingContext ctx, String route, String requestId, long started) {
        long nanos = System.nanoTime() - started;
        int status = ctx.response().getStatusCode();
        String upstream = ctx.get("upstream");
        String upstreamName = upstream == null ? "none" : upstream;
        // one timer per (route, upstream, status), looked up rather than rebuilt on every request
        timers.computeIfAbsent(route + '|' + upstreamName + '|' + status, key -> Timer.builder("gateway.requests")
                .tag("route", route).tag("upstream", upstreamName).tag("status", Integer.toString(status))
                .register(metrics)).record(nanos, TimeUnit.NANOSECONDS);
        if (accessLog.enabled()) {
            Object instance = ctx.get("instance");
            StringBuilder line = new StringBuilder(256).append("{\"method\":\"").append(ctx.request().method())
                    .append("\",\"route\":\"").append(route)
                    .append("\",\"path\":\"").append(jsonSafe(ctx.request().path()))
                    .append("\",\"status\":").append(status)
                    .append(",\"durationMs\":").append(nanos / 10_000 / 100.0)
                    .append(",\"upstream\":\"").append(upstream == null ? "" : upstream)
                    .append("\",\"instance\":\"").append(instance == null ? "" : instance)
                    .append("\",\"requestId\":\"").append(jsonSafe(requestId)).append("\"}");
            accessLog.append(line);
        }
    }

    /** Escapes what would break the JSON line; client-controlled text (path, request id) never forges a field. */
    static String jsonSafe(String value) {
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = c == '\\' ? "\\\\" : c == '"' ? "\\\"" : c < 0x20 ? "?" : null;
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return escaped == null ? value : escaped.toString();
    }
}
