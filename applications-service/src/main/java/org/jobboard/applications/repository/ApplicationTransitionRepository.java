package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.ApplicationTransition;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApplicationTransitionRepository implements PanacheRepositoryBase<ApplicationTransition, UUID> {

    /** The history in the order it happened. */
    public List<ApplicationTransition> historyOf(UUID applicationId) {
        return list("applicationId = ?1 order by seq", applicationId);
    }

    /** Erasure: blank notes (they may describe the person) and the candidate's own subject; the trigger allows only this. */
    public void redactFor(List<UUID> applicationIds, String candidateSubject) {
        if (applicationIds.isEmpty()) {
            return;
        }
        getEntityManager().createNativeQuery("update application_transition set note = null, "
                + "actor_subject = case when actor_subject = ?1 then null else actor_subject end "
                + "where application_id = any(?2) and (note is not null or actor_subject = ?1)")
                .setParameter(1, candidateSubject)
                .setParameter(2, applicationIds.toArray(UUID[]::new))
                .executeUpdate();
    }
}
