package org.jobboard.applications.storage;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jobboard.platform.ids.Ids;

import java.time.Instant;
import java.util.Optional;

/** The default {@link FileStorage}: files in the service's own database, written in the business transaction. */
@ApplicationScoped
@DefaultBean
public class PostgresFileStorage implements FileStorage {
    @Inject
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String store(byte[] content, String mediaType) {
        StoredFileRow row = new StoredFileRow();
        row.id = Ids.newUuid();
        row.mediaType = mediaType;
        row.sizeBytes = content.length;
        row.content = content;
        row.createdAt = Instant.now();
        em.persist(row);
        return row.id.toString();
    }

    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredFile> load(String key) {
        return Ids.parse(key).map(id -> em.find(StoredFileRow.class, id))
                .map(row -> new StoredFile(key, row.mediaType, row.content));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String key) {
        Ids.parse(key).ifPresent(id -> em.createQuery("delete from StoredFileRow f where f.id = :id")
                .setParameter("id", id).executeUpdate());
    }
}
