package org.jobboard.applications.service;

import org.jobboard.applications.domain.FormQuestion;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service keeps of a posting, as one posting event states it (the reader in messaging maps the event's
 * data to this). {@code version} is the posting's: only a newer one changes the replica.
 */
public record PostingState(UUID id, UUID organizationId, String status, String title, Instant validThrough,
        String applyType, List<FormQuestion> questions, long version, Instant closedAt, Instant updatedAt) {
}
