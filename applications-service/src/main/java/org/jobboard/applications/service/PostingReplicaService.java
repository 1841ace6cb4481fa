package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.applications.repository.PostingReplicaRepository;

import java.time.Clock;
import java.util.ArrayList;
import java.util.UUID;

/** Applies posting events to the replica: only a newer version changes it, so replays and reordering are harmless. */
@ApplicationScoped
public class PostingReplicaService {
    static final String DELETED = "DELETED";

    @Inject
    PostingReplicaRepository replicas;

    @Inject
    Clock clock;

    /** @return true when the event changed the replica */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(PostingState posting) {
        PostingReplica replica = replicas.findById(posting.id(), LockModeType.PESSIMISTIC_WRITE);
        if (replica != null && (replica.version >= posting.version() || DELETED.equals(replica.status))) {
            return false; // an older or replayed state, or one of a posting deleted since: never resurrected
        }
        boolean created = replica == null;
        if (created) {
            replica = new PostingReplica();
            replica.id = posting.id();
        }
        replica.organizationId = posting.organizationId();
        replica.status = posting.status();
        replica.title = posting.title();
        replica.validThrough = posting.validThrough();
        replica.applyType = posting.applyType();
        replica.questions = posting.questions() == null ? new ArrayList<>() : new ArrayList<>(posting.questions());
        replica.version = posting.version();
        replica.closedAt = posting.closedAt();
        replica.updatedAt = posting.updatedAt() == null ? clock.instant() : posting.updatedAt();
        if (created) {
            replicas.persist(replica);
        }
        return true;
    }

    /**
     * The posting was deleted (its tombstone): nobody can apply any more. The row stays, marked DELETED, because
     * applications to it refer to it (recruiters still see them, retention counts from now); a posting this service
     * never saw is not created.
     *
     * @return true when the replica changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean forget(UUID postingId) {
        PostingReplica replica = replicas.findById(postingId, LockModeType.PESSIMISTIC_WRITE);
        if (replica == null || DELETED.equals(replica.status)) {
            return false;
        }
        replica.status = DELETED;
        replica.updatedAt = clock.instant();
        return true;
    }
}
