package org.jobboard.platform.events;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CloudEventHeadersTest {
    @Test
    void roundTripsEveryAttributeInBinaryMode() {
        CloudEvent event = new CloudEvent("id-1", "jobboard.posting.published.v1", "/jobboard/postings-service",
                "postings/p1", Instant.parse("2026-11-28T10:15:30Z"), "{\"id\":\"p1\"}");
        Headers headers = CloudEventHeaders.toHeaders(event, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertEquals("1.0", CloudEventHeaders.text(headers, "ce_specversion"));
        assertEquals("application/json", CloudEventHeaders.text(headers, "content-type"));
        assertEquals(event, CloudEventHeaders.fromRecord(headers, event.data()));
    }

    @Test
    void aRecordWithoutTheRequiredAttributesIsMalformed() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "x".getBytes());
        assertThrows(CloudEventHeaders.MalformedEventException.class, () -> CloudEventHeaders.fromRecord(headers, "{}"));
        headers.add("ce_id", "1".getBytes());
        headers.add("ce_source", "/s".getBytes());
        headers.add("ce_time", "yesterday".getBytes());
        assertThrows(CloudEventHeaders.MalformedEventException.class, () -> CloudEventHeaders.fromRecord(headers, "{}"));
    }
}
