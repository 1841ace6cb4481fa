package org.jobboard.postings.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place of work: ISO 3166-1 alpha-2 country, region (ISO 3166-2 subdivision code or name), city, postal code. */
public record Location(
        @Schema(description = "ISO 3166-1 alpha-2", pattern = "^[A-Z]{2}$", maxLength = 2)
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String country,
        @Schema(nullable = true, maxLength = 100) @Size(max = 100) String region,
        @Schema(nullable = true, maxLength = 100) @Size(max = 100) String city,
        @Schema(nullable = true, maxLength = 20) @Size(max = 20) String postalCode,
        @Schema(nullable = true, minimum = "-90", maximum = "90") @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(nullable = true, minimum = "-180", maximum = "180") @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
