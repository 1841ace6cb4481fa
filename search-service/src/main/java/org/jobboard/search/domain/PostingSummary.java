package org.jobboard.search.domain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
    public record Organization(String id, String name, String logoUrl) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String country, String region, String city, String postalCode, Double latitude,
            Double longitude) {

        public boolean hasCoordinates() {
            return latitude != null && longitude != null;
        }
    }

    /** Decimal strings as in the posting API (CONVENTIONS.md, "Money"). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Salary(String currency, String min, String max, String period) {
    }
}
