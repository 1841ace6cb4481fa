package org.jobboard.gateway.route;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jobboard.gateway.config.GatewayConfig;

import java.util.List;

/** The route table as a bean, and what is derived from it. */
public class RouteBeans {
    @Produces
    @Singleton
    RouteTable routeTable(GatewayConfig config) {
        return RouteTable.fromConfig(config);
    }

    /**
     * One series of http_server_requests_seconds per route, not per posting id: a uri under a route's prefix is
     * tagged {@code <prefix>/*}.
     */
    @Produces
    @Singleton
    MeterFilter uriPerRoute(RouteTable routes) {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().equals("http.server.requests")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null) {
                    return id;
                }
                return routes.match(uri).filter(route -> !uri.equals(route.prefix()))
                        .map(route -> id.replaceTags(withUri(id.getTagsAsIterable(), route.prefix() + "/*")))
                        .orElse(id);
            }
        };
    }

    private static List<Tag> withUri(Iterable<Tag> tags, String uri) {
        List<Tag> replaced = new java.util.ArrayList<>();
        tags.forEach(tag -> replaced.add(tag.getKey().equals("uri") ? Tag.of("uri", uri) : tag));
        return replaced;
    }
}
