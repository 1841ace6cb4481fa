package org.jobboard.gateway.ratelimit;

import java.time.Duration;

/** A token bucket: {@code requests} per {@code period}, refilled continuously, bursting up to {@code requests}. */
public record Limit(String name, long requests, Duration period) {

    /** Parses "60/PT1M" or "60/1m" (s, m, h). */
    public static Limit parse(String name, String value) {
        String[] parts = value.strip().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("rate limit " + name + " must look like 60/1m, not " + value);
        }
        long requests = Long.parseLong(parts[0].strip());
        String period = parts[1].strip();
        Duration duration;
        if (period.startsWith("P") || period.startsWith("p")) {
            duration = Duration.parse(period);
        } else {
            long amount = period.length() == 1 ? 1 : Long.parseLong(period.substring(0, period.length() - 1));
            duration = switch (period.charAt(period.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new IllegalArgumentException("rate limit " + name + ": unknown unit in " + value);
            };
        }
        if (requests < 1 || duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("rate limit " + name + " must allow at least 1 request per positive period");
        }
        return new Limit(name, requests, duration);
    }

    /** Nanoseconds to earn one token back. */
    public double nanosPerToken() {
        return (double) period.toNanos() / requests;
    }
}
