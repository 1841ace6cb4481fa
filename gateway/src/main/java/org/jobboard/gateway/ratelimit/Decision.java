package org.jobboard.gateway.ratelimit;

/** The outcome of taking one token: what the RateLimit-* headers and a 429 tell the client. */
public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
