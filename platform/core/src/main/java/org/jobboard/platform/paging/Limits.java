package org.jobboard.platform.paging;

import org.jobboard.platform.problem.ApiException;

/** The shared limit rule: default 20, 1 to 100, otherwise 400 naming {@code limit}. */
public final class Limits {
    public static final int DEFAULT = 20;
    public static final int MAX = 100;

    private Limits() {
    }

    /**
     * From the raw query parameter: taken as text so that {@code limit=abc} is a 400 naming it (a JAX-RS typed
     * query parameter that does not convert would be a 404).
     */
    public static int of(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT;
        }
        try {
            return of(Integer.valueOf(limit.strip()));
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("limit", "must be a whole number between 1 and " + MAX);
        }
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
