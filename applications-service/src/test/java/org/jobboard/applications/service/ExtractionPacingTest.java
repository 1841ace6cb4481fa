package org.jobboard.applications.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExtractionPacingTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final ExtractionPacing pacing = new ExtractionPacing(now::get);

    @Test
    void extractionRunsAtFullSpeedWhileNoRequestsArrive() {
        pacing.configure(0.25, TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, pacing.pauseNanosAfter(millis(10)), "no request yet");
        pacing.requestSeen();
        now.addAndGet(millis(1_000));
        assertEquals(0, pacing.pauseNanosAfter(millis(10)), "the last request is a window ago");
    }

    @Test
    void whileRequestsArriveExtractionKeepsToItsShareOfACore() {
        pacing.configure(0.25, TimeUnit.SECONDS.toNanos(1));
        pacing.requestSeen();
        now.addAndGet(millis(500));
        // 10 ms of work, then 30 ms of pause: a quarter of a core
        assertEquals(millis(30), pacing.pauseNanosAfter(millis(10)));
        pacing.configure(0.5, TimeUnit.SECONDS.toNanos(1));
        assertEquals(millis(40), pacing.pauseNanosAfter(millis(40)));
        pacing.configure(1, TimeUnit.SECONDS.toNanos(1));
        assertEquals(0, pacing.pauseNanosAfter(millis(40)), "a share of 1 never pauses");
    }

    @Test
    void aShareOutsideZeroToOneIsAConfigurationError() {
        assertThrows(IllegalStateException.class, () -> pacing.configure(0, 1));
        assertThrows(IllegalStateException.class, () -> pacing.configure(1.5, 1));
        assertThrows(IllegalStateException.class, () -> pacing.configure(Double.NaN, 1));
    }

    private static long millis(long value) {
        return TimeUnit.MILLISECONDS.toNanos(value);
    }
}
