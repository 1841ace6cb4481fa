package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.ApplyType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** DIRECT: apply through Jobboard with this form; EXTERNAL: apply at the employer's https URL. */
public record ApplyMethod(
        @NotNull ApplyType type,
        @Schema(description = "The employer's https URL (EXTERNAL); null for DIRECT", nullable = true, format = "uri",
                maxLength = 2000, pattern = "^https://\\S+$")
        @Size(max = 2000) String url,
        @Schema(description = "The application form (DIRECT); null when there is none", nullable = true, maxItems = 50)
        @Size(max = 50) List<@Valid @NotNull Question> questions) {
}
