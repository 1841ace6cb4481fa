package org.jobboard.applications.storage;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * Where uploaded files (resumes) live. The default adapter keeps them in this service's PostgreSQL database, in the
 * business transaction, so a refused or rolled-back request leaves nothing behind. An object-storage adapter can
 * replace it (a bean of this type outranks the default); it must then delete what it wrote when the transaction
 * rolls back, and keep content private (no public URLs: downloads go through the authorizing endpoint).
 */
public interface FileStorage {
    /**
     * Stores exactly {@code sizeBytes} bytes read from {@code content} and returns the key to load or delete them by.
     * Runs inside the caller's transaction. Streaming lets an upload go from its temporary file to the store without
     * being held in memory.
     */
    String store(InputStream content, long sizeBytes, String mediaType);

    default String store(byte[] content, String mediaType) {
        return store(new ByteArrayInputStream(content), content.length, mediaType);
    }

    Optional<StoredFile> load(String key);

    /** Deletes the file (erasure, retention); deleting a missing key is not an error. */
    void delete(String key);

    record StoredFile(String key, String mediaType, byte[] content) {
    }
}
