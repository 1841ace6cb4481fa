package org.jobboard.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import org.jobboard.platform.problem.ApiException;

/** ETag = the aggregate's version (CONVENTIONS.md, "Optimistic concurrency"). */
public final class Etags {
    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** For PATCH/PUT/DELETE: 428 without If-Match, 412 when it names another version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired();
        }
        checkMatch(ifMatch, currentVersion);
    }

    /** For commands (publish, close...): If-Match is optional, but when sent it must match. */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            if (tag.equals(Long.toString(currentVersion))) {
                return;
            }
        }
        throw ApiException.preconditionFailed("the resource changed since you read it (current ETag \""
                + currentVersion + "\"); read it again and retry");
    }
}
