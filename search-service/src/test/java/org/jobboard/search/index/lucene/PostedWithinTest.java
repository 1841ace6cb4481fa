package org.jobboard.search.index.lucene;

import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SortOrder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** "Posted within" counts back from the index's clock, and commits are stamped with it: time is a dependency. */
class PostedWithinTest extends TemporaryIndexFixture {

    @Test
    void aPostingLeavesTheWindowAsTheClockMovesOn() throws Exception {
        Instant now = clock.instant();
        index.upsert(posted("yesterday", now.minus(Duration.ofHours(30))));
        index.upsert(posted("last-hour", now.minus(Duration.ofMinutes(30))));
        index.refresh();

        assertEquals(List.of("last-hour"), ids(Duration.ofDays(1)));
        assertEquals(List.of("last-hour", "yesterday"), ids(Duration.ofDays(7)));

        clock.advance(Duration.ofDays(6).plusHours(12));
        assertEquals(List.of(), ids(Duration.ofDays(1)));
        assertEquals(List.of("last-hour"), ids(Duration.ofDays(7)));
        assertEquals(List.of("last-hour", "yesterday"), ids(Duration.ofDays(30)));
    }

    @Test
    void aCommitIsStampedWithTheClock() throws Exception {
        clock.advance(Duration.ofDays(3));
        index.commit(Map.of(0, 5L));
        assertEquals(clock.instant(), index.stats().lastCommitAt());
        reopen();
        assertEquals(clock.instant(), index.stats().lastCommitAt());
    }

    private List<String> ids(Duration postedWithin) {
        return index.search(new PostingQuery(null, null, null, null, null, null, null, null, null, null, null, null,
                null, postedWithin, SortOrder.DATE, 20, null)).hits().stream().map(h -> h.posting().id()).toList();
    }

    private static IndexedPosting posted(String id, Instant publishedAt) {
        return new IndexedPosting(new PostingSummary(id, "Welder " + id,
                new PostingSummary.Organization("0193e0a0-0000-7000-8000-00000000ac3e", "Acme", null),
                List.of("FULL_TIME"), "REMOTE", "MID", List.of(), null, List.of(), "Engineering", publishedAt, null, 1),
                "A role.");
    }
}
