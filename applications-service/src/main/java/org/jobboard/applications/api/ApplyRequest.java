package org.jobboard.applications.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * An application as a candidate submits it (plain JSON, or the {@code application} part of multipart/form-data).
 * Answers are keyed by question id; their values are checked against the posting's form (422 per question). The
 * resume travels either as {@code resume} here (base64, for generated clients) or as the multipart file part, not both.
 */
@Schema(name = "ApplicationInput")
public record ApplyRequest(
        @Schema(format = "uuid", pattern = "^[0-9a-fA-F-]{36}$") @NotBlank @Size(max = 36) String postingId,
        @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*\\S[^\\u0000-\\u001F\\u007F]*$") @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
        @Schema(format = "email", pattern = "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$") @NotBlank @Size(max = 254) @Email(regexp = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+", message = "must be an email address") String email,
        @Schema(maxLength = 16, pattern = "^\\+[1-9][0-9]{6,14}$") @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +14155550123") String phone,
        @Schema(description = "question id -> answer: string (TEXT, SINGLE_CHOICE), YES/NO or boolean (YES_NO), number (NUMBER), array of strings (MULTI_CHOICE)",
                additionalProperties = Schema.True.class, maxProperties = 100)
        @Size(max = 100) Map<String, JsonNode> answers,
        @Schema(pattern = "^[^\\u0000]*$") @Size(max = 10_000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String coverLetter,
        @NotNull @Valid Consent consent,
        @Valid Source source,
        @Schema(description = "Optional: the resume, base64-encoded (or, in multipart/form-data, the file part 'resume' "
                + "instead; not both)")
        // left out of the JSON the Idempotency-Key hashes when absent, so a request without it hashes as before
        @JsonInclude(JsonInclude.Include.NON_NULL) @Valid ResumeUpload resume) {

    /** This application with the resume's bytes left out (they are compared by their SHA-256 instead). */
    public ApplyRequest withoutResumeContent() {
        return resume == null ? this : new ApplyRequest(postingId, name, email, phone, answers, coverLetter, consent,
                source, resume.withoutContent());
    }

    /** The privacy policy the candidate accepted (required) and whether they want marketing messages. */
    public record Consent(
            @Schema(pattern = "^[A-Za-z0-9._-]+$") @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a policy version such as 2026-01") String privacyPolicyVersion,
            Boolean marketing) {
    }

    /** Attribution: where the candidate came from. */
    public record Source(
            @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*$") @Size(max = 2000) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String referrer,
            @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*$") @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmSource,
            @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*$") @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmMedium,
            @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*$") @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmCampaign,
            @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*$") @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmTerm,
            @Schema(pattern = "^[^\\u0000-\\u001F\\u007F]*$") @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmContent) {
    }
}
