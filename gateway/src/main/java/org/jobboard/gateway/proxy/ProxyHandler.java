package org.jobboard.gateway.proxy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.platform.problem.ProblemWriter;
import org.jobboard.gateway.security.AccessPolicy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Streams requests to the upstream that owns the path prefix and the response back, without buffering bodies. An
 * instance that refuses the connection is skipped (nothing was sent to it yet); a silent upstream gives 504, one that
 * cannot be reached 502.
 */
@ApplicationScoped
public class ProxyHandler {
    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);
    public static final String REQUEST_ID = "X-Request-Id";
    /** RFC 9110 7.6.1 hop-by-hop headers, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "proxy-connection", "host");

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    private HttpClient client;
    private final Map<String, Upstream> upstreams = new HashMap<>();

    void start(@Observes StartupEvent event) {
        config.upstreams().forEach((name, urls) -> upstreams.put(name, new Upstream(name, urls)));
        client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(100));
    }

    void routes(@Observes Router router) {
        router.route("/v1/*").handler(this::handle);
    }

    void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        var route = RouteTable.match(request.path());
        Upstream upstream = route.map(r -> upstreams.get(r.upstream())).orElse(null);
        if (upstream == null) {
            request.resume();
            ProblemWriter.write(ctx, 404, "not-found", "Not found", "no API at this path");
            return;
        }
        if (!AccessPolicy.anonymousAllowed(request.method(), request.path()) && isAnonymous(ctx)) {
            request.resume();
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemWriter.write(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
            return;
        }
        String requestId = request.getHeader(REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 200) {
            requestId = UUID.randomUUID().toString();
        }
        ctx.response().putHeader(REQUEST_ID, requestId);
        Duration timeout = config.timeouts().getOrDefault(upstream.name(), config.defaultTimeout());
        send(ctx, upstream, upstream.nextStart(), 0, requestId, timeout);
    }

    private void send(RoutingContext ctx, Upstream upstream, int start, int attempt, String requestId,
            Duration timeout) {
        HttpServerRequest request = ctx.request();
        Upstream.Instance instance = upstream.pick(start, attempt);
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.tls())
                .setURI(request.uri())
                .setIdleTimeout(timeout.toMillis());
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                if (isRefused(connected.cause()) && attempt + 1 < upstream.size()) {
                    send(ctx, upstream, start, attempt + 1, requestId, timeout);
                } else {
                    fail(ctx, upstream, connected.cause());
                }
                return;
            }
            HttpClientRequest upstreamRequest = connected.result();
            copyRequestHeaders(request, upstreamRequest.headers(), requestId);
            upstreamRequest.send(request).onComplete(answered -> {
                if (answered.failed()) {
                    fail(ctx, upstream, answered.cause());
                    return;
                }
                relay(ctx, answered.result());
            });
        });
    }

    private void relay(RoutingContext ctx, HttpClientResponse upstreamResponse) {
        HttpServerResponse response = ctx.response();
        response.setStatusCode(upstreamResponse.statusCode());
        upstreamResponse.headers().forEach((name, value) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.equalsIgnoreCase(REQUEST_ID)
                    && !name.equalsIgnoreCase("server")) {
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
        String remote = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        if (remote != null) {
            target.set("X-Forwarded-For", remote);
        }
        target.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.authority() != null) {
            target.set("X-Forwarded-Host", request.authority().toString());
        }
    }

    private void fail(RoutingContext ctx, Upstream upstream, Throwable cause) {
        ctx.request().resume();
        if (cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            ProblemWriter.write(ctx, 504, "upstream-timeout", "Gateway timeout",
                    "the " + upstream.name() + " service did not answer in time");
        } else {
            LOG.debugf("upstream %s failed: %s", upstream.name(), cause.toString());
            ProblemWriter.write(ctx, 502, "upstream-unavailable", "Bad gateway",
                    "the " + upstream.name() + " service is unavailable");
        }
    }

    /** Proactive authentication has already rejected invalid tokens; no user here means no token was sent. */
    private static boolean isAnonymous(RoutingContext ctx) {
        return ctx.user() == null || (ctx.user() instanceof QuarkusHttpUser user && user.getSecurityIdentity().isAnonymous());
    }

    private static boolean isRefused(Throwable cause) {
        return cause instanceof ConnectException;
    }

    static boolean idempotent(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.PUT || method == HttpMethod.DELETE;
    }
}
