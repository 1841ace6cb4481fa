package org.jobboard.applications.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.applications.CandidateStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application as its candidate sees it: status in candidate terms, never notes, reject reasons or who moved it.
 * {@code statusHistory} is in the single view only.
 */
@Schema(name = "CandidateApplication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CandidateApplicationView(@Schema(required = true, format = "uuid", maxLength = 36) String id,
        @Schema(required = true, format = "uuid", maxLength = 36) String postingId,
        @Schema(maxLength = 200) String postingTitle, @Schema(required = true) CandidateStatus status,
        @Schema(maxLength = 200) String name, @Schema(format = "email", maxLength = 254) String email,
        @Schema(maxLength = 16, pattern = "^\\+[1-9][0-9]{6,14}$") String phone,
        @Schema(description = "question id -> answer", maxProperties = 100) Map<String, Object> answers,
        @Schema(maxLength = 10000) String coverLetter,
        ResumeView resume, @Schema(description = "Single view only", maxItems = 20) List<StatusChange> statusHistory,
        @Schema(required = true, description = "Increases with every change; the ETag", minimum = "0") long version,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {

    /** One change of the candidate-visible status. */
    public record StatusChange(@Schema(required = true) CandidateStatus status, @Schema(required = true) Instant at) {
    }
}
