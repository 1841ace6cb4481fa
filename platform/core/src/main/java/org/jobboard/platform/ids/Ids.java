package org.jobboard.platform.ids;

import java.security.SecureRandom;
import java.util.UUID;

/** Opaque, time-ordered identifiers (UUIDv7, RFC 9562): sortable by creation time, never a sequence number. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newUuid() {
        return newUuid(System.currentTimeMillis());
    }

    /** An id for the given creation time: its first 48 bits are these milliseconds, so ids sort by them. */
    public static UUID newUuid(long millis) {
        long randA = RANDOM.nextInt(1 << 12);
        long randB = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | randA;
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    public static String newId() {
        return newUuid().toString();
    }

    /** Parses an id from a path or body; an id that is not ours is simply "not found", never a 500. */
    public static java.util.Optional<UUID> parse(String value) {
        if (value == null || value.length() != 36) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
