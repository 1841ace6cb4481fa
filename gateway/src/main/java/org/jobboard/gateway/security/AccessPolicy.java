package org.jobboard.gateway.security;

import io.vertx.core.http.HttpMethod;

import java.util.List;

/**
 * Which requests the gateway lets through without a token: only reads of the public resources (published postings,
 * organizations, feeds, search). Everything else needs a bearer token; the token itself is validated by quarkus-oidc
 * before any route runs (proactive authentication), and again by the service.
 */
public final class AccessPolicy {
    private static final List<String> PUBLIC_READ_PREFIXES = List.of("/v1/postings", "/v1/organizations", "/v1/feeds",
            "/v1/search");

    private AccessPolicy() {
    }

    public static boolean anonymousAllowed(HttpMethod method, String path) {
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        return PUBLIC_READ_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }
}
