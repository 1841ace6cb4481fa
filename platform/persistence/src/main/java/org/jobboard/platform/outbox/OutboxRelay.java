package org.jobboard.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.kafka.KafkaClientSettings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka with the idempotent producer ({@code acks=all}) and marks them published only once
 * the broker acknowledged them. At-least-once: a crash between the ack and the commit republishes the batch, which
 * consumers absorb because they are idempotent. A PostgreSQL advisory lock keeps one relay active per database, so
 * several replicas never publish one aggregate's events out of order. The gauge {@code jobboard_outbox_lag_seconds}
 * shows how long the oldest waiting event has waited (e.g. while the broker is away).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary constant naming "the outbox relay" among advisory locks. */
    private static final long RELAY_LOCK = 0x6a6f62626f617264L;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    /** The service's Kafka connection settings (bootstrap servers and security), shared with its other clients. */
    @Inject
    KafkaClientSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    private volatile KafkaProducer<String, String> producer;
    private final ExecutorService waker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** After a failed pass the relay waits before trying again, doubling up to 30 s while the broker stays down. */
    private volatile long retryNotBefore;
    private volatile long backoffMillis;
    private static final long MAX_BACKOFF_MILLIS = 30_000;
    /** When the oldest event this relay saw waiting was written; null once a pass found the outbox empty. */
    private volatile Instant oldestPending;

    void start(@Observes StartupEvent event) {
        Properties props = kafka.producer("outbox-relay-" + config.source().replaceAll("[^A-Za-z0-9-]", ""));
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.sendTimeout().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(config.sendTimeout().toMillis(), 15000));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) config.sendTimeout().toMillis());
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        Gauge.builder("jobboard.outbox.lag", this, OutboxRelay::lagSeconds).baseUnit("seconds")
                .description("How long the oldest event waiting in the outbox has waited for the broker (0: none). "
                        + "One replica relays at a time: take the maximum over replicas.")
                .register(metrics);
    }

    double lagSeconds() {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    void stop(@Observes ShutdownEvent event) {
        waker.shutdownNow();
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction that appended events commits; coalesces bursts into one pass. */
    void wakeUp() {
        if (wakePending.compareAndSet(false, true)) {
            waker.execute(() -> {
                wakePending.set(false);
                publishPending();
            });
        }
    }

    @Scheduled(identity = "outbox-relay", every = "${jobboard.outbox.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        publishPending();
    }

    @Scheduled(identity = "outbox-cleanup", every = "1h", delayed = "1m")
    void deletePublished() {
        Instant before = clock.instant().minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from OutboxEvent e where e.publishedAt is not null and e.publishedAt < :before")
                .setParameter("before", before).executeUpdate());
    }

    /** Publishes until the outbox is empty or the broker fails; returns how many events were published. */
    public synchronized int publishPending() {
        if (producer == null || clock.millis() < retryNotBefore) {
            return 0;
        }
        int total = 0;
        boolean failed = false;
        try {
            int published;
            do {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
                failed = published < 0;
                total += Math.max(published, 0);
            } while (published == config.batchSize());
        } catch (RuntimeException e) {
            failed = true;
            LOG.warnf("outbox relay pass failed: %s", e.toString());
        }
        if (!failed) {
            oldestPending = null; // emptied, or another replica holds the relay lock and reports its own lag
        }
        if (failed) {
            backoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(1000, backoffMillis * 2));
            retryNotBefore = clock.millis() + backoffMillis;
            LOG.infof("outbox relay retries in %d ms", backoffMillis);
        } else {
            backoffMillis = 0;
        }
        return total;
    }

    private int publishBatch() throws InterruptedException {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK).getSingleResult();
        if (!Boolean.TRUE.equals(locked)) {
            return 0; // another replica is relaying
        }
        List<OutboxEvent> batch = em
                .createQuery("from OutboxEvent e where e.publishedAt is null order by e.seq", OutboxEvent.class)
                .setMaxResults(config.batchSize()).getResultList();
        if (batch.isEmpty()) {
            return 0;
        }
        oldestPending = batch.get(0).occurredAt;
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        try {
            for (OutboxEvent event : batch) {
                CloudEvent cloudEvent = new CloudEvent(event.id.toString(), event.eventType, event.source,
                        event.subject, event.occurredAt, event.payload);
                // a null payload is a tombstone: a null record value, which compaction reads as "forget this key"
                acks.add(producer.send(new ProducerRecord<>(event.topic, null, event.recordKey, event.payload,
                        CloudEventHeaders.toHeaders(cloudEvent, event.traceparent))));
            }
            long deadline = System.nanoTime() + config.sendTimeout().toNanos();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            String error = e.getCause() == null ? e.toString() : e.getCause().toString();
            LOG.warnf("broker did not acknowledge %d outbox events, will retry: %s", batch.size(), error);
            for (OutboxEvent event : batch) {
                event.attempts++;
                event.lastError = error.length() > 1000 ? error.substring(0, 1000) : error;
            }
            return -1;
        }
        Instant now = clock.instant();
        for (OutboxEvent event : batch) {
            event.publishedAt = now;
            event.attempts++;
        }
        return batch.size();
    }
}
