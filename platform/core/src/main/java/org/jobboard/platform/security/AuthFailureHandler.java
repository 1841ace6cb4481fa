package org.jobboard.platform.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jobboard.platform.problem.ProblemWriter;

/** Token failures found by proactive authentication (before any endpoint runs) answered as problem+json 401/403. */
@ApplicationScoped
public class AuthFailureHandler {
    void routes(@Observes Router router) {
        router.route().failureHandler(ctx -> {
            Throwable failure = ctx.failure();
            if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                ProblemWriter.write(ctx, 401, "unauthorized", "Unauthorized", "a valid bearer token is required");
            } else if (failure instanceof ForbiddenException) {
                ProblemWriter.write(ctx, 403, "forbidden", "Forbidden", "your role does not allow this operation");
            } else {
                ctx.next();
            }
        });
    }
}
