package org.jobboard.platform.events;

import java.time.Instant;

/**
 * A CloudEvents 1.0 event as it travels on Kafka in binary mode: attributes in {@code ce_*} headers, JSON data as
 * the record value, the aggregate id as the record key.
 */
public record CloudEvent(String id, String type, String source, String subject, Instant time, String data) {
}
