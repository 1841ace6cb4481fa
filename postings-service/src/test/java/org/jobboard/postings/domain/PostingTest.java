package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.contracts.postings.PostingStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PostingTest {
    private final Instant now = Instant.parse("2026-11-28T10:00:00Z");

    private static Posting draft() {
        Posting posting = new Posting();
        posting.status = PostingStatus.DRAFT;
        return posting;
    }

    @Test
    void theLegalPath() {
        Posting posting = draft();
        posting.publish(now.plusSeconds(3600), now);
        assertEquals(PostingStatus.PUBLISHED, posting.status);
        posting.close(CloseReason.FILLED, now);
        assertEquals(PostingStatus.CLOSED, posting.status);
        assertEquals(CloseReason.FILLED, posting.closeReason);
        posting.reopen(now.plusSeconds(7200), now);
        assertEquals(PostingStatus.PUBLISHED, posting.status);
        assertNull(posting.closeReason);
        posting.expire(now);
        assertEquals(PostingStatus.EXPIRED, posting.status);
        posting.reopen(now.plusSeconds(7200), now);
        assertEquals(PostingStatus.PUBLISHED, posting.status);
    }

    @Test
    void illegalTransitions() {
        Posting posting = draft();
        assertThrows(IllegalTransitionException.class, () -> posting.close(CloseReason.OTHER, now));
        assertThrows(IllegalTransitionException.class, () -> posting.expire(now));
        assertThrows(IllegalTransitionException.class, () -> posting.reopen(now, now));
        posting.publish(now.plusSeconds(60), now);
        assertThrows(IllegalTransitionException.class, () -> posting.publish(now.plusSeconds(60), now));
        assertThrows(IllegalTransitionException.class, posting::ensureDeletable);
        posting.close(CloseReason.CANCELLED, now);
        assertThrows(IllegalTransitionException.class, () -> posting.publish(now.plusSeconds(60), now));
        assertThrows(IllegalTransitionException.class, () -> posting.expire(now));
    }
}
