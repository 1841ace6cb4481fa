package org.jobboard.search.domain;

import java.util.List;

/**
 * Facet counts of a search. Multi-select: each facet's counts apply every filter except the facet's own, so a
 * client can offer the other values of a facet next to the selected ones.
 */
public record Facets(List<FacetValue> employmentType, List<FacetValue> workplaceType, List<FacetValue> seniority,
        List<FacetValue> country, List<FacetValue> city, List<FacetValue> skills, List<FacetValue> organization,
        SalaryHistogram salary) {

    /** @param label a display name when the value is an id (organizations); otherwise {@code null} */
    public record FacetValue(String value, String label, long count) {
    }

    /**
     * Cumulative salary counts in one currency: each bucket says how many postings a {@code salaryMin} of
     * {@code min} (with this currency) would find, so the counts match the filter a client would apply.
     */
    public record SalaryHistogram(String currency, String period, List<SalaryBucket> buckets) {
    }

    public record SalaryBucket(long min, long count) {
    }
}
