package org.jobboard.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event waiting to be published; written in the same transaction as the change it describes. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    public UUID id;

    /** Insertion order, assigned by the database; the relay publishes in this order. */
    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "event_type")
    public String eventType;

    public String source;

    public String subject;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    /** The event data (JSON); null for a tombstone, which the relay sends as a null record value. */
    public String payload;

    public String traceparent;

    @Column(name = "published_at")
    public Instant publishedAt;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;
}
