package org.jobboard.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** The instances of one upstream service, handed out round-robin, each behind its own circuit breaker. */
public final class Upstream {
    public record Instance(String host, int port, boolean tls, CircuitBreaker breaker) {
        public String address() {
            return host + ":" + port;
        }
    }

    private final String name;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    public Upstream(String name, String urls, int breakerThreshold, long breakerOpenNanos, LongSupplier clock) {
        this.name = name;
        List<Instance> parsed = new ArrayList<>();
        for (String url : urls.split(",")) {
            URI uri = URI.create(url.strip());
            boolean tls = "https".equals(uri.getScheme());
            parsed.add(new Instance(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80, tls,
                    new CircuitBreaker(breakerThreshold, breakerOpenNanos, clock)));
        }
        this.instances = List.copyOf(parsed);
    }

    public String name() {
        return name;
    }

    public List<Instance> instances() {
        return instances;
    }

    /**
     * The instances to try for one request, in round-robin order, leaving out those whose breaker rejects requests
     * now; empty when none may be tried. The caller takes the breaker's permit only for the instance it really uses,
     * so a half-open breaker's single probe is never reserved by a request that went elsewhere.
     */
    public List<Instance> candidates() {
        int start = next.getAndIncrement();
        List<Instance> order = new ArrayList<>(instances.size());
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(Math.floorMod(start + i, instances.size()));
            if (instance.breaker().mayTry()) {
                order.add(instance);
            }
        }
        return order;
    }
}
