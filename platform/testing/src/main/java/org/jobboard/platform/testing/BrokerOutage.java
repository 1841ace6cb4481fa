package org.jobboard.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops the stack's Kafka broker under a running service and checks what its operators see: readiness and liveness
 * stay UP (a broker outage must not take the service out of its load balancer, nor get it restarted), while the health
 * group {@code broker} and the gauge {@code jobboard_broker_reachable} report the broker gone. Closing starts Kafka
 * again and waits until the service sees the broker back.
 *
 * <pre>
 * try (BrokerOutage outage = BrokerOutage.begin(serviceRoot)) {
 *     ... requests that must still succeed ...
 *     outage.watchServiceStaysReady();
 * }
 * </pre>
 */
public final class BrokerOutage implements AutoCloseable {
    /** The Kafka checks readiness used to include turned DOWN within about 10 s of an outage; watched longer. */
    private static final Duration WATCH = Duration.ofSeconds(15);
    /** Kafka's stop and start, and the health probe's interval, all fit in this. */
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI service;

    private BrokerOutage(URI service) {
        this.service = service;
    }

    /** Stops Kafka and returns once the service reports the broker DOWN, its readiness UP all along. */
    public static BrokerOutage begin(URL serviceRoot) {
        BrokerOutage outage = new BrokerOutage(root(serviceRoot));
        outage.await("UP", "the broker group UP before the outage");
        LocalStack.stop("kafka");
        try {
            outage.await("DOWN", "the broker group DOWN after Kafka was stopped (was Kafka started by this "
                    + "checkout's ./dev? it stops only what it started)");
            double reachable = outage.metric("jobboard_broker_reachable");
            if (reachable != 0) {
                throw new AssertionError("jobboard_broker_reachable while Kafka is down: " + reachable);
            }
        } catch (RuntimeException | AssertionError e) {
            LocalStack.start("kafka");
            throw e;
        }
        return outage;
    }

    /** Readiness and liveness stay UP for longer than the broker checks they used to hold took to fail. */
    public void watchServiceStaysReady() {
        Instant end = Instant.now().plus(WATCH);
        while (Instant.now().isBefore(end)) {
            assertServing();
            pause();
        }
    }

    /** Starts Kafka again and waits until the service's broker group is UP. */
    @Override
    public void close() {
        LocalStack.start("kafka");
        await("UP", "the broker group UP after Kafka was started again");
        assertServing();
    }

    /** The current value of a metric of the service on {@code /q/metrics} (its first series). */
    public double metric(String name) {
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$")
                .matcher(get("/q/metrics").body());
        if (!value.find()) {
            throw new AssertionError("no metric " + name + " on " + service + "/q/metrics");
        }
        return Double.parseDouble(value.group(1));
    }

    /** Polls a metric of the service until it satisfies {@code condition}, for at most {@code within}. */
    public static void awaitMetric(URL serviceRoot, String name, DoublePredicate condition, Duration within) {
        BrokerOutage service = new BrokerOutage(root(serviceRoot));
        Instant deadline = Instant.now().plus(within);
        double value;
        while (!condition.test(value = service.metric(name))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + name + "; last value " + value);
            }
            pause();
        }
    }

    private static URI root(URL serviceRoot) {
        return URI.create(serviceRoot.toString().replaceAll("/+$", ""));
    }

    /** Polls the broker group until it reports {@code status}, checking at each poll that the service serves. */
    private void await(String status, String what) {
        Instant deadline = Instant.now().plus(PATIENCE);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            assertServing();
            HttpResponse<String> broker = get("/q/health/group/broker");
            last = broker.body();
            if (status.equals(status(broker))) {
                return;
            }
            pause();
        }
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
    }

    private void assertServing() {
        for (String path : new String[] { "/q/health/ready", "/q/health/live" }) {
            HttpResponse<String> health = get(path);
            if (health.statusCode() != 200 || !"UP".equals(status(health))) {
                throw new AssertionError(path + " is not UP: " + health.statusCode() + " " + health.body());
            }
        }
    }

    private static String status(HttpResponse<String> health) {
        try {
            return JSON.readTree(health.body()).path("status").asText();
        } catch (IOException e) {
            return "unreadable: " + health.body();
        }
    }

    private HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(service.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
