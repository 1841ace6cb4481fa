package org.jobboard.search.domain;

/** Result orders; every one ends with the posting id as tie-breaker so cursor paging is stable. */
public enum SortOrder {
    /** BM25 score (newest first when there is no text query). */
    RELEVANCE,
    /** Newest publication first. */
    DATE,
    /** Highest annualized salary first; postings without a salary last. */
    SALARY,
    /** Nearest location first; needs {@code near}. */
    DISTANCE
}
