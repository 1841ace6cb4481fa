package org.jobboard.applications.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An application's resume: the type detected from its content, where the file is stored (see FileStorage), and the
 * text extracted for recruiters. The candidate's file name is not kept (it often carries their name).
 */
@Entity
@Table(name = "resume")
public class Resume {
    @Id
    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** Up to a few hundred KB: loaded only when read (lists show type and size only). */
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "extracted_text")
    public String extractedText;

    @Column(name = "created_at")
    public Instant createdAt;
}
