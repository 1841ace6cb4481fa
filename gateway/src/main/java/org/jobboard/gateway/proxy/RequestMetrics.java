package org.jobboard.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** {@code gateway_requests_seconds{route,upstream,status}}: how long the gateway took for each request. */
@ApplicationScoped
public class RequestMetrics {
    @Inject
    MeterRegistry metrics;

    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    void record(String route, String upstream, int status, long nanos) {
        // one timer per (route, upstream, status), looked up rather than rebuilt on every request
        timers.computeIfAbsent(route + '|' + upstream + '|' + status, key -> Timer.builder("gateway.requests")
                .tag("route", route).tag("upstream", upstream).tag("status", Integer.toString(status))
                .register(metrics)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
