package org.jobboard.applications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * This service's copy of a posting, built only from posting events and applied by version: what it needs to decide
 * whether someone may apply and which questions to ask. The version is the posting's, not a local lock.
 */
@Entity
@Table(name = "posting_replica")
public class PostingReplica {
    public static final String PUBLISHED = "PUBLISHED";
    public static final String DIRECT = "DIRECT";

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    public String status;

    public String title;

    @Column(name = "valid_through")
    public Instant validThrough;

    @Column(name = "apply_type")
    public String applyType;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<FormQuestion> questions = new ArrayList<>();

    public long version;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Open for applications: published, not past validThrough (an expiry event may still be on its way). */
    public boolean acceptsApplications(Instant now) {
        return PUBLISHED.equals(status) && (validThrough == null || validThrough.isAfter(now));
    }
}
