package org.jobboard.search.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Facet counts of a search. Multi-select: each facet's counts apply every filter except the facet's own, so a
 * client can offer the other values of a facet next to the selected ones.
 */
public record Facets(@Schema(required = true) List<FacetValue> employmentType,
        @Schema(required = true) List<FacetValue> workplaceType, @Schema(required = true) List<FacetValue> seniority,
        @Schema(required = true) List<FacetValue> country, @Schema(required = true) List<FacetValue> city,
        @Schema(required = true) List<FacetValue> skills, @Schema(required = true) List<FacetValue> organization,
        @Schema(description = "Null when no matching posting states a salary (and no currency was asked for)",
                nullable = true) SalaryHistogram salary) {

    /** @param label a display name when the value is an id (organizations); otherwise {@code null} */
    public record FacetValue(
            @Schema(required = true, description = "The value to filter by (an enum name, a country code, a city, a skill, an organization id)",
                    maxLength = 100) String value,
            @Schema(description = "The organization's name (organization facet); null for other facets", nullable = true,
                    maxLength = 200) String label,
            @Schema(required = true, minimum = "0") long count) {
    }

    /**
     * Cumulative salary counts in one currency: each bucket says how many postings a {@code salaryMin} of
     * {@code min} (with this currency) would find, so the counts match the filter a client would apply.
     */
    public record SalaryHistogram(@Schema(required = true, description = "ISO 4217", pattern = "^[A-Z]{3}$", maxLength = 3) String currency,
            @Schema(required = true, description = "Amounts are annualized", enumeration = { "YEAR" }) String period,
            @Schema(required = true) List<SalaryBucket> buckets) {
    }

    public record SalaryBucket(@Schema(required = true, minimum = "0") long min, @Schema(required = true, minimum = "0") long count) {
    }
}
