package org.jobboard.gateway.security;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.platform.problem.ProblemWriter;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refuses a cross-origin request that Quarkus's CORS filter would refuse, but as RFC 9457 problem+json: that filter
 * answers 403 with an empty body. Runs just before it, on the same configuration ({@code quarkus.http.cors.*}, matched
 * with the filter's own regex helpers), and lets everything it allows through to it, so allowed origins, credentials
 * and preflights stay Quarkus's.
 * <p>
 * An Origin equal to the gateway's public URL is its own (Swagger UI served here): it is not cross-origin. Quarkus
 * compares the Origin with the Host and scheme this server sees, which behind a TLS-terminating ingress are not the
 * public ones, so that header is dropped before the CORS filter instead of letting it refuse our own pages.
 */
@ApplicationScoped
public class CorsOriginGuard {
    /** Quarkus installs its filters at route order -priority; this runs first. */
    static final int ORDER = -SecurityHandlerPriorities.CORS - 1;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.cors.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.http.cors.origins")
    Optional<List<String>> origins;

    @ConfigProperty(name = "quarkus.http.cors.methods")
    Optional<List<String>> methods;

    private List<Pattern> originPatterns;
    private String publicOrigin;

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        originPatterns = CORSFilter.parseAllowedOriginsRegex(origins);
        publicOrigin = serializedOrigin(URI.create(config.publicUrl()));
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
        } else if (origin.equalsIgnoreCase(publicOrigin)) {
            request.headers().remove(HttpHeaders.ORIGIN);
            ctx.next();
        } else if (isListed(origin)) {
            if (isPreflight(request) || methodAllowed(request.method())) {
                ctx.next();
            } else {
                ProblemWriter.write(ctx, 403, "cors-method-not-allowed", "Forbidden",
                        "method not allowed: " + request.method().name() + " is not allowed for cross-origin requests");
            }
        } else if (isRequestsOwnOrigin(request, origin)) {
            ctx.next();
        } else {
            ProblemWriter.write(ctx, 403, "origin-not-allowed", "Forbidden",
                    "origin not allowed: the Origin header names an origin this API does not serve cross-origin requests to");
        }
    }

    private boolean isListed(String origin) {
        if (origins.isEmpty()) {
            return false;
        }
        List<String> listed = origins.get();
        return isWildcard(listed) || listed.contains(origin) || CORSFilter.isOriginAllowedByRegex(originPatterns, origin);
    }

    private static boolean isWildcard(List<String> listed) {
        return listed.size() == 1 && (listed.get(0).equals("*") || listed.get(0).equals("/.*/"));
    }

    private boolean methodAllowed(HttpMethod method) {
        return CORSFilter.isConfiguredWithWildcard(methods)
                || methods.get().stream().anyMatch(m -> m.strip().equals(method.name())); // exact, as Quarkus compares them
    }

    private static boolean isPreflight(HttpServerRequest request) {
        return request.method() == HttpMethod.OPTIONS
                && (request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null
                        || request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS) != null);
    }

    /** Same origin as the scheme and Host of the request itself (what Quarkus accepts without configuration). */
    private static boolean isRequestsOwnOrigin(HttpServerRequest request, String origin) {
        HostAndPort own = request.authority();
        if (own == null) {
            return false;
        }
        try {
            String asked = serializedOrigin(URI.create(origin));
            return asked != null && asked.equalsIgnoreCase(serializedOrigin(request.scheme(), own.host(), own.port()));
        } catch (IllegalArgumentException e) {
            return false; // not a URL at all
        }
    }

    /** RFC 6454 serialization; null for an opaque origin ("null"). */
    static String serializedOrigin(URI uri) {
        return uri.getScheme() == null || uri.getHost() == null ? null
                : serializedOrigin(uri.getScheme(), uri.getHost(), uri.getPort());
    }

    /** scheme://host[:port], the port left out when it is the scheme's default (as browsers send it). */
    private static String serializedOrigin(String scheme, String host, int port) {
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (lowerScheme.equals("http") && port == 80) || (lowerScheme.equals("https") && port == 443);
        return lowerScheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
