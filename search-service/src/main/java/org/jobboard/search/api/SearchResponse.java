package org.jobboard.search.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.search.domain.Facets;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchHit;

import java.time.Instant;
import java.util.List;

/** A page of search results (docs/conventions.md "Reading lists" plus totals, facets and spelling help). */
public record SearchResponse(@Schema(required = true, maxItems = 100) List<Hit> items,
        @Schema(description = "Opaque; pass as cursor for the next page. Null on the last page.", nullable = true,
                maxLength = 2048, pattern = "^[A-Za-z0-9_-]+$") String nextCursor,
        @Schema(required = true) Total total, @Schema(required = true) Facets facets,
        @Schema(description = "A corrected query when the query as typed matches nothing", nullable = true,
                maxLength = 255) String didYouMean,
        @Schema(required = true, description = "True when typo tolerance was used because exact matching found few hits") boolean fuzzy) {

    @Schema(description = "Matching postings: exact when relation is eq; a lower bound when gte (over 10,000)")
    public record Total(@Schema(required = true, minimum = "0") long value,
            @Schema(required = true, enumeration = { "eq", "gte" }) String relation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(@Schema(required = true, format = "uuid", maxLength = 36) String id,
            @Schema(required = true, minLength = 3, maxLength = 200) String title,
            @Schema(required = true) PostingSummary.Organization organization,
            @Schema(required = true, type = SchemaType.ARRAY, maxItems = 8, implementation = EmploymentType.class)
            List<String> employmentTypes,
            @Schema(implementation = WorkplaceType.class) String workplaceType,
            @Schema(implementation = Seniority.class) String seniority,
            @Schema(required = true, maxItems = 50) List<PostingSummary.Location> locations, PostingSummary.Salary salary,
            @Schema(required = true, maxItems = 50) List<String> skills,
            @Schema(maxLength = 100) String category, Instant publishedAt, Instant validThrough,
            @Schema(description = "Kilometres from near to the posting's nearest location (when near is given)") Double distanceKm,
            @Schema(description = "HTML-escaped text with matches in <em> (when q is given)") SearchHit.Highlights highlights) {

        public static Hit of(SearchHit hit) {
            PostingSummary p = hit.posting();
            return new Hit(p.id(), p.title(), p.organization(), p.employmentTypes(), p.workplaceType(), p.seniority(),
                    p.locations(), p.salary(), p.skills(), p.category(), p.publishedAt(), p.validThrough(),
                    hit.distanceKm(), hit.highlights());
        }
    }
}
