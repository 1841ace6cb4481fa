package org.jobboard.gateway.time;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The tests' time: it stands still until a test moves it (a bean of type {@link Ticker}, so it replaces the system
 * clock in every {@code @QuarkusTest}). Breakers stay open and token buckets stay empty until {@link #advance} says
 * that the time has passed; nothing waits for the wall clock. Buckets never refill by themselves either: the tests
 * of one application together stay below its 60 anonymous requests per client address.
 */
@Singleton
public class ManualTicker implements Ticker {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanos() {
        return now.get();
    }

    public void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
