package org.jobboard.applications.storage;

import java.util.Optional;

/**
 * Where uploaded files (resumes) live. The default adapter keeps them in this service's PostgreSQL database, in the
 * business transaction, so a refused or rolled-back request leaves nothing behind. An object-storage adapter can
 * replace it (a bean of this type outranks the default); it must then delete what it wrote when the transaction
 * rolls back, and keep content private (no public URLs: downloads go through the authorizing endpoint).
 */
public interface FileStorage {
    /** Stores the content and returns the key to load or delete it by. Runs inside the caller's transaction. */
    String store(byte[] content, String mediaType);

    Optional<StoredFile> load(String key);

    /** Deletes the file (erasure, retention); deleting a missing key is not an error. */
    void delete(String key);

    record StoredFile(String key, String mediaType, byte[] content) {
    }
}
