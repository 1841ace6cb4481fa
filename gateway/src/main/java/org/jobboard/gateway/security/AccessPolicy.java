package org.jobboard.gateway.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpMethod;
import org.jobboard.gateway.route.Route;
import org.jobboard.gateway.route.RouteTable;

/**
 * Who may call what: without a token only the methods a route lists as anonymous (reads of published postings,
 * organizations, feeds and search); everything else needs a bearer token. The token itself is validated by
 * quarkus-oidc before any route runs (proactive authentication), and again by the service.
 */
public final class AccessPolicy {
    /** What the gateway does with a request, as far as its caller is concerned. */
    public enum Verdict {
        /** A valid token, or none on a route that allows anonymous callers. */
        ALLOWED,
        /** Credentials that gave no identity: a rejected token, an empty "Bearer ", another scheme. */
        CREDENTIALS_REJECTED,
        /** No token where one is needed. */
        TOKEN_REQUIRED;

        public boolean refused() {
            return this != ALLOWED;
        }
    }

    private final RouteTable routes;

    public AccessPolicy(RouteTable routes) {
        this.routes = routes;
    }

    /** Whether {@code method} on {@code path} is served without a token (an unrouted path never is). */
    public boolean anonymousAllowed(HttpMethod method, String path) {
        return routes.match(path).map(route -> route.allowsAnonymous(method)).orElse(false);
    }

    /**
     * @param identity          the caller's identity (null or anonymous without a token)
     * @param tokenRejected     the request's token failed validation
     * @param sentAuthorization the request carried an Authorization header
     */
    public static Verdict decide(Route route, HttpMethod method, SecurityIdentity identity, boolean tokenRejected,
            boolean sentAuthorization) {
        boolean anonymous = identity == null || identity.isAnonymous();
        // credentials that gave no identity are refused, not served anonymously
        if (tokenRejected || anonymous && sentAuthorization) {
            return Verdict.CREDENTIALS_REJECTED;
        }
        return anonymous && !route.allowsAnonymous(method) ? Verdict.TOKEN_REQUIRED : Verdict.ALLOWED;
    }
}
