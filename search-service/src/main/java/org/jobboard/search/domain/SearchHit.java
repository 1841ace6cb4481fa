package org.jobboard.search.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One hit: the posting's summary, its distance from {@code near} (km, to its nearest location) and highlights.
 *
 * @param sortValues opaque values a caller passes back as {@link PostingQuery#after()} to continue after this hit
 */
public record SearchHit(PostingSummary posting, Double distanceKm, Highlights highlights, List<String> sortValues) {

    /** HTML-escaped text with matches wrapped in {@code <em>}; {@code null} when there is nothing to show. */
    public record Highlights(@Schema(description = "Null when the title has no match", nullable = true) String title,
            @Schema(description = "The description passage of about 200 characters that matches best (its opening when nothing in it matches); null without a description", nullable = true) String description) {
    }
}
