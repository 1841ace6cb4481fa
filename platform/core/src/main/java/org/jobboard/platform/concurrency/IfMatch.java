package org.jobboard.platform.concurrency;

import org.jobboard.platform.problem.ApiException;

/**
 * Optimistic concurrency on writes (docs/conventions.md, "Optimistic concurrency"): the ETag is the aggregate's version
 * and If-Match must name it, compared strongly (RFC 9110 13.1.1). Not in the rest package: services check it against
 * the version they read inside their transaction, and the service layer does not depend on the REST layer.
 */
public final class IfMatch {
    private IfMatch() {
    }

    /** For PATCH/PUT/DELETE: 428 without If-Match, 412 unless it names the current version. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired();
        }
        checkMatch(ifMatch, currentVersion);
    }

    /**
     * For commands (publish, close...): If-Match is optional, but when sent it must match. A weak tag ({@code W/"3"})
     * never matches: it only promises an equivalent representation, not the same version.
     */
    public static void checkMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        for (EntityTagList.Tag tag : EntityTagList.parse(ifMatch)) {
            if (!tag.weak() && tag.opaque().equals(current)) {
                return;
            }
        }
        throw ApiException.preconditionFailed("the resource changed since you read it (current ETag \""
                + currentVersion + "\"; a weak W/ tag never matches); read it again and retry");
    }
}
