package org.jobboard.applications.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.jobboard.applications.domain.Resume;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class ResumeRepository implements PanacheRepositoryBase<Resume, UUID> {

    /** A resume whose text a worker claimed: the claim's attempt number fences its result (see the updates below). */
    public record ClaimedExtraction(UUID applicationId, String storageKey, String mediaType, int attempt) {
    }

    public Map<UUID, Resume> byApplication(Collection<UUID> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        List<Resume> resumes = list("applicationId in ?1", applicationIds);
        return resumes.stream().collect(Collectors.toMap(r -> r.applicationId, Function.identity()));
    }

    /**
     * Claims up to {@code limit} PENDING resumes that are due, oldest first, for one worker: rows another worker (on
     * any replica) is claiming right now are skipped (SKIP LOCKED), and each claimed row counts an attempt and is not
     * due again before the lease ends, so no other worker takes it meanwhile even after this transaction commits.
     * {@code now} is the service's clock, not the database's: due times are written from it too.
     */
    @SuppressWarnings("unchecked")
    public List<ClaimedExtraction> claimDueExtractions(int limit, Duration lease, Instant now) {
        List<Object[]> due = getEntityManager().createNativeQuery("""
                select application_id, storage_key, media_type, extraction_attempts + 1 from resume
                where extraction_status = 'PENDING' and extraction_due_at <= ?2
                order by extraction_due_at limit ?1
                for update skip locked""").setParameter(1, limit).setParameter(2, now).getResultList();
        if (due.isEmpty()) {
            return List.of();
        }
        List<ClaimedExtraction> claimed = due.stream().map(row -> new ClaimedExtraction((UUID) row[0],
                (String) row[1], (String) row[2], ((Number) row[3]).intValue())).toList();
        getEntityManager().createNativeQuery("""
                update resume set extraction_attempts = extraction_attempts + 1,
                                  extraction_due_at = ?1
                where application_id in (?2)""")
                .setParameter(1, now.plus(lease))
                .setParameter(2, claimed.stream().map(ClaimedExtraction::applicationId).toList())
                .executeUpdate();
        return claimed;
    }

    /**
     * Stores the text of a claimed resume. False when the claim no longer holds: the resume was erased meanwhile, or
     * its lease ran out and another worker claimed it again; then nothing is written.
     */
    public boolean completeExtraction(ClaimedExtraction claim, String text) {
        return getEntityManager().createNativeQuery("""
                update resume set extracted_text = ?1, extraction_status = 'DONE', extraction_due_at = null,
                                  extraction_error = null
                where application_id = ?2 and extraction_status = 'PENDING' and extraction_attempts = ?3""")
                .setParameter(1, text).setParameter(2, claim.applicationId()).setParameter(3, claim.attempt())
                .executeUpdate() == 1;
    }

    /** Gives up on a claimed resume: FAILED with the reason (the file stays). False when the claim no longer holds. */
    public boolean failExtraction(ClaimedExtraction claim, String reason) {
        return getEntityManager().createNativeQuery("""
                update resume set extraction_status = 'FAILED', extraction_due_at = null, extraction_error = ?1
                where application_id = ?2 and extraction_status = 'PENDING' and extraction_attempts = ?3""")
                .setParameter(1, reason).setParameter(2, claim.applicationId()).setParameter(3, claim.attempt())
                .executeUpdate() == 1;
    }

    /** Leaves a claimed resume PENDING, due again at {@code dueAt}. False when the claim no longer holds. */
    public boolean retryExtractionLater(ClaimedExtraction claim, Instant dueAt, String reason) {
        return getEntityManager().createNativeQuery("""
                update resume set extraction_due_at = ?1, extraction_error = ?2
                where application_id = ?3 and extraction_status = 'PENDING' and extraction_attempts = ?4""")
                .setParameter(1, dueAt).setParameter(2, reason)
                .setParameter(3, claim.applicationId()).setParameter(4, claim.attempt())
                .executeUpdate() == 1;
    }
}
