package org.jobboard.platform.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.ProblemWriter;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Set;

/**
 * A request target that is not a valid URI ({@code /v1/postings/%zz}, {@code ?q=%zz}, a raw {@code |}) is the client's
 * 400 problem+json naming the path or the query. Quarkus' own root handler refuses such targets with an empty 400
 * before any route runs, unless the JVM property {@code vertx.disableURIValidation} is set when it is built: this class
 * sets it (as a config source, which Quarkus loads before it builds its HTTP handlers) and makes the same check as the
 * first route instead, with an answer the client can read.
 */
@ApplicationScoped
public class RequestTargetCheck {

    void routes(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(RequestTargetCheck::check);
    }

    static void check(RoutingContext ctx) {
        String problem = problem(ctx.request().uri());
        if (problem == null) {
            ctx.next();
            return;
        }
        ProblemWriter.write(ctx, ApiException.badParameter(problem, "is not a valid URI (check its percent-encoding)"));
    }

    /** "path" or "query" when that part of the target does not parse as a URI, else null. */
    static String problem(String target) {
        try {
            new URI(target);
            return null;
        } catch (URISyntaxException e) {
            int query = target.indexOf('?');
            return query >= 0 && e.getIndex() > query ? "query" : "path";
        }
    }

    /** Hands the check over from Quarkus' root handler to {@link RequestTargetCheck} (see the class comment). */
    public static final class HandOver implements ConfigSource {
        static {
            System.setProperty("vertx.disableURIValidation", "true");
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public Map<String, String> getProperties() {
            return Map.of();
        }

        @Override
        public String getValue(String propertyName) {
            return null;
        }

        @Override
        public String getName() {
            return "jobboard-request-target-check";
        }

        @Override
        public int getOrdinal() {
            return 0;
        }
    }
}
