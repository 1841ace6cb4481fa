package org.jobboard.search.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** Operators' view of one instance's index: its contents and how far it got in the topic. */
public record IndexStatus(
        @Schema(required = true, description = "Open postings in the index") long documents,
        @Schema(required = true, description = "Closed or deleted postings remembered only by id and version") long tombstones,
        @Schema(required = true, minimum = "0") int segments, @Schema(required = true, minimum = "0") long sizeBytes,
        @Schema(required = true, description = "Per partition, the next offset durable with the index") Map<Integer, Long> committedOffsets,
        @Schema(required = true, description = "Per partition, the next offset applied and searchable") Map<Integer, Long> appliedOffsets,
        @Schema(required = true, description = "Per partition, the topic's end when the service started") Map<Integer, Long> endOffsetsAtStart,
        @Schema(required = true, description = "Whether the index reached endOffsetsAtStart (readiness)") boolean caughtUp,
        Instant lastCommitAt) {
}
