package org.jobboard.search.domain;

import java.util.List;

/**
 * One hit: the posting's summary, its distance from {@code near} (km, to its nearest location) and highlights.
 *
 * @param sortValues opaque values a caller passes back as {@link PostingQuery#after()} to continue after this hit
 */
public record SearchHit(PostingSummary posting, Double distanceKm, Highlights highlights, List<String> sortValues) {

    /** HTML-escaped text with matches wrapped in {@code <em>}; {@code null} when there is nothing to show. */
    public record Highlights(String title, String description) {
    }
}
