package org.jobboard.platform.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A service's clock in tests: the system's, moved forward by a test that needs time to pass (a posting to expire, a
 * lease to run out) instead of waiting for it. Each service declares it as its test bean with a one-line subclass
 * ({@code @Alternative @Priority(1) @Singleton class MutableClock extends OffsetClock {}}), which replaces the
 * platform's SystemClock. Every test of one Quarkus application shares it: a test that moves it puts it back with
 * {@link #reset()} unless later tests may see the moved time.
 */
public class OffsetClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Moves the clock forward; never back, because the services' own rules assume time does not run backwards. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the test clock only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the services' clock is UTC");
    }
}
