package org.jobboard.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.platform.problem.ProblemWriter;

/** The answers the gateway gives itself instead of the upstream's, all problem+json. */
@ApplicationScoped
public class Rejections {
    private static final Logger LOG = Logger.getLogger(Rejections.class);

    @Inject
    GatewayConfig config;

    /**
     * Answers before (or instead of) forwarding. An unread body is read and dropped so that the connection can serve its
     * next request, but only up to the body limit: a refused 100 MB upload is cut off, not read to its end.
     */
    void reject(RoutingContext ctx, int status, String slug, String title, String detail) {
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
    void rejectAndClose(RoutingContext ctx, int status, String slug, String title, String detail) {
        HttpServerRequest request = ctx.request();
        request.pause();
        if (request.version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ctx.addEndHandler(done -> request.connection().close());
        }
        ProblemWriter.write(ctx, status, slug, title, detail);
    }

    void notFound(RoutingContext ctx) {
        reject(ctx, 404, "not-found", "Not found", "no API at this path");
    }

    void unauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        reject(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
    }

    void tooLarge(RoutingContext ctx, long maxBody) {
        rejectAndClose(ctx, 413, "too-large", "Payload too large", "the request body may be at most " + maxBody + " bytes");
    }

    void circuitOpen(RoutingContext ctx, Upstream upstream) {
        reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + upstream.name()
                + " service is unavailable (circuit open); retry shortly");
    }

    /** The upstream could not be reached (502) or did not answer in time (504). */
    void upstreamFailed(RoutingContext ctx, Upstream upstream, Throwable cause) {
        if (BreakerVerdict.isTimeout(cause)) {
            reject(ctx, 504, "upstream-timeout", "Gateway timeout",
                    "the " + upstream.name() + " service did not answer in time");
        } else {
            LOG.debugf("upstream %s failed: %s", upstream.name(), cause.toString());
            reject(ctx, 502, "upstream-unavailable", "Bad gateway", "the " + upstream.name() + " service is unavailable");
        }
    }
}
