package org.jobboard.platform.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Records that a consumer applied an event, in the consumer's own transaction: if the change commits, so does the
 * record, and a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class IdempotentConsumer {
    @Inject
    EntityManager em;

    /** @return true the first time this consumer sees this event id; false for a redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, String eventId) {
        int inserted = em.createNativeQuery(
                "insert into processed_event (consumer, event_id, processed_at) values (?1, ?2, now()) "
                        + "on conflict do nothing")
                .setParameter(1, consumer).setParameter(2, eventId).executeUpdate();
        return inserted == 1;
    }

    /**
     * Forgets processed ids after a month: redeliveries come within minutes, and a replay from offset 0 is guarded
     * by the consumers' version checks, so the table does not grow forever.
     */
    @io.quarkus.scheduler.Scheduled(identity = "processed-event-cleanup", every = "6h", delayed = "10m")
    @Transactional
    void forgetOld() {
        em.createNativeQuery("delete from processed_event where processed_at < now() - interval '30 days'")
                .executeUpdate();
    }
}
