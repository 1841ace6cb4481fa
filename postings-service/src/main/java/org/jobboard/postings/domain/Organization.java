package org.jobboard.postings.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** An employer: its public profile; recruiters belong to it through their token's organization claim. */
@Entity
@Table(name = "organization")
public class Organization {
    @Id
    public UUID id;

    public String name;

    public String website;

    @Column(name = "logo_url")
    public String logoUrl;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    public Location headquarters;

    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public void apply(OrganizationProfile profile) {
        name = profile.name().strip();
        website = profile.website();
        logoUrl = profile.logoUrl();
        description = profile.description();
        headquarters = profile.headquarters();
    }

    public OrganizationProfile profile() {
        return new OrganizationProfile(name, website, logoUrl, description, headquarters);
    }
}
