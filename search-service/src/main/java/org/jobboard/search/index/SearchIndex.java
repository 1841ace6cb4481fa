package org.jobboard.search.index;

import org.jobboard.search.domain.IndexStats;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.Suggestion;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The search index port. The embedded Lucene adapter is the default; an adapter for a search cluster (OpenSearch)
 * can replace it when a corpus outgrows one machine. Writes are version-checked by the adapter itself: a change is
 * applied only when its version is newer than the one indexed for that posting, including a deleted posting's last
 * version, so replays and reordering never resurrect a closed posting.
 *
 * <p>Writes come from one thread (the event consumer); searches from any thread.
 */
public interface SearchIndex extends Closeable {

    /** Adds or replaces a published posting. @return {@code false} when the index already holds this or a newer version */
    boolean upsert(IndexedPosting posting) throws IOException;

    /** Removes a posting from search, remembering its version. @return {@code false} when not newer than what is indexed */
    boolean delete(String id, long version) throws IOException;

    /**
     * Removes every trace of a posting, its remembered version too: the source dropped the posting for good (a
     * tombstone record on the compacted topic), so no older state of it can arrive later.
     */
    void forget(String id) throws IOException;

    /** Makes the changes applied so far searchable (near-real-time; not yet durable). */
    void refresh() throws IOException;

    /**
     * Makes every change applied so far durable together with the source positions that produced them (next offset
     * per partition), so a restart resumes exactly there. May run on another thread while changes are being applied:
     * those applied before the call are in the commit, later ones may be too.
     */
    void commit(Map<Integer, Long> nextOffsets) throws IOException;

    /** The source positions of the last durable commit; empty for a new index (replay from the beginning). */
    Map<Integer, Long> committedOffsets();

    /**
     * @throws InvalidCursorException   when {@link PostingQuery#after()} was not produced by this index
     * @throws QueryTooComplexException when the text expands beyond what the index runs
     */
    SearchResult search(PostingQuery query);

    /** Titles and skills of open postings matching {@code prefix} (word starts), most used first. */
    List<Suggestion> suggest(String prefix, int limit);

    IndexStats stats();

    /** {@code false} once the index can no longer write (e.g. a disk failure); the process needs a restart. */
    boolean healthy();

    /** A query the index refuses to run because it would expand too far (e.g. very many words). */
    class QueryTooComplexException extends IllegalArgumentException {
        public QueryTooComplexException(String message) {
            super(message);
        }
    }

    /** Sort values that this index did not issue or cannot read. */
    class InvalidCursorException extends IllegalArgumentException {
        public InvalidCursorException(String message) {
            super(message);
        }
    }
}
