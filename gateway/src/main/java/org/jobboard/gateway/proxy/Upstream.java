package org.jobboard.gateway.proxy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The instances of one upstream service, handed out round-robin. */
public final class Upstream {
    public record Instance(String host, int port, boolean tls) {
    }

    private final String name;
    private final List<Instance> instances;
    private final AtomicInteger next = new AtomicInteger();

    public Upstream(String name, String urls) {
        this.name = name;
        List<Instance> parsed = new ArrayList<>();
        for (String url : urls.split(",")) {
            URI uri = URI.create(url.strip());
            boolean tls = "https".equals(uri.getScheme());
            parsed.add(new Instance(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80, tls));
        }
        this.instances = List.copyOf(parsed);
    }

    public String name() {
        return name;
    }

    public int size() {
        return instances.size();
    }

    /** The next instance in round-robin order; {@code attempt} > 0 moves on to the following one. */
    public Instance pick(int start, int attempt) {
        return instances.get(Math.floorMod(start + attempt, instances.size()));
    }

    public int nextStart() {
        return next.getAndIncrement();
    }
}
