package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.applications.messaging.PostingEventData;
import org.jobboard.applications.repository.PostingReplicaRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

/** Applies posting events to the replica: only a newer version changes it, so replays and reordering are harmless. */
@ApplicationScoped
public class PostingReplicaService {
    @Inject
    PostingReplicaRepository replicas;

    /** @return true when the event changed the replica */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(String eventType, PostingEventData data) {
        UUID id = UUID.fromString(data.id());
        long version = data.version() == null ? 0 : data.version();
        PostingReplica replica = replicas.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (replica != null && replica.version >= version) {
            return false;
        }
        boolean created = replica == null;
        if (created) {
            replica = new PostingReplica();
            replica.id = id;
        }
        replica.organizationId = UUID.fromString(data.organizationId());
        replica.status = eventType.endsWith(".deleted.v1") ? "DELETED" : data.status();
        replica.title = data.title();
        replica.validThrough = data.validThrough();
        replica.applyType = data.applyMethod() == null ? null : data.applyMethod().type();
        replica.questions = data.applyMethod() == null || data.applyMethod().questions() == null ? new ArrayList<>()
                : new ArrayList<>(data.applyMethod().questions());
        replica.version = version;
        replica.closedAt = data.closedAt();
        replica.updatedAt = data.updatedAt() == null ? Instant.now() : data.updatedAt();
        if (created) {
            replicas.persist(replica);
        }
        return true;
    }
}
