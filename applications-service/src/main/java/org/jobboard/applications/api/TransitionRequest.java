package org.jobboard.applications.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.applications.domain.RejectReason;
import org.jobboard.applications.domain.Stage;

/** A recruiter moves an application: one stage forward, or to REJECTED with a reason; an optional internal note. */
@Schema(name = "TransitionInput")
public record TransitionRequest(
        @NotNull Stage to,
        @Schema(description = "required with to=REJECTED, not allowed otherwise") RejectReason reason,
        @Schema(description = "internal: never shown to the candidate", pattern = "^[^\\u0000]*$") @Size(max = 2000)
        @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String note) {
}
