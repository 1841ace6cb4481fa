package org.jobboard.platform.paging;

import org.jobboard.platform.problem.ApiException;

/** The shared limit rule: default 20, 1 to 100, otherwise 400 naming {@code limit}. */
public final class Limits {
    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private Limits() {
    }

    public static int of(Integer limit) {
        if (limit == null) {
            return DEFAULT;
        }
        if (limit < 1 || limit > MAX) {
            throw ApiException.badParameter("limit", "must be between 1 and " + MAX);
        }
        return limit;
    }
}
