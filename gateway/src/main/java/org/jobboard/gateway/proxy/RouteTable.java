package org.jobboard.gateway.proxy;

import java.util.List;
import java.util.Optional;

/** Path prefixes to upstreams, as CONVENTIONS.md fixes them; the gateway rewrites nothing. */
public final class RouteTable {
    public record Route(String prefix, String upstream) {
        boolean matches(String path) {
            return path.equals(prefix) || path.startsWith(prefix + "/");
        }
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/v1/organizations", "postings"),
            new Route("/v1/postings", "postings"),
            new Route("/v1/feeds", "postings"),
            new Route("/v1/search", "search"),
            new Route("/v1/applications", "applications"),
            new Route("/v1/me", "applications"));

    private RouteTable() {
    }

    public static Optional<Route> match(String path) {
        return ROUTES.stream().filter(r -> r.matches(path)).findFirst();
    }

    public static List<Route> routes() {
        return ROUTES;
    }
}
