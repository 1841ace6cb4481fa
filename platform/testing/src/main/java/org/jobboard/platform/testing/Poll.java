package org.jobboard.platform.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for an observable outcome of asynchronous work (an event indexed, a commit made): checks it again and again
 * until it holds or a bound is reached. It never waits for time itself to pass; tests that need that move a
 * test clock.
 */
public final class Poll {
    private static final Duration BETWEEN_CHECKS = Duration.ofMillis(50);

    private Poll() {
    }

    /** Returns the first value {@code check} yields that is not {@code null}, or fails after {@code bound}. */
    public static <T> T untilPresent(String what, Duration bound, Supplier<T> check) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            T value = check.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + bound + " waiting for " + what);
            }
            LockSupport.parkNanos(BETWEEN_CHECKS.toNanos()); // yield the CPU between checks
            if (Thread.interrupted()) {
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    /** Waits until {@code condition} holds, or fails after {@code bound}. */
    public static void until(String what, Duration bound, BooleanSupplier condition) {
        untilPresent(what, bound, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
    }
}
