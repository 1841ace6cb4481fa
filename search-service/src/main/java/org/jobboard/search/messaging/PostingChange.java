package org.jobboard.search.messaging;

import org.jobboard.search.domain.IndexedPosting;

/** What a posting event asks of the index. */
public sealed interface PostingChange {
    String id();

    /** The posting is published: index this state (if newer than what is held). */
    record Upsert(IndexedPosting posting) implements PostingChange {
        @Override
        public String id() {
            return posting.id();
        }

        public long version() {
            return posting.version();
        }
    }

    /** The posting is closed, expired or back to draft: remove it from search, remembering this version. */
    record Remove(String id, long version) implements PostingChange {
    }

    /** The topic dropped the posting (a tombstone record, null value): forget it, version and all. */
    record Forget(String id) implements PostingChange {
    }
}
