package org.jobboard.search.domain;

import java.util.List;

/**
 * A page of hits.
 *
 * @param total            matching postings; exact up to {@link #EXACT_TOTAL_LIMIT}
 * @param totalIsLowerBound {@code true} when there are more than {@link #EXACT_TOTAL_LIMIT} and {@code total} is that bound
 * @param didYouMean       a corrected query when the query as typed matches nothing
 * @param fuzzy            whether typo tolerance was used because exact matching found few hits
 * @param hasMore          whether a page follows the last hit
 */
public record SearchResult(List<SearchHit> hits, long total, boolean totalIsLowerBound, Facets facets,
        String didYouMean, boolean fuzzy, boolean hasMore) {
    /** Above this, totals are a lower bound (what another adapter, e.g. OpenSearch, can also promise cheaply). */
    public static final int EXACT_TOTAL_LIMIT = 10_000;
}
