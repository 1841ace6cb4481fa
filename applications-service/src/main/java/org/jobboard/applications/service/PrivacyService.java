package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jobboard.applications.domain.ActorRole;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.events.ApplicationEvents;
import org.jobboard.applications.repository.ApplicationRepository;
import org.jobboard.applications.repository.ApplicationTransitionRepository;
import org.jobboard.applications.repository.PostingReplicaRepository;
import org.jobboard.applications.repository.ResumeRepository;
import org.jobboard.applications.storage.FileStorage;
import org.jobboard.platform.idempotency.Idempotency;
import org.jobboard.platform.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The candidate's privacy rights here: a copy of everything stored about them, and erasure. Erasure forgets the
 * person (contact data, answers, cover letter, consent, attribution, resume file and text, notes about them, their
 * subject) and keeps the pipeline history (stages, reasons, dates), so an organization's funnel stays true.
 * Retention anonymizes the same way, per application.
 */
@ApplicationScoped
@Transactional
public class PrivacyService {
    @Inject
    ApplicationRepository applications;

    @Inject
    PostingReplicaRepository postings;

    @Inject
    ApplicationTransitionRepository transitions;

    @Inject
    ResumeRepository resumes;

    @Inject
    FileStorage files;

    @Inject
    PipelineService pipeline;

    @Inject
    ApplicationEvents events;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Idempotency idempotency;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.SUPPORTS)
    public PersonalData export() {
        String subject = caller.subject();
        List<Application> own = applications.ofCandidate(subject);
        Map<UUID, String> titles = postings.titles(own.stream().map(a -> a.postingId).distinct().toList());
        List<ApplicationDetails> exported = own.stream().map(a -> new ApplicationDetails(a, titles.get(a.postingId),
                ApplicationDetails.ResumeFacts.of(resumes.findById(a.id), true), transitions.historyOf(a.id))).toList();
        return new PersonalData(subject, clock.instant(), exported);
    }

    /**
     * DELETE /v1/me: open applications are withdrawn (nobody can be contacted or hired any more), then every
     * application of the caller is erased, and the other services are asked to erase theirs (by subject only).
     * Repeating it is harmless: nothing is left to erase, and the request is published again.
     */
    public int eraseCaller() {
        String subject = caller.subject();
        Instant now = clock.instant();
        List<Application> own = em.createQuery(
                        "from Application a where a.candidateSubject = :subject order by a.id", Application.class)
                .setParameter("subject", subject).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Application a : own) {
            if (a.stage.isOpen()) {
                pipeline.withdrawLocked(a, ActorRole.CANDIDATE, subject, now);
            }
        }
        erase(own, subject, now);
        // the Idempotency-Key store keeps this caller's earlier responses (with their personal data) for 24 h
        idempotency.forgetCaller(subject);
        events.erasureRequested(subject);
        return own.size();
    }

    /** Retention: one batch of applications to postings closed before the cutoff, locked with SKIP LOCKED. */
    public int anonymizeClosedBefore(Instant cutoff, int batchSize) {
        List<UUID> due = applications.lockDueForAnonymization(cutoff, batchSize);
        if (due.isEmpty()) {
            return 0;
        }
        List<Application> rows = applications.list("id in ?1", due);
        for (Application a : rows) {
            erase(List.of(a), a.candidateSubject, clock.instant());
        }
        return rows.size();
    }

    private void erase(List<Application> own, String subject, Instant now) {
        if (own.isEmpty()) {
            return;
        }
        List<UUID> ids = own.stream().map(a -> a.id).toList();
        transitions.redactFor(ids, subject);
        resumes.byApplication(ids).values().forEach(resume -> {
            files.delete(resume.storageKey);
            resumes.delete(resume);
        });
        own.forEach(a -> a.erase(now));
        em.flush();
    }
}
