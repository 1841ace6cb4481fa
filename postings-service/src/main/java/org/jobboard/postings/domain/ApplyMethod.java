package org.jobboard.postings.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** DIRECT: apply through Jobboard with this form; EXTERNAL: apply at the employer's https URL. */
public record ApplyMethod(
        @NotNull ApplyType type,
        @Size(max = 2000) String url,
        @Size(max = 50) List<@Valid @NotNull Question> questions) {
}
