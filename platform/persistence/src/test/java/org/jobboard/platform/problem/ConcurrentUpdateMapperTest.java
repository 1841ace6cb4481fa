package org.jobboard.platform.problem;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In platform-persistence, where the persistence exceptions the core mapper knows by name exist. */
class ConcurrentUpdateMapperTest {
    @Test
    void aLostUpdateIsFoundHoweverDeeplyWrapped() {
        assertTrue(ConcurrentUpdateMapper.isLostUpdate(new OptimisticLockException("stale")));
        assertTrue(ConcurrentUpdateMapper.isLostUpdate(new StaleObjectStateException("Posting", 1)));
        Exception commit = new Exception("rollback", new IllegalStateException(new OptimisticLockException("stale")));
        assertTrue(ConcurrentUpdateMapper.isLostUpdate(commit));
    }

    @Test
    void anythingElseIsNot() {
        assertFalse(ConcurrentUpdateMapper.isLostUpdate(new IllegalStateException("boom")));
        assertFalse(ConcurrentUpdateMapper.isLostUpdate(new RuntimeException(new IllegalArgumentException())));
        Exception cyclic = new Exception("a");
        Exception other = new Exception("b", cyclic);
        cyclic.initCause(other);
        assertFalse(ConcurrentUpdateMapper.isLostUpdate(cyclic));
    }
}
