package org.jobboard.postings.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Optional body of publish and reopen: the new validThrough (publish defaults to 30 days; reopen requires one). */
public record PublishRequest(@Schema(description = "RFC 3339, at most 180 days ahead") @Rfc3339Time Instant validThrough) {
}
