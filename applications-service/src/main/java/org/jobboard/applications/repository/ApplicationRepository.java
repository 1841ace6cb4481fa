package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.Stage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ApplicationRepository implements PanacheRepositoryBase<Application, UUID> {

    /** The candidate's active application to the posting (the one the partial unique index allows). */
    public Optional<Application> findActive(UUID postingId, String candidateSubject) {
        return find("postingId = ?1 and candidateSubject = ?2 and stage not in ?3", postingId, candidateSubject,
                Stage.CLOSED).firstResultOptional();
    }

    public List<Application> ofCandidate(String candidateSubject) {
        return list("candidateSubject = ?1 order by createdAt, id", candidateSubject);
    }

    /**
     * Applications whose posting closed (or expired, or was deleted) before the cutoff and that still hold personal
     * data, locked for this transaction; rows another replica is already anonymizing are skipped.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> lockDueForAnonymization(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                select a.id from application a join posting_replica p on p.id = a.posting_id
                where not a.erased and p.status <> 'PUBLISHED' and coalesce(p.closed_at, p.updated_at) < ?1
                order by a.id limit ?2
                for update of a skip locked""", UUID.class)
                .setParameter(1, cutoff).setParameter(2, limit).getResultList();
    }

    /** Keyset page, newest first; every filter is optional except the scope the caller is limited to. */
    public List<Application> page(Map<String, Object> scope, Stage stage, Instant afterCreatedAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("from Application a where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        scope.forEach((field, value) -> {
            query.append(" and a.").append(field).append(" = :").append(field);
            params.put(field, value);
        });
        if (stage != null) {
            query.append(" and a.stage = :stage");
            params.put("stage", stage);
        }
        if (afterCreatedAt != null) {
            query.append(" and (a.createdAt < :afterTime or (a.createdAt = :afterTime and a.id < :afterId))");
            params.put("afterTime", afterCreatedAt);
            params.put("afterId", afterId);
        }
        query.append(" order by a.createdAt desc, a.id desc");
        return find(query.toString(), params).page(0, limit).list();
    }
}
