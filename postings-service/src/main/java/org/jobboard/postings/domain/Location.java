package org.jobboard.postings.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A place of work: ISO 3166-1 alpha-2 country, region (ISO 3166-2 subdivision code or name), city, postal code. */
public record Location(
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code such as US") String country,
        @Size(max = 100) String region,
        @Size(max = 100) String city,
        @Size(max = 20) String postalCode,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude) {
}
