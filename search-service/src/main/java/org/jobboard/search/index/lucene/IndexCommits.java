package org.jobboard.search.index.lucene;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Commits with their source positions: each Lucene commit carries the schema version, the next offset per partition
 * and when it was made in its user data, so the index and "where it got to in the topic" are durable together.
 */
final class IndexCommits {
    /** Bumped when the schema changes: an index written with another one is rebuilt from the topic. */
    static final String SCHEMA = "2";
    private static final String USER_SCHEMA = "jobboard.schema";
    private static final String USER_OFFSETS = "jobboard.offsets";
    private static final String USER_COMMITTED_AT = "jobboard.committedAt";

    private final IndexWriter writer;
    private final Clock clock;
    /** One commit at a time (its commit data and the commit itself belong together). */
    private final Object commitLock = new Object();
    private volatile Map<Integer, Long> committedOffsets;
    private volatile Instant lastCommitAt;

    /** What the latest commit in a directory says, read before the writer opens it. */
    record Last(Map<String, String> userData) {
        static Last of(Directory directory) throws IOException {
            return new Last(DirectoryReader.indexExists(directory)
                    ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of());
        }

        boolean exists() {
            return !userData.isEmpty();
        }

        /** Whether this version can append to the index (otherwise it is rebuilt from the topic). */
        boolean compatible() {
            return SCHEMA.equals(userData.get(USER_SCHEMA));
        }

        String schema() {
            return userData.get(USER_SCHEMA);
        }
    }

    IndexCommits(IndexWriter writer, Last last, Clock clock) {
        this.writer = writer;
        this.clock = clock;
        boolean compatible = last.compatible();
        this.committedOffsets = compatible ? parseOffsets(last.userData().get(USER_OFFSETS)) : Map.of();
        String committedAt = last.userData().get(USER_COMMITTED_AT);
        this.lastCommitAt = compatible && committedAt != null ? Instant.parse(committedAt) : null;
    }

    /** Not under the writer's lock: changes keep arriving while a commit waits for the disk. */
    void commit(Map<Integer, Long> nextOffsets) throws IOException {
        synchronized (commitLock) {
            Instant now = clock.instant();
            Map<String, String> data = new HashMap<>();
            data.put(USER_SCHEMA, SCHEMA);
            data.put(USER_OFFSETS, formatOffsets(nextOffsets));
            data.put(USER_COMMITTED_AT, now.toString());
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            committedOffsets = Map.copyOf(nextOffsets);
            lastCommitAt = now;
        }
    }

    Map<Integer, Long> committedOffsets() {
        return committedOffsets;
    }

    Instant lastCommitAt() {
        return lastCommitAt;
    }

    static String formatOffsets(Map<Integer, Long> offsets) {
        return new TreeMap<>(offsets).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    static Map<Integer, Long> parseOffsets(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Map<Integer, Long> offsets = new HashMap<>();
        for (String part : value.split(",")) {
            String[] kv = part.split("=");
            offsets.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
        }
        return Map.copyOf(offsets);
    }
}
