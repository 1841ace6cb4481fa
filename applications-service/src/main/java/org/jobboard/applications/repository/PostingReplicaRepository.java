package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.PostingReplica;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class PostingReplicaRepository implements PanacheRepositoryBase<PostingReplica, UUID> {

    /** Titles of a page's postings in one query. */
    public Map<UUID, String> titles(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("select p.id, p.title from PostingReplica p where p.id in :ids",
                        Object[].class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.toMap(row -> (UUID) row[0], row -> (String) row[1]));
    }
}
