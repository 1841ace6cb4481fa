package org.jobboard.gateway.proxy;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {
    private final AtomicLong now = new AtomicLong();
    private final CircuitBreaker breaker = new CircuitBreaker(3, 1_000, now::get);

    @Test
    void opensAfterConsecutiveFailuresAndLetsOneProbeThrough() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess(); // not consecutive
        breaker.onFailure();
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.mayTry());

        now.addAndGet(1_000);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        // listing an instance as a candidate does not take its probe: a request that went elsewhere cannot block it
        assertTrue(breaker.mayTry());
        assertTrue(breaker.mayTry());
        assertTrue(breaker.tryAcquire());
        assertFalse(breaker.tryAcquire(), "one probe at a time");
        assertFalse(breaker.mayTry());
        breaker.onFailure();
        assertEquals(CircuitBreaker.State.OPEN, breaker.state());

        now.addAndGet(1_000);
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire() && breaker.tryAcquire());
    }
}
