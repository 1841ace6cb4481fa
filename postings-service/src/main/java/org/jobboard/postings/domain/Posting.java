package org.jobboard.postings.domain;

import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.contracts.postings.EmploymentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The job posting aggregate. Its lifecycle methods are the only way its status changes; each returns the event type
 * the change publishes. The version (optimistic lock) is the ETag and the version every event carries.
 */
@Entity
@Table(name = "posting")
public class Posting {
    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    public PostingStatus status;

    public String title;

    /** Markdown, as the recruiter wrote it. */
    public String description;

    @Column(name = "requisition_id")
    public String requisitionId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "employment_types")
    public List<EmploymentType> employmentTypes = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "workplace_type")
    public WorkplaceType workplaceType;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Location> locations = new ArrayList<>();

    /** Countries (ISO 3166-1 alpha-2) a remote applicant must live in. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "applicant_locations")
    public List<String> applicantLocationRequirements = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public Salary salary;

    @Enumerated(EnumType.STRING)
    public Seniority seniority;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> skills = new ArrayList<>();

    public String category;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "apply_method")
    public ApplyMethod applyMethod;

    @Column(name = "valid_through")
    public Instant validThrough;

    @Enumerated(EnumType.STRING)
    @Column(name = "close_reason")
    public CloseReason closeReason;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** Takes the recruiter's content, normalized: trimmed text, skills as tags, no duplicate values in lists. */
    public void apply(PostingContent content) {
        title = content.title().strip();
        description = content.description();
        requisitionId = content.normalizedRequisitionId();
        employmentTypes = content.employmentTypes() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(content.employmentTypes()));
        workplaceType = content.workplaceType();
        locations = content.locations() == null ? new ArrayList<>() : new ArrayList<>(content.locations());
        applicantLocationRequirements = content.applicantLocationRequirements() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(content.applicantLocationRequirements()));
        salary = content.salary();
        seniority = content.seniority();
        skills = normalizeSkills(content.skills());
        category = content.category() == null || content.category().isBlank() ? null : content.category().strip();
        applyMethod = content.applyMethod();
        validThrough = content.validThrough();
    }

    /** The writable content as it is now (the base a merge patch applies to). */
    public PostingContent content() {
        return new PostingContent(title, description, requisitionId, List.copyOf(employmentTypes), workplaceType,
                List.copyOf(locations), List.copyOf(applicantLocationRequirements), salary, seniority,
                List.copyOf(skills), category, applyMethod, validThrough);
    }

    /** Skills are tags: trimmed, lower case, inner whitespace as single hyphens, duplicates dropped. */
    public static List<String> normalizeSkills(List<String> skills) {
        if (skills == null) {
            return new ArrayList<>();
        }
        LinkedHashSet<String> normalized = new LinkedHashSet<>();
        for (String skill : skills) {
            String tag = skill.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-");
            if (!tag.isEmpty()) {
                normalized.add(tag);
            }
        }
        return new ArrayList<>(normalized);
    }

    public boolean isPublic() {
        return status == PostingStatus.PUBLISHED;
    }

    /** DRAFT, CLOSED or EXPIRED -> PUBLISHED; the caller has checked the publish rules and chosen validThrough. */
    public void publish(Instant validUntil, Instant now) {
        if (status == PostingStatus.PUBLISHED) {
            throw new IllegalTransitionException(status, "published again");
        }
        if (status != PostingStatus.DRAFT) {
            throw new IllegalTransitionException(status, "published; reopen it instead");
        }
        status = PostingStatus.PUBLISHED;
        validThrough = validUntil;
        publishedAt = now;
        updatedAt = now;
    }

    public void reopen(Instant validUntil, Instant now) {
        if (status != PostingStatus.CLOSED && status != PostingStatus.EXPIRED) {
            throw new IllegalTransitionException(status, "reopened");
        }
        status = PostingStatus.PUBLISHED;
        validThrough = validUntil;
        closeReason = null;
        closedAt = null;
        publishedAt = now;
        updatedAt = now;
    }

    public void close(CloseReason reason, Instant now) {
        if (status != PostingStatus.PUBLISHED) {
            throw new IllegalTransitionException(status, "closed");
        }
        status = PostingStatus.CLOSED;
        closeReason = reason;
        closedAt = now;
        updatedAt = now;
    }

    public void expire(Instant now) {
        if (status != PostingStatus.PUBLISHED) {
            throw new IllegalTransitionException(status, "expired");
        }
        status = PostingStatus.EXPIRED;
        closedAt = now;
        updatedAt = now;
    }

    public void ensureDeletable() {
        if (status != PostingStatus.DRAFT) {
            throw new IllegalTransitionException(status, "deleted; only drafts can be deleted, close it instead");
        }
    }
}
