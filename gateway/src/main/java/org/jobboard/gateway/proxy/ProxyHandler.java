package org.jobboard.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Future;
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
import io.vertx.core.http.HttpVersion;
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
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
    /** Response headers carrying absolute URLs of the service, rewritten to the public URL. */
    private static final Set<String> LINK_HEADERS = Set.of("location", "content-location", "link");
    /** RFC 9110 7.6.1 hop-by-hop headers, never forwarded. */
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
        router.route("/v1/*").handler(ctx -> handle(ctx, false));
        // a token that failed validation (proactive authentication, before any handler) comes here rather than to the
        // platform's failure handler, so that it is rate-limited like any anonymous request
        router.route("/v1/*").order(-100).failureHandler(ctx -> {
            if (ctx.failure() instanceof AuthenticationFailedException || ctx.failure() instanceof UnauthorizedException) {
                handle(ctx, true);
            } else {
                ctx.next();
            }
        });
    }

    public Map<String, Upstream> upstreams() {
        return upstreams;
    }

    /** @param tokenRejected the request's token failed validation */
    void handle(RoutingContext ctx, boolean tokenRejected) {
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
        // credentials that gave no identity (an empty "Bearer ", another scheme) are refused, not served anonymously
        boolean unauthenticated = tokenRejected || anonymous && request.headers().contains(HttpHeaders.AUTHORIZATION);
        boolean refused = unauthenticated || anonymous && !AccessPolicy.anonymousAllowed(request.method(), request.path());
        long maxBody = isApply(request) ? config.maxApplyBodySize() : config.maxBodySize();
        String contentLength = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (contentLength != null && parseLength(contentLength) > maxBody) {
            rejectAndClose(ctx, 413, "too-large", "Payload too large", "the request body may be at most " + maxBody + " bytes");
            return;
        }
        // refused requests are counted too, per client address: guessing tokens costs the anonymous rate
        RatePolicy.Bucket bucket = RatePolicy.of(unauthenticated ? null : identity, request.method(), request.path(),
                clientIp(request));
        Limit limit = limits.get(bucket.policy());
        Runnable proceed = refused ? () -> unauthorized(ctx) : () -> forward(ctx, upstream, id, maxBody);
        if (limit == null) {
            proceed.run();
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
            proceed.run();
        }, failure -> {
            // the shared limiter is down: serve rather than fail every request (limits resume when it is back)
            LOG.warnf("rate limiter unavailable, request let through: %s", failure.toString());
            proceed.run();
        });
    }

    private void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        reject(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
    }

    private void forward(RoutingContext ctx, Upstream upstream, String requestId, long maxBody) {
        List<Upstream.Instance> candidates = upstream.candidates();
        if (candidates.isEmpty()) {
            reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + upstream.name()
                    + " service is unavailable (circuit open); retry shortly");
            return;
        }
        long timeout = config.timeouts().getOrDefault(upstream.name(), config.defaultTimeout()).toMillis();
        send(new Attempt(ctx, upstream, candidates, 0, requestId, timeout, maxBody));
    }

    /** One try of a request on one of the upstream's instances; {@link #next()} is the same request on the next one. */
    private record Attempt(RoutingContext ctx, Upstream upstream, List<Upstream.Instance> candidates, int index,
            String requestId, long timeoutMillis, long maxBody) {
        Upstream.Instance instance() {
            return candidates.get(index);
        }

        boolean hasNext() {
            return index + 1 < candidates.size();
        }

        Attempt next() {
            return new Attempt(ctx, upstream, candidates, index + 1, requestId, timeoutMillis, maxBody);
        }
    }

    private void send(Attempt attempt) {
        RoutingContext ctx = attempt.ctx();
        HttpServerRequest request = ctx.request();
        Upstream.Instance instance = attempt.instance();
        if (!instance.breaker().tryAcquire()) {
            // its half-open probe was taken meanwhile: the next instance, or 502 when none is left
            if (attempt.hasNext()) {
                send(attempt.next());
            } else {
                reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + attempt.upstream().name()
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
                .setURI(request.uri());
        client().request(options).onComplete(connected -> {
            if (connected.failed()) {
                BreakerVerdict.ofFailure(connected.cause(), false, false).applyTo(instance.breaker());
                if (connected.cause() instanceof ConnectException && attempt.hasNext()) {
                    send(attempt.next()); // nothing was sent
                } else {
                    fail(ctx, attempt.upstream(), connected.cause());
                }
                return;
            }
            exchange(attempt, connected.result());
        });
    }

    /** Streams the request to the instance and its answer back. */
    private void exchange(Attempt attempt, HttpClientRequest upstreamRequest) {
        RoutingContext ctx = attempt.ctx();
        HttpServerRequest request = ctx.request();
        copyRequestHeaders(request, upstreamRequest.headers(), attempt.requestId());
        ClientBody body = hasBody(request) ? new ClientBody(vertx, request, attempt.maxBody(),
                config.clientIdleTimeout().toMillis(), attempt.timeoutMillis(),
                trouble -> onClientBodyTrouble(attempt, upstreamRequest, trouble)) : null;
        boolean[] requestSent = {false};
        upstreamRequest.response().onComplete(answered -> {
            if (body != null) {
                body.stop();
            }
            // an upstream that stopped taking the body is the instance's failure, every other trouble the client's
            boolean clientAtFault = body != null && body.trouble() != null
                    && body.trouble() != ClientBody.Trouble.UPSTREAM_NOT_READING;
            if (answered.failed()) {
                BreakerVerdict.ofFailure(answered.cause(), requestSent[0], clientAtFault)
                        .applyTo(attempt.instance().breaker());
                if (clientAtFault) {
                    return; // the client has had its answer (or is gone)
                }
                if (retryable(request) && attempt.hasNext() && !BreakerVerdict.isTimeout(answered.cause())) {
                    send(attempt.next()); // a connection that broke under an idempotent bodiless request
                } else {
                    fail(ctx, attempt.upstream(), answered.cause());
                }
                return;
            }
            HttpClientResponse response = answered.result();
            BreakerVerdict.ofStatus(response.statusCode(), response.headers().contains(HttpHeaders.RETRY_AFTER))
                    .applyTo(attempt.instance().breaker());
            if (response.statusCode() == 503 && retryable(request) && attempt.hasNext()) {
                // an instance shutting down (rolling restart) refuses new work: ask the next one
                response.body().onComplete(drained -> send(attempt.next()));
                return;
            }
            relay(ctx, response, attempt.instance());
        });
        Future<Void> sent;
        if (body == null) {
            // a bodiless request is sent as such: its (empty) stream was consumed by the first attempt and would
            // never end again for a retry
            request.resume(); // nothing to read; let the connection go on to its next request
            sent = upstreamRequest.end();
        } else {
            if (!upstreamRequest.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                upstreamRequest.setChunked(true);
            }
            ctx.addEndHandler(done -> body.stop());
            // a body broken off by its client is not ended upstream: the instance must not take it as complete
            sent = body.pipe().endOnFailure(false).to(upstreamRequest);
        }
        sent.onSuccess(done -> {
            requestSent[0] = true;
            // the instance's silence is counted from here on: a slow client is not a slow instance
            upstreamRequest.idleTimeout(attempt.timeoutMillis());
        });
    }

    /** The client's body went wrong: the upstream request is dropped, and the client answered if it is still there. */
    private void onClientBodyTrouble(Attempt attempt, HttpClientRequest upstreamRequest, ClientBody.Trouble trouble) {
        RoutingContext ctx = attempt.ctx();
        upstreamRequest.exceptionHandler(reset -> LOG.debugf("upstream request dropped: %s", trouble));
        upstreamRequest.reset();
        switch (trouble) {
            case TOO_LARGE -> rejectAndClose(ctx, 413, "too-large", "Payload too large",
                    "the request body may be at most " + attempt.maxBody() + " bytes");
            case CLIENT_STALLED -> rejectAndClose(ctx, 408, "request-timeout", "Request timeout",
                    "no byte of the request body arrived for " + config.clientIdleTimeout().toSeconds()
                            + " s; send it again");
            case UPSTREAM_NOT_READING -> rejectAndClose(ctx, 504, "upstream-timeout", "Gateway timeout",
                    "the " + attempt.upstream().name() + " service did not take the request body in time");
            case CLIENT_ABORTED -> LOG.debugf("client aborted its request body: %s", ctx.request().path());
        }
    }

    /**
     * A service builds absolute links from the Host it was called with — its own address behind the gateway. They are
     * given back to the client with the configured public URL (like a reverse proxy's redirect rewriting), never with
     * the Host or X-Forwarded-Host the request came with: a link names no internal host, and a client cannot make the
     * gateway hand out links to a host of its choosing (Host-header injection into Location, Link and the cache).
     */
    String publicLinks(String value, Upstream.Instance instance) {
        String scheme = instance.tls() ? "https" : "http";
        String internal = scheme + "://" + instance.host() + ":" + instance.port();
        String internalDefaultPort = scheme + "://" + instance.host();
        if (!value.contains(internalDefaultPort)) {
            return value;
        }
        String origin = publicUrl();
        String rewritten = value.replace(internal, origin);
        boolean defaultPort = instance.port() == (instance.tls() ? 443 : 80);
        return defaultPort ? rewritten.replace(internalDefaultPort + "/", origin + "/") : rewritten;
    }

    private String publicUrl() {
        return config.publicUrl().replaceAll("/+$", "");
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
                response.headers().add(name, publicLinks(value, instance));
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
        // what the service may build links from: the public URL, never the client's Host
        URI publicUrl = URI.create(config.publicUrl());
        target.set("X-Forwarded-Proto", publicUrl.getScheme());
        target.set("X-Forwarded-Host", publicUrl.getRawAuthority());
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

    /**
     * Answers before (or instead of) forwarding. An unread body is read and dropped so that the connection can serve its
     * next request, but only up to the body limit: a refused 100 MB upload is cut off, not read to its end.
     */
    private void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerRequest request = ctx.request();
        if (!request.isEnded() && request.version() != HttpVersion.HTTP_2) {
            long limit = config.maxBodySize();
            long[] dropped = {0};
            request.handler(buffer -> {
                dropped[0] += buffer.length();
                if (dropped[0] > limit) {
                    request.handler(null);
                    request.connection().close();
                }
            });
        }
        request.resume();
        ProblemWriter.write(ctx, status, slug, title, detail);
    }

    /**
     * Answers and then closes the connection rather than reading the rest of a body we will not use (a 100 MB upload
     * is not read to its end to keep the connection alive). HTTP/2 streams are reset by Vert.x instead; their
     * connection is shared with other requests.
     */
    private void rejectAndClose(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerRequest request = ctx.request();
        request.pause();
        if (request.version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.addEndHandler(done -> request.connection().close());
        }
        ProblemWriter.write(ctx, status, slug, title, detail);
    }

    private void fail(RoutingContext ctx, Upstream upstream, Throwable cause) {
        if (BreakerVerdict.isTimeout(cause)) {
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
