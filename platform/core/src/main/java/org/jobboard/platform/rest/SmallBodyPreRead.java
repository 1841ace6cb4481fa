package org.jobboard.platform.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jobboard.platform.problem.ProblemWriter;

/**
 * Reads a small request body in full on the event loop, before the endpoint's worker thread takes the request.
 * Without it a blocking endpoint reads its body through a stream that the event loop feeds chunk by chunk, with a
 * thread hand-over (wait, notify, wake-up) per chunk: about 7 % of applications-service's CPU for a 100 KB multipart
 * apply (async-profiler, ./dev bench applications). Only bodies with a declared Content-Length up to
 * {@code jobboard.http.pre-read-max-body} (1 MB by default; 0 turns it off) are read so, keeping the memory a request
 * can hold bounded; larger and chunked bodies are streamed as before. The gateway turns it off: it streams bodies
 * through to the services.
 */
@ApplicationScoped
public class SmallBodyPreRead {
    @ConfigProperty(name = "jobboard.http.pre-read-max-body", defaultValue = "1M")
    MemorySize maxBody;

    void routes(@Observes Router router) {
        long limit = maxBody.asLongValue();
        if (limit <= 0) {
            return;
        }
        // after Quarkus' body-size check (a declared length over quarkus.http.limits.max-body-size is refused there)
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> preRead(ctx, limit));
    }

    static void preRead(RoutingContext ctx, long limit) {
        HttpServerRequest request = ctx.request();
        long length = declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length <= 0 || length > limit || request.isEnded() || ctx.body().buffer() != null) {
            ctx.next();
            return;
        }
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            // a client that waits for the go-ahead before sending the body (curl does above 1 KB) gets it here, as
            // it would from the endpoint's own body stream
            ctx.response().writeContinue();
        }
        request.body().onComplete(read -> {
            if (read.succeeded()) {
                ctx.setBody(read.result());
                ctx.next();
            } else if (!ctx.response().ended() && !ctx.response().closed()) {
                ProblemWriter.write(ctx, 400, "bad-request", "Bad request", "the request body could not be read");
            }
        });
        request.resume(); // the router may have paused it
    }

    public static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Quarkus answers a malformed length itself
        }
    }
}
