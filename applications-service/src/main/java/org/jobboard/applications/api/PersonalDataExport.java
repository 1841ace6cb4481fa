package org.jobboard.applications.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.applications.CandidateStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything this service stores about the caller (GDPR access / portability); files as links. */
@Schema(name = "PersonalDataExport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PersonalDataExport(@Schema(required = true, description = "The caller (token sub)", maxLength = 255) String subject,
        @Schema(required = true) Instant exportedAt,
        @Schema(required = true, enumeration = { "applications-service" }) String service,
        @Schema(required = true) List<ExportedApplication> applications) {

    /** Every field is written, so what the candidate did not give travels as null. */
    public record ExportedApplication(@Schema(required = true, format = "uuid", maxLength = 36) String id,
            @Schema(required = true, format = "uuid", maxLength = 36) String postingId,
            @Schema(description = "Null when the posting is unknown to this service", nullable = true, maxLength = 200)
            String postingTitle,
            @Schema(required = true) CandidateStatus status,
            @Schema(nullable = true, maxLength = 200) String name,
            @Schema(nullable = true, format = "email", maxLength = 254) String email,
            @Schema(nullable = true, maxLength = 16, pattern = "^\\+[1-9][0-9]{6,14}$") String phone,
            @Schema(description = "question id -> answer", nullable = true, maxProperties = 100) Map<String, Object> answers,
            @Schema(nullable = true, maxLength = 10000) String coverLetter,
            @Schema(nullable = true) Map<String, Object> consent,
            @Schema(description = "Attribution: referrer and utm_* values", nullable = true, maxProperties = 6)
            Map<String, Object> source,
            @Schema(nullable = true) ResumeView resume,
            @Schema(required = true) List<CandidateApplicationView.StatusChange> statusHistory,
            @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {
    }
}
