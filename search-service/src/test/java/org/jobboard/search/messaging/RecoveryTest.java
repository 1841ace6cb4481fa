package org.jobboard.search.messaging;

import org.jobboard.contracts.Topics;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SearchHit;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.index.lucene.LuceneSearchIndex;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.platform.testing.Poll;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kill and restart against the real topic: an indexer stops without its final commit (what kill -9 leaves: the
 * uncommitted tail of the index is gone), a new one opens the same directory, and the index again equals the topic's
 * latest state: nothing lost, nothing twice.
 */
class RecoveryTest {
    private Path directory;

    @BeforeEach
    void createDirectory() throws Exception {
        directory = Files.createTempDirectory("search-recovery-test");
    }

    @AfterEach
    void deleteDirectory() {
        SearchIndexTestResource.deleteRecursively(directory);
    }

    @Test
    void aRestartAfterACrashLeavesTheIndexEqualToTheTopicsLatestState() throws Exception {
        String org = TestPosting.newOrganization();
        List<TestPosting> postings = List.of(new TestPosting(org, "Recovery One"), new TestPosting(org, "Recovery Two"),
                new TestPosting(org, "Recovery Three"), new TestPosting(org, "Recovery Four"));
        postings.forEach(TestPosting::publish);

        LuceneSearchIndex first = LocalIndexes.open(directory);
        PostingIndexer indexer = indexer(first).start();
        await(() -> ids(first, org).size() == 4, "the first postings");
        Map<Integer, Long> durable = TopicOffsets.endOffsets(TestPosting.TOPIC);
        await(() -> covers(first.committedOffsets(), durable), "a commit covering the first postings");

        // changes after the last commit: an update, a close, a new posting
        postings.get(0).version(2).title("Recovery One Updated").publish();
        postings.get(1).version(2).status("CLOSED").publish();
        TestPosting added = new TestPosting(org, "Recovery Five").publish();
        await(() -> ids(first, org).containsKey(added.id) && !ids(first, org).containsKey(postings.get(1).id),
                "the later changes");
        indexer.halt(); // no final commit
        first.close(); // uncommitted changes are discarded, as by a crash

        LuceneSearchIndex second = LocalIndexes.open(directory);
        try (PostingIndexer restarted = indexer(second).start()) {
            await(restarted::caughtUp, "catching up after the restart");
            Map<String, SearchHit> state = ids(second, org);
            assertEquals(Map.of(postings.get(0).id, 2L, postings.get(2).id, 1L, postings.get(3).id, 1L, added.id, 1L),
                    state.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> e.getValue().posting().version())));
            assertEquals("Recovery One Updated", state.get(postings.get(0).id).posting().title());
            assertEquals(4, search(second, org).total(), "each posting once");
        } finally {
            second.close();
        }
    }

    @Test
    void anEmptyDirectoryIsRebuiltFromTheBeginningOfTheTopic() throws Exception {
        String org = TestPosting.newOrganization();
        TestPosting closed = new TestPosting(org, "Rebuild Closed").publish();
        closed.version(2).status("CLOSED").publish();
        TestPosting open = new TestPosting(org, "Rebuild Open").publish();
        LuceneSearchIndex index = LocalIndexes.open(directory);
        try (PostingIndexer indexer = indexer(index).start()) {
            await(indexer::caughtUp, "the rebuild");
            assertEquals(List.of(open.id), List.copyOf(ids(index, org).keySet()));
            assertTrue(index.stats().documents() >= 1);
            assertTrue(index.stats().tombstones() >= 1);
        } finally {
            index.close();
        }
    }

    private static PostingIndexer indexer(LuceneSearchIndex index) {
        return new PostingIndexer(index, new PostingEventMapper(LocalIndexes.JSON),
                Map.of("bootstrap.servers", TopicOffsets.bootstrap()), TestPosting.TOPIC,
                Topics.deadLetters(TestPosting.TOPIC), "search-service-recovery-test", Duration.ofMillis(200));
    }

    private static SearchResult search(LuceneSearchIndex index, String org) {
        return index.search(new PostingQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                org, null, SortOrder.DATE, 100, null));
    }

    private static Map<String, SearchHit> ids(LuceneSearchIndex index, String org) {
        return search(index, org).hits().stream().collect(Collectors.toMap(h -> h.posting().id(), h -> h));
    }

    private static boolean covers(Map<Integer, Long> committed, Map<Integer, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }

    private static void await(BooleanSupplier condition, String what) {
        Poll.until(what, Duration.ofSeconds(60), condition);
    }
}
