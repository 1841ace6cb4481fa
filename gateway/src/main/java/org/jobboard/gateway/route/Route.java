package org.jobboard.gateway.route;

import io.vertx.core.http.HttpMethod;

import java.util.Set;

/**
 * One path prefix of the public API: the upstream that owns it (the gateway rewrites nothing) and what the gateway
 * allows on it.
 *
 * @param anonymousMethods methods served without a token
 * @param applying         a POST to the prefix itself is a job application (larger body, its own rate limit)
 */
public record Route(String name, String prefix, String upstream, Set<HttpMethod> anonymousMethods, boolean applying) {
    public Route {
        if (!prefix.startsWith("/") || prefix.endsWith("/")) {
            throw new IllegalArgumentException("route " + name + ": the prefix must start and not end with /: " + prefix);
        }
        anonymousMethods = Set.copyOf(anonymousMethods);
    }

    public boolean matches(String path) {
        return path.equals(prefix) || path.startsWith(prefix) && path.charAt(prefix.length()) == '/';
    }

    public boolean allowsAnonymous(HttpMethod method) {
        return anonymousMethods.contains(method);
    }

    /** Whether this request applies for a job (only on a route marked {@code applying}). */
    public boolean isApply(HttpMethod method, String path) {
        return applying && method == HttpMethod.POST && path.equals(prefix);
    }
}
