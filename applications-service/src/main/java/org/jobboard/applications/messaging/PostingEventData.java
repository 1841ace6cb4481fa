package org.jobboard.applications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jobboard.applications.domain.FormQuestion;

import java.time.Instant;
import java.util.List;

/** The part of a posting event (jobboard.postings.v1) this service reads; a tolerant reader ignores the rest. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostingEventData(String id, String organizationId, String status, String title, Instant validThrough,
        ApplyMethod applyMethod, Long version, Instant updatedAt, Instant closedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApplyMethod(String type, List<FormQuestion> questions) {
    }
}
