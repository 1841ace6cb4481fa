package org.jobboard.postings.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.postings.domain.ApplyMethod;
import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.postings.domain.Location;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.domain.Salary;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.Instant;
import java.util.List;

/** A posting as the API shows it (events carry their own shape: events.PostingEventData). */
@Schema(name = "Posting")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostingView(
        @Schema(required = true, format = "uuid", maxLength = 36) String id,
        @Schema(required = true, format = "uuid", maxLength = 36) String organizationId,
        @Schema(required = true) OrganizationSummary organization,
        @Schema(required = true) PostingStatus status,
        @Schema(required = true, minLength = 3, maxLength = 200) String title,
        @Schema(description = "Markdown", maxLength = 50000) String description,
        @Schema(description = "The description rendered from Markdown and sanitized (no scripts, event handlers or javascript: links)")
        String descriptionHtml,
        @Schema(description = "The employer's own reference, unique within the organization", maxLength = 40) String requisitionId,
        @Schema(required = true, maxItems = 8) List<EmploymentType> employmentTypes,
        WorkplaceType workplaceType,
        @Schema(required = true, maxItems = 50) List<Location> locations,
        @Schema(description = "ISO 3166-1 alpha-2 countries a remote applicant must live in", maxItems = 250, required = true)
        List<String> applicantLocationRequirements,
        @Schema(implementation = SalarySchema.class) Salary salary,
        Seniority seniority,
        @Schema(required = true, maxItems = 50) List<String> skills,
        @Schema(maxLength = 100) String category,
        ApplyMethod applyMethod,
        Instant validThrough,
        CloseReason closeReason,
        @Schema(required = true, description = "Increases with every change; the ETag", minimum = "0") long version,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        Instant publishedAt,
        Instant closedAt) {

    @Schema(name = "OrganizationSummary")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationSummary(@Schema(required = true, format = "uuid", maxLength = 36) String id,
            @Schema(required = true, maxLength = 200) String name,
            @Schema(format = "uri", maxLength = 2000) String website,
            @Schema(format = "uri", maxLength = 2000) String logoUrl) {
    }
}
