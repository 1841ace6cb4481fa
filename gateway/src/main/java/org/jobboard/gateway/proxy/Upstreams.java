package org.jobboard.gateway.proxy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.gateway.time.Ticker;

import java.util.Map;
import java.util.TreeMap;

/** The upstream services by name ({@code jobboard.gateway.upstreams.*}), each instance behind its own breaker. */
@ApplicationScoped
public class Upstreams {
    @Inject
    GatewayConfig config;

    @Inject
    Ticker ticker;

    private final Map<String, Upstream> byName = new TreeMap<>();

    @PostConstruct
    void create() {
        long breakerOpen = config.breaker().openDuration().toNanos();
        config.upstreams().forEach((name, urls) -> byName.put(name,
                new Upstream(name, urls, config.breaker().failureThreshold(), breakerOpen, ticker::nanos)));
    }

    public Upstream get(String name) {
        return byName.get(name);
    }

    /** By name. */
    public Map<String, Upstream> all() {
        return byName;
    }

    /** How long the upstream may stay silent once it has the whole request. */
    long timeoutMillis(Upstream upstream) {
        return config.timeouts().getOrDefault(upstream.name(), config.defaultTimeout()).toMillis();
    }
}
