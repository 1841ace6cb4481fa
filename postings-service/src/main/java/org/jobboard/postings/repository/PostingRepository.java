package org.jobboard.postings.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.postings.domain.Posting;
import org.jobboard.contracts.postings.PostingStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PostingRepository implements PanacheRepositoryBase<Posting, UUID> {

    public Optional<Posting> findByRequisition(UUID organizationId, String requisitionId) {
        return find("organizationId = ?1 and requisitionId = ?2", organizationId, requisitionId).firstResultOptional();
    }

    /**
     * Keyset page ordered by (updatedAt desc, id desc). {@code organizationId} null means every organization;
     * {@code statuses} empty means every status.
     */
    public List<Posting> page(UUID organizationId, List<PostingStatus> statuses, Instant updatedSince,
            Instant afterUpdatedAt, UUID afterId, int limit) {
        StringBuilder query = new StringBuilder("from Posting p where 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (organizationId != null) {
            query.append(" and p.organizationId = :org");
            params.put("org", organizationId);
        }
        if (!statuses.isEmpty()) {
            query.append(" and p.status in :statuses");
            params.put("statuses", statuses);
        }
        if (updatedSince != null) {
            query.append(" and p.updatedAt >= :since");
            params.put("since", updatedSince);
        }
        if (afterUpdatedAt != null) {
            query.append(" and (p.updatedAt < :afterTime or (p.updatedAt = :afterTime and p.id < :afterId))");
            params.put("afterTime", afterUpdatedAt);
            params.put("afterId", afterId);
        }
        query.append(" order by p.updatedAt desc, p.id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    /** Published postings past their validThrough, locked so that concurrent replicas take disjoint rows. */
    public List<Posting> lockDueForExpiry(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Posting> due = getEntityManager().createNativeQuery(
                "select * from posting where status = 'PUBLISHED' and valid_through <= ?1 "
                        + "order by valid_through limit ?2 for update skip locked", Posting.class)
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return due;
    }
}
