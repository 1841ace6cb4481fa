package org.jobboard.platform.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jobboard.platform.problem.Problem;

import java.util.Locale;

/**
 * Generated clients send {@code Accept: application/problem+json} (alone, or beside application/json) to say they
 * understand our errors, not that they want nothing else. Content negotiation would refuse them with 406 on every
 * operation whose success is JSON, XML, JSON-LD or no content at all. So a request whose Accept names problem+json
 * also accepts anything, at the lowest preference: the operation answers in its own media type, errors stay
 * problem+json, and the client's other preferences keep their order. Written once here rather than on every
 * {@code @Produces}; it also runs in the gateway, which forwards the widened header.
 */
@ApplicationScoped
public class ProblemJsonAccepted {
    static final String ANY_AT_LOWEST_PREFERENCE = "*/*;q=0.001";

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(ProblemJsonAccepted::widen);
    }

    static void widen(RoutingContext ctx) {
        var headers = ctx.request().headers();
        String widened = headers.contains(HttpHeaders.ACCEPT)
                ? widened(String.join(", ", headers.getAll(HttpHeaders.ACCEPT))) : null;
        if (widened != null) {
            headers.set(HttpHeaders.ACCEPT, widened);
        }
        ctx.next();
    }

    /** The Accept header to use instead, or null to keep it as sent. */
    static String widened(String accept) {
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains(Problem.MEDIA_TYPE)
                || accept.contains("*/*")) {
            return null;
        }
        return accept + ", " + ANY_AT_LOWEST_PREFERENCE;
    }
}
