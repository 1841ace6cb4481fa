package org.jobboard.search.index.lucene;

import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lucene adapter on its own: version rules, durability across close/reopen, analysis. */
class LuceneSearchIndexTest {
    private static final String ORG = UUID.randomUUID().toString();
    private Path directory;
    private LuceneSearchIndex index;

    @BeforeEach
    void open() throws Exception {
        directory = Files.createTempDirectory("lucene-index-test");
        index = LocalIndexes.open(directory);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
        SearchIndexTestResource.deleteRecursively(directory);
    }

    @Test
    void onlyNewerVersionsApplyAndDeletionsAreRemembered() throws Exception {
        String id = UUID.randomUUID().toString();
        assertTrue(index.upsert(posting(id, 2, "Welder")));
        assertFalse(index.upsert(posting(id, 1, "Older Welder")), "older, before a refresh");
        assertFalse(index.upsert(posting(id, 2, "Same Welder")), "same version");
        index.refresh();
        assertFalse(index.upsert(posting(id, 1, "Older Welder")), "older, after a refresh");
        assertTrue(index.delete(id, 3));
        assertFalse(index.upsert(posting(id, 2, "Welder")), "a replay after the deletion");
        index.refresh();
        assertEquals(0, search("welder").total());
        index.commit(Map.of(0, 10L));

        reopen();
        assertEquals(Map.of(0, 10L), index.committedOffsets());
        assertFalse(index.upsert(posting(id, 2, "Welder")), "the tombstone survives a restart");
        assertTrue(index.upsert(posting(id, 4, "Reopened Welder")));
        index.refresh();
        assertEquals(1, search("welder").total());
        assertEquals(1, index.stats().documents());
    }

    @Test
    void whatWasNotCommittedIsGoneAfterARestart() throws Exception {
        index.upsert(posting(UUID.randomUUID().toString(), 1, "Committed Carpenter"));
        index.commit(Map.of(0, 1L, 1, 0L));
        index.upsert(posting(UUID.randomUUID().toString(), 1, "Uncommitted Carpenter"));
        index.refresh();
        assertEquals(2, search("carpenter").total());
        reopen();
        assertEquals(1, search("carpenter").total());
        assertEquals(Map.of(0, 1L, 1, 0L), index.committedOffsets());
    }

    @Test
    void englishAnalysisAndSynonymsMatchWhatPeopleType() throws Exception {
        String k8s = UUID.randomUUID().toString();
        String js = UUID.randomUUID().toString();
        index.upsert(posting(k8s, 1, "Kubernetes Platform Engineer"));
        index.upsert(posting(js, 1, "JavaScript Developers Wanted"));
        index.refresh();
        assertEquals(List.of(k8s), ids(search("k8s engineering")));
        assertEquals(List.of(js), ids(search("js developer")));
        assertEquals(List.of(js), ids(search("Javascript development")));
        assertEquals(List.of(k8s), ids(search("engineer's platforms")));
    }

    @Test
    void noTextEverMakesTheQueryFail() throws Exception {
        index.upsert(posting(UUID.randomUUID().toString(), 1, "C++ Developer (Embedded)"));
        index.refresh();
        Random random = new Random(42);
        String alphabet = "ab \"'\\:*?~^()[]{}<>!&|+-/=%#@.,;`\u0000\u00e9\u4e2d";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n >= 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            search(text.toString()); // must not throw
        }
        assertEquals(1, search("c++ (embedded)").total());
        assertEquals(1, search("\"embedded\" c++:").total());
    }

    private void reopen() throws Exception {
        index.close();
        index = LocalIndexes.open(directory);
    }

    private SearchResult search(String text) {
        return index.search(new PostingQuery(text, null, null, null, null, null, null, null, null, null, null, null,
                null, null, SortOrder.RELEVANCE, 20, null));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.posting().id()).toList();
    }

    static IndexedPosting posting(String id, long version, String title) {
        return new IndexedPosting(new PostingSummary(id, title, new PostingSummary.Organization(ORG, "Acme", null),
                List.of("FULL_TIME"), "REMOTE", "MID", List.of(), null, List.of(), "Engineering", Instant.now(), null,
                version), "A role.");
    }
}
