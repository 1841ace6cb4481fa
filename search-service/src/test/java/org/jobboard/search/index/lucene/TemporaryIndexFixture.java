package org.jobboard.search.index.lucene;

import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.search.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Tests of the Lucene adapter on its own: a fresh index in a temporary directory for each test. */
abstract class TemporaryIndexFixture {
    /** Starts at the real time (fixtures stamp postings with it); tests move it to let time pass. */
    final TestClock clock = new TestClock(Instant.now());
    Path directory;
    LuceneSearchIndex index;

    @BeforeEach
    void openIndex() throws Exception {
        directory = Files.createTempDirectory("lucene-index-test");
        index = LocalIndexes.open(directory, clock);
    }

    @AfterEach
    void closeIndex() throws Exception {
        index.close();
        SearchIndexTestResource.deleteRecursively(directory);
    }

    /** Closes the index and opens it again from its directory, as a restarted service would. */
    void reopen() throws Exception {
        index.close();
        index = LocalIndexes.open(directory, clock);
    }

    /** A relevance-sorted text search, 20 hits, no filters. */
    SearchResult search(String text) {
        return index.search(new PostingQuery(text, null, null, null, null, null, null, null, null, null, null, null,
                null, null, SortOrder.RELEVANCE, 20, null));
    }
}
