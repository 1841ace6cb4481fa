package org.jobboard.search.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jobboard.search.domain.PostingSummary;

import java.time.Instant;
import java.util.List;

/**
 * The part of a posting event (jobboard.postings.v1, event-carried state) the index reads; unknown fields are ignored.
 * {@code descriptionText} is the plain text postings-service renders from the Markdown {@code description}; events
 * written before it existed carry only the Markdown.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostingEventData(String id, String organizationId, PostingSummary.Organization organization,
        String status, String title, String description, String descriptionText, List<String> employmentTypes,
        String workplaceType, List<PostingSummary.Location> locations, PostingSummary.Salary salary,
        String seniority, List<String> skills, String category, Instant validThrough, Long version,
        Instant createdAt, Instant updatedAt, Instant publishedAt) {
}
