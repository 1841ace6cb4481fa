package org.jobboard.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import org.jobboard.platform.concurrency.IfMatch;

/**
 * ETag = the aggregate's version (docs/conventions.md, "Optimistic concurrency"). If-Match is checked by {@link IfMatch},
 * conditional reads by {@link ConditionalRequests}.
 */
public final class Etags {
    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }
}
