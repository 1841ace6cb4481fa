package org.jobboard.postings.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jobboard.contracts.postings.ApplyType;
import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.contracts.postings.QuestionType;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;

import java.time.Instant;
import java.util.List;

/**
 * The data of a posting event on {@code jobboard.postings.v1}: the posting's full public state (event-carried state
 * transfer). Its own records, not the REST view nor the domain's: the contract
 * ({@code contracts/.../schemas/posting-event.v1.json}) changes only when this file does. Absent values are left out.
 * {@code description} is the Markdown as the recruiter wrote it; {@code descriptionText} the same as plain text
 * (what search indexes and highlights). There is no HTML: readers that show HTML render the Markdown themselves.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostingEventData(String id, String organizationId, OrganizationRef organization, PostingStatus status,
        String title, String description, String descriptionText, String requisitionId,
        List<EmploymentType> employmentTypes, WorkplaceType workplaceType, List<Place> locations,
        List<String> applicantLocationRequirements, Pay salary, Seniority seniority, List<String> skills,
        String category, Apply applyMethod, Instant validThrough, CloseReason closeReason, long version,
        Instant createdAt, Instant updatedAt, Instant publishedAt, Instant closedAt) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationRef(String id, String name, String website, String logoUrl) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Place(String country, String region, String city, String postalCode, Double latitude,
            Double longitude) {
    }

    /** Amounts are decimal strings, as in the API. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pay(String currency, String min, String max, SalaryPeriod period) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Apply(ApplyType type, String url, List<Question> questions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String id, String label, QuestionType type, boolean required, List<String> choices,
            String knockoutAnswer) {
    }
}
