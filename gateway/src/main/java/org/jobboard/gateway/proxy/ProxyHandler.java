package org.jobboard.gateway.proxy;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.gateway.ratelimit.RatePolicy;
import org.jobboard.gateway.route.Route;
import org.jobboard.gateway.route.RouteTable;
import org.jobboard.gateway.security.AccessPolicy;
import org.jobboard.gateway.time.Ticker;

import java.util.Optional;
import java.util.UUID;

/**
 * The gateway's one route, /v1/*. In order: a request id, the route (404 when none), the body limit (413 on a
 * declared Content-Length), the access policy (token already validated by quarkus-oidc), a rate-limit token; then
 * {@link UpstreamForwarder} streams the request to the route's upstream and {@link ResponseRelay} its answer back.
 * Every request ends with one access-log line and a timer sample. CORS and the security headers are checked before
 * this route ({@code security} package).
 */
@ApplicationScoped
public class ProxyHandler {
    private static final Logger LOG = Logger.getLogger(ProxyHandler.class);

    @Inject
    GatewayConfig config;

    @Inject
    RouteTable routes;

    @Inject
    Upstreams upstreams;

    @Inject
    RateLimitGuard rateLimits;

    @Inject
    UpstreamForwarder forwarder;

    @Inject
    ForwardedHeaders headers;

    @Inject
    Rejections rejections;

    @Inject
    AccessLog accessLog;

    @Inject
    RequestMetrics metrics;

    @Inject
    Ticker ticker;

    void start(@Observes StartupEvent event) {
        routes.routes().forEach(route -> LOG.infof("route %s -> %s %s", route.prefix(), route.upstream(),
                upstreams.get(route.upstream()).instances().stream().map(Upstream.Instance::address).toList()));
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

    /** @param tokenRejected the request's token failed validation */
    void handle(RoutingContext ctx, boolean tokenRejected) {
        HttpServerRequest request = ctx.request();
        request.pause();
        long started = ticker.nanos();
        String requestId = requestId(request);
        ctx.response().putHeader(ForwardedHeaders.REQUEST_ID, requestId);
        Optional<Route> match = routes.match(request.path());
        String routeLabel = match.map(Route::prefix).orElse("unmatched");
        ctx.addBodyEndHandler(v -> record(ctx, routeLabel, requestId, ticker.nanos() - started));
        if (match.isEmpty()) {
            rejections.notFound(ctx);
            return;
        }
        Route route = match.get();
        Upstream upstream = upstreams.get(route.upstream());
        ctx.put("upstream", upstream.name());

        boolean applying = route.isApply(request.method(), request.path());
        long maxBody = applying ? config.maxApplyBodySize() : config.maxBodySize();
        if (declaredLength(request) > maxBody) {
            rejections.tooLarge(ctx, maxBody);
            return;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        AccessPolicy.Verdict access = AccessPolicy.decide(route, request.method(), identity, tokenRejected,
                request.headers().contains(HttpHeaders.AUTHORIZATION));
        // refused requests are counted too, per client address: guessing tokens costs the anonymous rate
        RatePolicy.Bucket bucket = RatePolicy.of(access == AccessPolicy.Verdict.CREDENTIALS_REJECTED ? null : identity,
                applying, headers.clientIp(request));
        rateLimits.check(ctx, bucket, access.refused() ? () -> rejections.unauthorized(ctx)
                : () -> forwarder.forward(ctx, upstream, requestId, maxBody));
    }

    /** The client's X-Request-Id when it is a usable one, else a new one. */
    private static String requestId(HttpServerRequest request) {
        String requestId = request.getHeader(ForwardedHeaders.REQUEST_ID);
        if (requestId == null || requestId.isBlank() || requestId.length() > 200) {
            return UUID.randomUUID().toString();
        }
        return requestId;
    }

    /** The Content-Length the client declared; 0 without one, and beyond any limit when it is not a number. */
    private static long declaredLength(HttpServerRequest request) {
        String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (value == null) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private void record(RoutingContext ctx, String route, String requestId, long nanos) {
        String upstream = ctx.get("upstream");
        metrics.record(route, upstream == null ? "none" : upstream, ctx.response().getStatusCode(), nanos);
        if (accessLog.enabled()) {
            accessLog.log(ctx, route, requestId, nanos);
        }
    }
}
