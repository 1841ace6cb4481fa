package org.jobboard.postings.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.postings.domain.ApplyMethod;
import org.jobboard.postings.domain.CloseReason;
import org.jobboard.postings.domain.EmploymentType;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.PostingStatus;
import org.jobboard.postings.domain.Salary;
import org.jobboard.postings.domain.Seniority;
import org.jobboard.postings.domain.WorkplaceType;

import java.time.Instant;
import java.util.List;

/** A posting as the API shows it, and as posting events carry it (event-carried state transfer). */
@Schema(name = "Posting")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostingView(
        String id,
        String organizationId,
        OrganizationSummary organization,
        PostingStatus status,
        String title,
        String description,
        @Schema(description = "The description rendered from Markdown and sanitized (no scripts, event handlers or javascript: links)")
        String descriptionHtml,
        String requisitionId,
        List<EmploymentType> employmentTypes,
        WorkplaceType workplaceType,
        List<Location> locations,
        List<String> applicantLocationRequirements,
        Salary salary,
        Seniority seniority,
        List<String> skills,
        String category,
        ApplyMethod applyMethod,
        Instant validThrough,
        CloseReason closeReason,
        long version,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant closedAt) {

    @Schema(name = "OrganizationSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationSummary(String id, String name, String website, String logoUrl) {
    }
}
