package org.jobboard.gateway.proxy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One upstream instance's breaker: closed until {@code threshold} consecutive failures, then open (requests skip
 * the instance) for {@code openNanos}, then half-open: one probe request decides whether it closes or opens again.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final long openNanos;
    private final LongSupplier clock;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicBoolean probing = new AtomicBoolean();

    public CircuitBreaker(int threshold, long openNanos, LongSupplier clock) {
        this.threshold = threshold;
        this.openNanos = openNanos;
        this.clock = clock;
    }

    public State state() {
        long opened = openedAt.get();
        if (opened < 0) {
            return State.CLOSED;
        }
        return clock.getAsLong() - opened >= openNanos ? State.HALF_OPEN : State.OPEN;
    }

    /** Whether a request could go to this instance now (without taking the half-open probe). */
    public boolean mayTry() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> !probing.get();
        };
    }

    /** May a request go to this instance now? In half-open state only one probe at a time. */
    public boolean tryAcquire() {
        return switch (state()) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> probing.compareAndSet(false, true);
        };
    }

    public void onSuccess() {
        failures.set(0);
        openedAt.set(-1);
        probing.set(false);
    }

    /** The request told nothing about the instance: its half-open probe (if it was one) goes to the next request. */
    public void release() {
        probing.set(false);
    }

    public void onFailure() {
        if (state() == State.HALF_OPEN || failures.incrementAndGet() >= threshold) {
            openedAt.set(clock.getAsLong());
        }
        probing.set(false);
    }
}
