package org.jobboard.applications.rest;

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
 * Answers are keyed by question id; their values are checked against the posting's form (422 per question).
 */
@Schema(name = "ApplicationInput")
public record ApplyRequest(
        @NotBlank @Size(max = 36) String postingId,
        @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String name,
        @NotBlank @Size(max = 254) @Email(regexp = "[^\\s@]+@[^\\s@]+\\.[^\\s@]+", message = "must be an email address") String email,
        @Pattern(regexp = "\\+[1-9][0-9]{6,14}", message = "must be an E.164 number such as +14155550123") String phone,
        @Schema(description = "question id -> answer: string (TEXT, SINGLE_CHOICE), YES/NO or boolean (YES_NO), number (NUMBER), array of strings (MULTI_CHOICE)")
        @Size(max = 100) Map<String, JsonNode> answers,
        @Size(max = 10_000) @Pattern(regexp = "[^\\x00]*", message = "must not contain NUL characters") String coverLetter,
        @NotNull @Valid Consent consent,
        @Valid Source source) {

    /** The privacy policy the candidate accepted (required) and whether they want marketing messages. */
    public record Consent(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "must be a policy version such as 2026-01") String privacyPolicyVersion,
            Boolean marketing) {
    }

    /** Attribution: where the candidate came from. */
    public record Source(
            @Size(max = 2000) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String referrer,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmSource,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmMedium,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmCampaign,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmTerm,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String utmContent) {
    }
}
