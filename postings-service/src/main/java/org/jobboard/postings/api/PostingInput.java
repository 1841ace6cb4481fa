package org.jobboard.postings.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.postings.domain.ApplyMethod;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.Salary;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.Instant;
import java.util.List;

/**
 * What a recruiter writes: the body of a create, the target of a merge patch, one item of a batch. A draft may be
 * incomplete; publishing checks completeness (422).
 */
@Schema(name = "PostingInput")
public record PostingInput(
        @NotBlank @Size(min = 3, max = 200) String title,
        @Schema(description = "Markdown, up to 50,000 characters") @Size(max = 50000) String description,
        @Schema(description = "The employer's own reference, unique within the organization") @Size(max = 40) String requisitionId,
        @Size(max = 8) List<@NotNull EmploymentType> employmentTypes,
        WorkplaceType workplaceType,
        @Size(max = 50) List<@Valid @NotNull Location> locations,
        @Schema(description = "ISO 3166-1 alpha-2 countries a remote applicant must live in")
        @Size(max = 250) List<@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String> applicantLocationRequirements,
        @Schema(implementation = SalarySchema.class) @Valid Salary salary,
        Seniority seniority,
        @Size(max = 50) List<@NotBlank @Size(max = 50) String> skills,
        @Size(max = 100) String category,
        @Valid ApplyMethod applyMethod,
        @Rfc3339Time Instant validThrough) {

    public PostingInput withValidThrough(Instant newValidThrough) {
        return new PostingInput(title, description, requisitionId, employmentTypes, workplaceType, locations,
                applicantLocationRequirements, salary, seniority, skills, category, applyMethod, newValidThrough);
    }
}
