package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.QuestionType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * One application-form question. A knockout answer, when given, rejects an application that gives it
 * (YES_NO: "YES"/"NO"; SINGLE_CHOICE/MULTI_CHOICE: one of the choices).
 */
public record Question(
        @Schema(maxLength = 40, pattern = "^[A-Za-z0-9_-]+$") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may contain letters, digits, _ and -") String id,
        @Schema(minLength = 1, maxLength = 500) @NotBlank @Size(max = 500) String label,
        @NotNull QuestionType type,
        boolean required,
        @Schema(description = "The options of SINGLE_CHOICE and MULTI_CHOICE (each at most 200 characters); null otherwise",
                nullable = true, maxItems = 50)
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> choices,
        @Schema(nullable = true, maxLength = 200) @Size(max = 200) String knockoutAnswer) {
}
