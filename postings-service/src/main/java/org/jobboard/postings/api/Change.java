package org.jobboard.postings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.postings.PostingStatus;

import java.time.Instant;

/** One entry of the change feed: the posting's latest state (full when public, otherwise its id and status). */
public record Change(@Schema(required = true, format = "uuid", maxLength = 36) String id,
        @Schema(required = true) ChangeType change, @Schema(required = true) PostingStatus status,
        @Schema(required = true, minimum = "0") long version, @Schema(required = true) Instant changedAt,
        @Schema(description = "The posting as published; null unless its status is PUBLISHED (then only id and "
                + "status tell what happened)", nullable = true) PostingView posting) {

    public enum ChangeType { PUBLISHED, UPDATED, CLOSED, EXPIRED }
}
