package org.jobboard.postings.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jobboard.postings.domain.Posting;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reads for aggregator feeds: keyset batches, so memory stays flat however many postings there are. */
@ApplicationScoped
public class FeedRepository {
    @Inject
    EntityManager em;

    public record FeedVersion(long published, Instant lastChange) {
    }

    /** What identifies the feed's current content: any publish, change, close or expiry moves it. */
    public FeedVersion version() {
        Object[] row = (Object[]) em.createNativeQuery(
                "select count(*) filter (where status = 'PUBLISHED'), max(updated_at) from posting where status <> 'DRAFT'")
                .getSingleResult();
        Instant last = row[1] == null ? null : (row[1] instanceof Instant i ? i
                : ((java.time.OffsetDateTime) row[1]).toInstant());
        return new FeedVersion(((Number) row[0]).longValue(), last);
    }

    /** Published postings after the given id, in id order (ids are time-ordered). */
    public List<Posting> publishedAfter(UUID afterId, int batch) {
        String query = afterId == null ? "from Posting p where p.status = 'PUBLISHED' order by p.id"
                : "from Posting p where p.status = 'PUBLISHED' and p.id > :after order by p.id";
        var typed = em.createQuery(query, Posting.class).setMaxResults(batch);
        if (afterId != null) {
            typed.setParameter("after", afterId);
        }
        return typed.getResultList();
    }

    /**
     * Non-draft postings changed after (time, id), oldest first, up to {@code settledBefore}: rows of transactions
     * still committing may carry an earlier updatedAt, so the newest seconds are served only once settled.
     */
    public List<Posting> changedAfter(Instant afterTime, UUID afterId, Instant settledBefore, int limit) {
        StringBuilder query = new StringBuilder("from Posting p where p.status <> 'DRAFT' and p.updatedAt < :settled");
        if (afterTime != null) {
            query.append(" and (p.updatedAt > :afterTime or (p.updatedAt = :afterTime and p.id > :afterId))");
        }
        query.append(" order by p.updatedAt, p.id");
        var typed = em.createQuery(query.toString(), Posting.class).setParameter("settled", settledBefore)
                .setMaxResults(limit);
        if (afterTime != null) {
            typed.setParameter("afterTime", afterTime).setParameter("afterId", afterId);
        }
        return typed.getResultList();
    }
}
