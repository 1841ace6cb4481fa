package org.jobboard.search.mapping;

import org.jobboard.search.domain.IndexedPosting;

/** What a posting event asks of the index. */
public sealed interface PostingChange {
    String id();

    long version();

    /** The posting is published: index this state. */
    record Upsert(IndexedPosting posting) implements PostingChange {
        @Override
        public String id() {
            return posting.id();
        }

        @Override
        public long version() {
            return posting.version();
        }
    }

    /** The posting is closed, expired, back to draft or deleted: remove it from search. */
    record Remove(String id, long version) implements PostingChange {
    }
}
