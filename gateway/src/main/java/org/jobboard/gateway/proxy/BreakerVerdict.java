package org.jobboard.gateway.proxy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * What one proxied exchange tells the circuit breaker of the instance it went to. Only failures of the instance itself
 * count: it refused or reset the connection, stayed silent after the whole request had been sent, or said itself that
 * it cannot serve (502, 503). An answer of the application (500, 504, any 4xx) shows a live instance, and a client that
 * aborts or stalls its own request body says nothing about the instance at all; otherwise one caller's bad requests
 * would open the breaker for everyone.
 */
enum BreakerVerdict {
    /** The instance answered. */
    ANSWERED,
    /** The instance failed; enough of these in a row open its breaker. */
    INSTANCE_FAILED,
    /** Nothing was learnt about the instance (the client broke its own request off). */
    UNKNOWN;

    /**
     * 502, and a 503 without Retry-After (an instance shutting down or not ready), say the instance cannot serve. A 503
     * with Retry-After is the application shedding load on purpose (e.g. applications-service's cap on uploads in
     * flight): an answer, or a burst of uploads from a few callers would open the breaker for everyone.
     */
    static BreakerVerdict ofStatus(int status, boolean retryAfter) {
        return status == 502 || (status == 503 && !retryAfter) ? INSTANCE_FAILED : ANSWERED;
    }

    /**
     * @param requestSent whether the whole request (head and body) had reached the instance
     * @param clientAtFault whether the gateway broke the exchange off because of the client (aborted, stalled or
     *                      oversized body), which shows as a failure of the upstream request too
     */
    static BreakerVerdict ofFailure(Throwable cause, boolean requestSent, boolean clientAtFault) {
        if (clientAtFault) {
            return UNKNOWN;
        }
        if (cause instanceof ConnectException) { // refused, or no connection within the connect timeout
            return INSTANCE_FAILED;
        }
        if (isTimeout(cause)) {
            // the silence of an instance counts only once it had everything it needed to answer
            return requestSent ? INSTANCE_FAILED : UNKNOWN;
        }
        return INSTANCE_FAILED; // the instance reset or closed the connection
    }

    static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout");
    }

    void applyTo(CircuitBreaker breaker) {
        switch (this) {
            case ANSWERED -> breaker.onSuccess();
            case INSTANCE_FAILED -> breaker.onFailure();
            case UNKNOWN -> breaker.release();
        }
    }
}
