package org.jobboard.platform.events;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads and writes the CloudEvents Kafka binary-mode headers (CloudEvents Kafka protocol binding 1.0). */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    private CloudEventHeaders() {
    }

    public static Headers toHeaders(CloudEvent event, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        put(headers, TIME, event.time().toString());
        put(headers, CONTENT_TYPE, "application/json");
        if (traceparent != null) {
            put(headers, TRACEPARENT, traceparent);
        }
        return headers;
    }

    /**
     * Parses a received record. A record without the required attributes is a poison message: the caller lets it
     * fail so the messaging layer sends it to the dead-letter topic.
     */
    public static CloudEvent fromRecord(Headers headers, String value) {
        String id = require(headers, ID);
        String type = require(headers, TYPE);
        String source = require(headers, SOURCE);
        String time = text(headers, TIME);
        Instant parsedTime;
        try {
            parsedTime = time == null ? null : Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not RFC 3339: " + time);
        }
        return new CloudEvent(id, type, source, text(headers, SUBJECT), parsedTime, value);
    }

    private static String require(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("missing CloudEvents header " + name);
        }
        return value;
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** An event that cannot be understood; never retried, always dead-lettered. */
    public static class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
