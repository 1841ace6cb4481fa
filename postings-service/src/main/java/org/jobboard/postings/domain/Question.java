package org.jobboard.postings.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One application-form question. A knockout answer, when given, rejects an application that gives it
 * (YES_NO: "YES"/"NO"; SINGLE_CHOICE/MULTI_CHOICE: one of the choices).
 */
public record Question(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "may contain letters, digits, _ and -") String id,
        @NotBlank @Size(max = 500) String label,
        @NotNull QuestionType type,
        boolean required,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> choices,
        @Size(max = 200) String knockoutAnswer) {
}
