package org.jobboard.gateway.time;

/**
 * Monotonic time in nanoseconds, for measuring how long something took or has been going on (a breaker's open time,
 * a token bucket's refill, a request's duration). Injected rather than read from {@link System#nanoTime()} so that
 * tests move time instead of waiting for it to pass.
 */
@FunctionalInterface
public interface Ticker {
    /** The system's monotonic clock. */
    Ticker SYSTEM = System::nanoTime;

    long nanos();
}
