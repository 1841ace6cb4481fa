package org.jobboard.applications.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jobboard.applications.domain.FormQuestion;
import org.jobboard.applications.service.PostingState;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The part of a posting event's data (jobboard.postings.v1, contracts' postings.yaml) this service reads; a tolerant
 * reader ignores the rest (the description in any form, salary, locations, the organization, fields added later).
 * Status and apply type stay strings: a value added to the contract later must not make an event unreadable.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostingEventData(String id, String organizationId, String status, String title, Instant validThrough,
        ApplyMethod applyMethod, Long version, Instant updatedAt, Instant closedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ApplyMethod(String type, List<FormQuestion> questions) {
    }

    /** @throws IllegalArgumentException when an id is not a UUID */
    PostingState toState() {
        return new PostingState(UUID.fromString(id), UUID.fromString(organizationId), status, title, validThrough,
                applyMethod == null ? null : applyMethod.type(), applyMethod == null ? null : applyMethod.questions(),
                version == null ? 0 : version, closedAt, updatedAt);
    }
}
