package org.jobboard.search.domain;

import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A validated search: every value has been checked by the caller (the REST layer parses and validates the request's
 * parameters), so an index adapter only translates. {@code null} or empty means "no such filter".
 *
 * @param text          the user's query text, at most 255 characters
 * @param salaryMin     annualized amount the posting's range must reach, in {@code currency}
 * @param after         the sort values of the previous page's last hit (from {@link SearchHit#sortValues()})
 */
public record PostingQuery(String text, Set<EmploymentType> employmentTypes, Set<WorkplaceType> workplaceTypes,
        String country, String region, String city, GeoPoint near, Double radiusKm, Long salaryMin, String currency,
        Seniority seniority, Set<String> skills, String organizationId, Duration postedWithin, SortOrder sort,
        int limit, List<String> after) {

    public PostingQuery {
        employmentTypes = employmentTypes == null ? Set.of() : Set.copyOf(employmentTypes);
        workplaceTypes = workplaceTypes == null ? Set.of() : Set.copyOf(workplaceTypes);
        skills = skills == null ? Set.of() : Set.copyOf(skills);
        sort = sort == null ? SortOrder.RELEVANCE : sort;
        after = after == null ? null : List.copyOf(after);
    }

    public boolean hasText() {
        return text != null && !text.isBlank();
    }

    /** The same search continuing after the given sort values. */
    public PostingQuery after(List<String> sortValues) {
        return new PostingQuery(text, employmentTypes, workplaceTypes, country, region, city, near, radiusKm,
                salaryMin, currency, seniority, skills, organizationId, postedWithin, sort, limit, sortValues);
    }

    /** A page size of {@code limit} for the same search. */
    public PostingQuery withLimit(int newLimit) {
        return new PostingQuery(text, employmentTypes, workplaceTypes, country, region, city, near, radiusKm,
                salaryMin, currency, seniority, skills, organizationId, postedWithin, sort, newLimit, after);
    }
}
