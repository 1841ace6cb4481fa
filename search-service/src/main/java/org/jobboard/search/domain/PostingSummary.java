package org.jobboard.search.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.postings.SalaryPeriod;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a search hit shows of a posting: the fields a result list needs, kept in the index with each posting so a
 * page of hits never calls another service. The description is not here (only its highlighted snippet is returned).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PostingSummary(String id, String title, Organization organization, List<String> employmentTypes,
        String workplaceType, String seniority, List<Location> locations, Salary salary, List<String> skills,
        String category, Instant publishedAt, Instant validThrough, long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(@Schema(required = true, format = "uuid", maxLength = 36) String id,
            @Schema(description = "Null when the posting's event did not carry its organization", nullable = true,
                    maxLength = 200) String name,
            @Schema(nullable = true, format = "uri", maxLength = 2000, pattern = "^https://\\S+$") String logoUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(@Schema(description = "ISO 3166-1 alpha-2", pattern = "^[A-Z]{2}$", maxLength = 2) String country,
            @Schema(nullable = true, maxLength = 100) String region,
            @Schema(nullable = true, maxLength = 100) String city,
            @Schema(nullable = true, maxLength = 20) String postalCode,
            @Schema(nullable = true, minimum = "-90", maximum = "90") Double latitude,
            @Schema(nullable = true, minimum = "-180", maximum = "180") Double longitude) {

        public boolean hasCoordinates() {
            return latitude != null && longitude != null;
        }
    }

    /** Decimal strings as in the posting API (docs/conventions.md, "Money"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Salary(@Schema(required = true, description = "ISO 4217", pattern = "^[A-Z]{3}$", maxLength = 3) String currency,
            @Schema(description = "Decimal string; null when open-ended", nullable = true,
                    pattern = "^[0-9]{1,12}(\\.[0-9]{1,2})?$", maxLength = 15) String min,
            @Schema(description = "Decimal string, at least min; null when open-ended", nullable = true,
                    pattern = "^[0-9]{1,12}(\\.[0-9]{1,2})?$", maxLength = 15) String max,
            @Schema(enumeration = { "HOUR", "DAY", "WEEK", "MONTH", "YEAR" }) String period) {

        /**
         * What the range reaches per year (max, else min), so that hourly and yearly postings compare (2,080 working
         * hours, 260 days, 52 weeks or 12 months a year); no currency conversion. Null without an amount.
         */
        public Long yearlyReach() {
            String amount = max != null ? max : min;
            if (amount == null) {
                return null;
            }
            long factor = switch (period == null ? SalaryPeriod.YEAR : SalaryPeriod.valueOf(period)) {
                case HOUR -> 2080;
                case DAY -> 260;
                case WEEK -> 52;
                case MONTH -> 12;
                case YEAR -> 1;
            };
            return new BigDecimal(amount).multiply(BigDecimal.valueOf(factor)).longValue();
        }
    }
}
