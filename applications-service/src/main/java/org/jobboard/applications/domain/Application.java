package org.jobboard.applications.domain;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A candidate's application to a posting, and where it stands in the organization's pipeline. */
@Entity
@Table(name = "application")
public class Application {
    @Id
    public UUID id;

    @Column(name = "posting_id")
    public UUID postingId;

    @Column(name = "organization_id")
    public UUID organizationId;

    /** The candidate's token subject: the only link between an application and a person's account. */
    @Column(name = "candidate_subject")
    public String candidateSubject;

    public String name;

    public String email;

    public String phone;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> answers = new LinkedHashMap<>();

    @Column(name = "cover_letter")
    public String coverLetter;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> consent;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> source;

    @Enumerated(EnumType.STRING)
    public Stage stage;

    @Enumerated(EnumType.STRING)
    @Column(name = "reject_reason")
    public RejectReason rejectReason;

    public boolean erased;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return stage.isOpen();
    }

    /**
     * Forgets the person: contact data, answers, cover letter, consent and attribution. The candidate subject is
     * replaced by a value tied to nothing, so the application no longer belongs to an account; stage, reject reason
     * and dates stay for the organization's pipeline statistics.
     */
    public void erase(Instant now) {
        name = null;
        email = null;
        phone = null;
        answers = new LinkedHashMap<>();
        coverLetter = null;
        consent = null;
        source = null;
        candidateSubject = ERASED_SUBJECT_PREFIX + id;
        erased = true;
        erasedAt = now;
        updatedAt = now;
    }

    /** Marks a candidate subject that no longer names anyone (after erasure or anonymization). */
    public static final String ERASED_SUBJECT_PREFIX = "erased:";
}
