package org.jobboard.applications.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.ActorRole;
import org.jobboard.applications.domain.RejectReason;
import org.jobboard.applications.domain.Stage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An application as its organization's recruiters see it. In the single view ({@code GET /v1/applications/{id}})
 * the resume carries its extracted text and {@code history} the whole pipeline history; lists leave both out.
 * An erased candidate shows {@code erased: true}, no personal data, and the history without notes.
 */
@Schema(name = "RecruiterApplication")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecruiterApplicationView(@Schema(required = true, format = "uuid", maxLength = 36) String id,
        @Schema(required = true, format = "uuid", maxLength = 36) String postingId,
        @Schema(maxLength = 200) String postingTitle, @Schema(required = true) Stage stage,
        RejectReason rejectReason, @Schema(required = true) boolean erased, @Schema(maxLength = 200) String name,
        @Schema(format = "email", maxLength = 254) String email,
        @Schema(maxLength = 16, pattern = "^\\+[1-9][0-9]{6,14}$") String phone,
        @Schema(description = "question id -> answer", maxProperties = 100) Map<String, Object> answers,
        @Schema(maxLength = 10000) String coverLetter,
        @Schema(description = "Attribution: referrer and utm_* values", maxProperties = 6) Map<String, Object> source,
        ResumeView resume,
        @Schema(description = "Single view only: the whole pipeline history", maxItems = 1000) List<HistoryEntry> history,
        @Schema(required = true, description = "Increases with every change; the ETag", minimum = "0") long version,
        @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {

    /** One pipeline transition: who (role and subject), when, from, to, why. {@code from} is absent on submission. */
    public record HistoryEntry(@Schema(description = "Null on submission", nullable = true) Stage from,
            @Schema(required = true) Stage to,
            @Schema(description = "With to=REJECTED", nullable = true) RejectReason reason,
            @Schema(description = "Internal note (null when none, or once the candidate is erased)", nullable = true,
                    maxLength = 2000) String note,
            @Schema(required = true) ActorRole byRole,
            @Schema(description = "The actor's subject (token sub); null for the system and once the candidate is "
                    + "erased", nullable = true, maxLength = 255) String bySubject,
            @Schema(required = true) Instant at) {
    }
}
