package org.jobboard.applications.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An application's resume: the type detected from its content, where the file is stored (see FileStorage), and the
 * text extracted for recruiters, which a background worker fills in after the application was stored (see
 * ResumeTextWorker). The candidate's file name is not kept (it often carries their name).
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

    @Enumerated(EnumType.STRING)
    @Column(name = "extraction_status")
    public TextExtraction extractionStatus;

    /** Claims by extraction workers so far; the worker writes its result only if the count is still its own. */
    @Column(name = "extraction_attempts")
    public int extractionAttempts;

    /** When a PENDING row is next due (after a back-off, or when a crashed worker's claim runs out); null otherwise. */
    @Column(name = "extraction_due_at")
    public Instant extractionDueAt;

    /** Why extraction FAILED, in the service's words (never text from the document). */
    @Column(name = "extraction_error")
    public String extractionError;

    @Column(name = "created_at")
    public Instant createdAt;
}
