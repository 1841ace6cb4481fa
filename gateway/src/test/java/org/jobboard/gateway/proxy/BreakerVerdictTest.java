package org.jobboard.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.StreamResetException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BreakerVerdictTest {

    @Test
    void applicationAnswersAreAnswersWhateverTheirStatus() {
        for (int status : new int[] {200, 400, 404, 408, 413, 429, 500, 501, 504}) {
            assertEquals(BreakerVerdict.ANSWERED, BreakerVerdict.ofStatus(status, false), "status " + status);
        }
        assertEquals(BreakerVerdict.INSTANCE_FAILED, BreakerVerdict.ofStatus(502, false));
        assertEquals(BreakerVerdict.INSTANCE_FAILED, BreakerVerdict.ofStatus(503, false));
    }

    @Test
    void aServiceSheddingLoadWithRetryAfterHasAnswered() {
        assertEquals(BreakerVerdict.ANSWERED, BreakerVerdict.ofStatus(503, true));
        assertEquals(BreakerVerdict.INSTANCE_FAILED, BreakerVerdict.ofStatus(502, true));
    }

    @Test
    void theInstanceFailsWhenItRefusesResetsOrStaysSilentAfterTheWholeRequest() {
        assertEquals(BreakerVerdict.INSTANCE_FAILED,
                BreakerVerdict.ofFailure(new ConnectException("Connection refused"), false, false));
        assertEquals(BreakerVerdict.INSTANCE_FAILED,
                BreakerVerdict.ofFailure(new ConnectTimeoutException("connect timed out"), false, false));
        assertEquals(BreakerVerdict.INSTANCE_FAILED, BreakerVerdict.ofFailure(new HttpClosedException("closed"), true, false));
        assertEquals(BreakerVerdict.INSTANCE_FAILED, BreakerVerdict.ofFailure(new HttpClosedException("closed"), false, false));
        assertEquals(BreakerVerdict.INSTANCE_FAILED, BreakerVerdict.ofFailure(new TimeoutException(), true, false));
    }

    @Test
    void aClientBreakingOffItsRequestTellsNothingAboutTheInstance() {
        assertEquals(BreakerVerdict.UNKNOWN, BreakerVerdict.ofFailure(new StreamResetException(0), false, true));
        assertEquals(BreakerVerdict.UNKNOWN, BreakerVerdict.ofFailure(new TimeoutException(), false, true));
        // silence before the instance had the whole request is not held against it
        assertEquals(BreakerVerdict.UNKNOWN, BreakerVerdict.ofFailure(new TimeoutException(), false, false));
    }

    @Test
    void anUnknownOutcomeReleasesAHalfOpenProbeWithoutClosingOrOpening() {
        AtomicLong now = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(1, 1_000, now::get);
        BreakerVerdict.INSTANCE_FAILED.applyTo(breaker);
        now.addAndGet(1_000);
        assertTrue(breaker.tryAcquire());
        BreakerVerdict.UNKNOWN.applyTo(breaker);
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertTrue(breaker.tryAcquire(), "the next request may probe");
        BreakerVerdict.ANSWERED.applyTo(breaker);
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
    }
}
