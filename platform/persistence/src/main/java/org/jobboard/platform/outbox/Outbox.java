package org.jobboard.platform.outbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jobboard.platform.tx.AfterCommit;
import jakarta.transaction.Transactional;
import org.jobboard.platform.ids.Ids;

import java.time.Clock;

/**
 * Appends events to the outbox table inside the caller's transaction, so an event exists exactly when the change it
 * describes was committed. The {@link OutboxRelay} publishes them; nothing here talks to Kafka.
 */
@ApplicationScoped
public class Outbox {
    /** The service's clock (platform SystemClock unless a test replaces it). */
    @Inject
    Clock clock;

    private static final Object WAKE_KEY = new Object();

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * @param topic     the Kafka topic
     * @param key       the aggregate id (the record key: one aggregate's events stay in order)
     * @param type      the CloudEvents type, e.g. {@code jobboard.posting.published.v1}
     * @param subject   the CloudEvents subject (usually the aggregate id)
     * @param json      the event data, already serialized (never null: see {@link #appendTombstone})
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(String topic, String key, String type, String subject, String json) {
        if (json == null) {
            throw new IllegalArgumentException("event data is required; a deletion is appendTombstone");
        }
        return write(topic, key, type, subject, json);
    }

    /**
     * A tombstone: a record with this key and a null value, so that log compaction forgets the key. Its headers are
     * those of any event (CloudEvents type and subject say what was deleted).
     *
     * @return the event id (CloudEvents {@code id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String appendTombstone(String topic, String key, String type, String subject) {
        return write(topic, key, type, subject, null);
    }

    private String write(String topic, String key, String type, String subject, String json) {
        OutboxEvent event = new OutboxEvent();
        event.id = Ids.newUuid();
        event.topic = topic;
        event.recordKey = key;
        event.eventType = type;
        event.source = config.source();
        event.subject = subject;
        event.occurredAt = clock.instant();
        event.payload = json;
        event.traceparent = currentTraceparent();
        em.persist(event);
        wakeRelayAfterCommit();
        return event.id.toString();
    }

    /** Publishing right after commit keeps end-to-end latency low; the relay's poll is only the safety net. */
    private void wakeRelayAfterCommit() {
        AfterCommit.runOnce(transactions, WAKE_KEY, relay::wakeUp);
    }

    private static String currentTraceparent() {
        SpanContext context = Span.current().getSpanContext();
        if (!context.isValid()) {
            return null;
        }
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }
}
