package org.jobboard.search.api;

import java.util.List;

/**
 * The raw query parameters of a search, as received; the REST layer parses them into a domain query. Enumerated values
 * are documented by the shared posting enums (org.jobboard.contracts.postings).
 */
public record SearchParams(String q, List<String> employmentType, List<String> workplaceType, String country,
        String region, String city, String near, String radiusKm, String salaryMin, String currency, String seniority,
        List<String> skills, String organizationId, String postedWithin, String sort, String limit, String cursor) {

    /** Every parameter the endpoint knows; any other is rejected (a typo must not silently widen a search). */
    public static final List<String> NAMES = List.of("q", "employmentType", "workplaceType", "country", "region",
            "city", "near", "radiusKm", "salaryMin", "currency", "seniority", "skills", "organizationId",
            "postedWithin", "sort", "limit", "cursor");
    /** Parameters that may be repeated (or hold comma-separated values). */
    public static final List<String> MULTI_VALUED = List.of("employmentType", "workplaceType", "skills");
}
