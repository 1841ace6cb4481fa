package org.jobboard.search.index.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The write side: applies posting changes as one document per posting id (an open posting or a tombstone that keeps
 * the last version), refuses versions not newer than the one held, and makes applied changes searchable. Writes come
 * from one thread (the event consumer).
 */
final class PostingWriter {
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final PostingFields fields;
    private final OrganizationNames organizationNames;
    /** Versions written since the last refresh, which the searcher cannot see yet. Guarded by {@code this}. */
    private final Map<String, Long> unrefreshedVersions = new HashMap<>();

    PostingWriter(IndexWriter writer, SearcherManager searchers, PostingFields fields,
            OrganizationNames organizationNames) {
        this.writer = writer;
        this.searchers = searchers;
        this.fields = fields;
        this.organizationNames = organizationNames;
    }

    synchronized boolean upsert(IndexedPosting posting) throws IOException {
        if (!isNewer(posting.id(), posting.version())) {
            return false;
        }
        Document doc = fields.posting(posting);
        writer.updateDocument(new Term(PostingFields.ID, posting.id()), doc);
        unrefreshedVersions.put(posting.id(), posting.version());
        PostingSummary.Organization organization = posting.summary().organization();
        if (organization != null) {
            organizationNames.indexed(organization.id(), organization.name());
        }
        return true;
    }

    synchronized boolean delete(String id, long version) throws IOException {
        if (!isNewer(id, version)) {
            return false;
        }
        // a tombstone, not a deletion: it keeps the version so an older "published" replayed later is refused
        writer.updateDocument(new Term(PostingFields.ID, id), fields.tombstone(id, version));
        unrefreshedVersions.put(id, version);
        return true;
    }

    /** Drops the posting and its remembered version: the source itself forgot the key (a compaction tombstone). */
    synchronized void forget(String id) throws IOException {
        writer.deleteDocuments(new Term(PostingFields.ID, id));
        // until the next refresh the searcher still shows the dropped document: nothing is held for the id now
        unrefreshedVersions.put(id, Long.MIN_VALUE);
    }

    synchronized void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        unrefreshedVersions.clear(); // every write so far is visible to the new searcher
    }

    /**
     * Waits until the merges the merge policy asks for are done. For tools that build an index and close it right away
     * (closing aborts running merges); the service merges in the background as it goes.
     */
    void awaitMerges() throws IOException {
        writer.maybeMerge();
        try {
            while (writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty()) {
                Thread.sleep(100); // merges report no completion event; polling them is all IndexWriter offers
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for merges", e);
        }
    }

    private boolean isNewer(String id, long version) throws IOException {
        Long current = unrefreshedVersions.get(id);
        if (current == null) {
            current = indexedVersion(id);
        }
        return current == null || current == Long.MIN_VALUE || version > current;
    }

    /** The version held for {@code id} (open posting or tombstone) in the current searcher, or {@code null}. */
    private Long indexedVersion(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            BytesRef key = new BytesRef(id);
            Long found = null;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(PostingFields.ID);
                if (terms == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                if (!termsEnum.seekExact(key)) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum docs = termsEnum.postings(null, PostingsEnum.NONE);
                NumericDocValues versions = leaf.reader().getNumericDocValues(PostingFields.VERSION);
                for (int doc = docs.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if ((live == null || live.get(doc)) && versions != null && versions.advanceExact(doc)) {
                        found = found == null ? versions.longValue() : Math.max(found, versions.longValue());
                    }
                }
            }
            return found;
        } finally {
            searchers.release(searcher);
        }
    }
}
