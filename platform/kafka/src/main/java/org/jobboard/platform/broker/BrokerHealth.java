package org.jobboard.platform.broker;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jobboard.platform.kafka.KafkaClientSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Whether this service reaches the Kafka broker, for operators: the health group {@code broker}
 * ({@code /q/health/group/broker}) and the gauge {@code jobboard_broker_reachable}. Deliberately not readiness: while
 * the broker is away, writes wait in the outbox and search answers from its own index, so taking the service out of
 * the load balancer would only turn delayed events into failed requests. Every service that depends on platform-kafka
 * has it.
 */
@ApplicationScoped
public class BrokerHealth {
    static final String CHECK_NAME = "Kafka broker";

    /** The service's Kafka connection settings (bootstrap servers, security), as every client of it uses them. */
    @Inject
    KafkaClientSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @ConfigProperty(name = "jobboard.broker.probe-timeout", defaultValue = "3s")
    Duration timeout;

    private volatile Admin admin;
    /** Until the first probe: down, never checked. */
    private volatile Probe last = new Probe(false, "", "not probed yet", null);

    /** One look at the cluster: reachable with these nodes, or not with this error. */
    record Probe(boolean reachable, String nodes, String error, Instant at) {
    }

    void start(@Observes StartupEvent event) {
        admin = Admin.create(adminProperties());
        Gauge.builder("jobboard.broker.reachable", this, health -> health.last.reachable() ? 1 : 0)
                .description("1 when the last probe (every jobboard.broker.probe-interval) reached the Kafka broker")
                .register(metrics);
    }

    void stop(@Observes ShutdownEvent event) {
        Admin running = admin;
        if (running != null) {
            running.close(Duration.ofSeconds(2));
        }
    }

    @Scheduled(identity = "broker-probe", every = "${jobboard.broker.probe-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void probe() {
        Admin client = admin;
        if (client == null) {
            return;
        }
        try {
            String nodes = client.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port()).sorted().collect(Collectors.joining(","));
            last = new Probe(true, nodes, null, clock.instant());
        } catch (ExecutionException e) {
            last = new Probe(false, "", String.valueOf(e.getCause()), clock.instant());
        } catch (TimeoutException e) {
            last = new Probe(false, "", "no answer within " + timeout, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Produces
    @HealthGroup("broker")
    HealthCheck broker() {
        return () -> {
            Probe probe = last;
            HealthCheckResponseBuilder response = HealthCheckResponse.named(CHECK_NAME).status(probe.reachable())
                    .withData("checkedAt", probe.at() == null ? "never" : probe.at().toString());
            return probe.reachable() ? response.withData("nodes", probe.nodes()).build()
                    : response.withData("error", probe.error()).build();
        };
    }

    private Properties adminProperties() {
        Properties props = kafka.admin("broker-probe");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        return props;
    }
}
