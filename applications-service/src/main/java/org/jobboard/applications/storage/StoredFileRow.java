package org.jobboard.applications.storage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A file kept by {@link PostgresFileStorage} (bytea, stored out of line without compression). */
@Entity
@Table(name = "stored_file")
public class StoredFileRow {
    @Id
    public UUID id;

    @Column(name = "media_type")
    public String mediaType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public byte[] content;

    @Column(name = "created_at")
    public Instant createdAt;
}
