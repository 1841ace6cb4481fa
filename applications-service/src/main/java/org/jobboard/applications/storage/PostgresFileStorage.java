package org.jobboard.applications.storage;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jobboard.platform.ids.Ids;

import java.io.InputStream;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The default {@link FileStorage}: files in the service's own database, written in the business transaction. */
@ApplicationScoped
@DefaultBean
public class PostgresFileStorage implements FileStorage {
    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /**
     * Plain JDBC on the transaction's connection: the driver streams the content into the bytea parameter, where an
     * entity would need the whole file as a byte[] (plus Hibernate's snapshot copy of it for dirty checking).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String store(InputStream content, long sizeBytes, String mediaType) {
        return insert(sizeBytes, mediaType, (insert, index) -> insert.setBinaryStream(index, content, sizeBytes));
    }

    /**
     * A file already in memory goes to the driver as one array, which it writes to the socket in one go (a stream is
     * copied through an 8 KB buffer, one socket write each: a dozen system calls for a 100 KB resume).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public String store(byte[] content, String mediaType) {
        return insert(content.length, mediaType, (insert, index) -> insert.setBytes(index, content));
    }

    private String insert(long sizeBytes, String mediaType, ContentBinder content) {
        UUID id = Ids.newUuid();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into stored_file (id, media_type, size_bytes, content, created_at) values (?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, mediaType);
                insert.setLong(3, sizeBytes);
                content.bind(insert, 4);
                insert.setObject(5, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
        return id.toString();
    }

    @FunctionalInterface
    private interface ContentBinder {
        void bind(PreparedStatement insert, int index) throws SQLException;
    }

    /** A projection, not an entity: the content is not kept (and copied) in the persistence context. */
    @Override
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StoredFile> load(String key) {
        return Ids.parse(key).flatMap(id -> {
            List<Object[]> rows = em.createQuery("select f.mediaType, f.content from StoredFileRow f where f.id = :id",
                    Object[].class).setParameter("id", id).getResultList();
            return rows.stream().findFirst().map(row -> new StoredFile(key, (String) row[0], (byte[]) row[1]));
        });
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(String key) {
        Ids.parse(key).ifPresent(id -> em.createQuery("delete from StoredFileRow f where f.id = :id")
                .setParameter("id", id).executeUpdate());
    }
}
