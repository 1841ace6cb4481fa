package org.jobboard.gateway.route;

import io.vertx.core.http.HttpMethod;
import org.jobboard.gateway.config.GatewayConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The path prefixes of the public API and the upstream behind each ({@code jobboard.gateway.routes.*}). The longest
 * matching prefix wins, so the order of the configuration does not matter.
 */
public final class RouteTable {
    private final List<Route> routes;

    private RouteTable(List<Route> routes) {
        List<Route> longestFirst = new ArrayList<>(routes);
        longestFirst.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed()
                .thenComparing(Route::prefix));
        this.routes = List.copyOf(longestFirst);
    }

    public static RouteTable of(List<Route> routes) {
        return new RouteTable(routes);
    }

    /** The configured routes; each must name a configured upstream, or the gateway does not start. */
    public static RouteTable fromConfig(GatewayConfig config) {
        List<Route> routes = new ArrayList<>();
        config.routes().forEach((name, route) -> {
            if (!config.upstreams().containsKey(route.upstream())) {
                throw new IllegalStateException("route " + name + " names upstream " + route.upstream()
                        + ", which is not among jobboard.gateway.upstreams " + config.upstreams().keySet());
            }
            Set<HttpMethod> anonymous = route.anonymousMethods().orElse(List.of()).stream()
                    .map(m -> HttpMethod.valueOf(m.strip().toUpperCase(Locale.ROOT))).collect(Collectors.toSet());
            routes.add(new Route(name, route.prefix(), route.upstream(), anonymous, route.applying()));
        });
        if (routes.isEmpty()) {
            throw new IllegalStateException("no routes configured (jobboard.gateway.routes.*)");
        }
        return new RouteTable(routes);
    }

    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Longest prefix first. */
    public List<Route> routes() {
        return routes;
    }
}
