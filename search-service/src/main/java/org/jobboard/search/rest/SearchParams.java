package org.jobboard.search.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.util.List;

/** The raw query parameters of a search, as received; {@link org.jobboard.search.service.SearchService} validates them. */
public record SearchParams(String q, List<String> employmentType, List<String> workplaceType, String country,
        String region, String city, String near, String radiusKm, String salaryMin, String currency, String seniority,
        List<String> skills, String organizationId, String postedWithin, String sort, String limit, String cursor) {

    /** Every parameter the endpoint knows; any other is rejected (a typo must not silently widen a search). */
    public static final List<String> NAMES = List.of("q", "employmentType", "workplaceType", "country", "region",
            "city", "near", "radiusKm", "salaryMin", "currency", "seniority", "skills", "organizationId",
            "postedWithin", "sort", "limit", "cursor");
    /** Parameters that may be repeated (or hold comma-separated values). */
    public static final List<String> MULTI_VALUED = List.of("employmentType", "workplaceType", "skills");

    /** The values of employmentType (for the OpenAPI document; the service validates the strings itself). */
    @Schema(name = "EmploymentType")
    public enum EmploymentType { FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM, OTHER }

    /** The values of workplaceType (for the OpenAPI document). */
    @Schema(name = "WorkplaceType")
    public enum WorkplaceType { ON_SITE, HYBRID, REMOTE }

    /** The values of seniority (for the OpenAPI document). */
    @Schema(name = "Seniority")
    public enum Seniority { INTERN, JUNIOR, MID, SENIOR, LEAD, PRINCIPAL, EXECUTIVE }
}
