package org.jobboard.search.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What an operator needs to know about the index.
 *
 * @param documents        open postings in the index
 * @param tombstones       closed or deleted postings kept only with their last version (so replays cannot revive them)
 * @param committedOffsets per partition, the next offset to read, durable with the index contents
 */
public record IndexStats(long documents, long tombstones, int segments, long sizeBytes,
        Map<Integer, Long> committedOffsets, Instant lastCommitAt) {
}
