package org.jobboard.applications.rest;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jobboard.platform.problem.ProblemWriter;

/**
 * A body over quarkus.http.limits.max-body-size is refused with a problem+json 413 (Quarkus' own check, which runs
 * right after this one, answers with an empty body). It reads the declared Content-Length, before any byte of the
 * body is read, so nothing of it is buffered or written to disk.
 */
@ApplicationScoped
public class RequestBodyLimit {
    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    void routes(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ctx -> {
            String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (declared != null && tooLarge(declared, limit)) {
                // the rest of the body is not read: close the connection once the answer is out
                ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                ctx.response().endHandler(done -> ctx.request().connection().close());
                ProblemWriter.write(ctx, 413, "too-large", "Payload too large", "the request body is larger than "
                        + limit / (1024 * 1024) + " MB");
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String declared, long limit) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // Quarkus answers a malformed length itself
        }
    }
}
