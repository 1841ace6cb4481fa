package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jobboard.applications.domain.ActorRole;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.ApplicationTransition;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.events.ApplicationEvents;
import org.jobboard.applications.repository.ApplicationRepository;
import org.jobboard.applications.repository.ApplicationTransitionRepository;
import org.jobboard.platform.concurrency.IfMatch;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Moves applications through the pipeline. Recruiters: APPLIED -> SCREENING -> INTERVIEW -> OFFER -> HIRED, or any
 * open stage -> REJECTED with a reason, with If-Match. Candidates: withdraw their own open application. Every move
 * is appended to the history and published, in the same transaction. A closed or expired posting does not stop
 * this: existing applications stay workable.
 */
@ApplicationScoped
@Transactional
public class PipelineService {
    @Inject
    ApplicationRepository applications;

    @Inject
    ApplicationTransitionRepository transitions;

    @Inject
    ApplicationService reader;

    @Inject
    ApplicationEvents events;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** @return the application after the move, as its recruiters see it */
    public ApplicationDetails transition(String id, StageMove request, String ifMatch) {
        Application a = lock(id, reader::recruiterSees);
        IfMatch.requireMatch(ifMatch, a.version);
        Stage from = a.stage;
        Stage to = request.to();
        if (!from.recruiterMayMoveTo(to)) {
            throw ApiException.conflict(illegal(from, to), Map.of("stage", from.name()));
        }
        if (to == Stage.REJECTED && request.reason() == null) {
            throw ApiException.unprocessable("reason: a rejection needs a reason",
                    List.of(new FieldError("reason", "is required with to=REJECTED")));
        }
        if (to != Stage.REJECTED && request.reason() != null) {
            throw ApiException.unprocessable("reason: only a rejection has a reason",
                    List.of(new FieldError("reason", "is only allowed with to=REJECTED")));
        }
        Instant now = clock.instant();
        a.stage = to;
        a.rejectReason = request.reason();
        a.updatedAt = now;
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        transitions.persist(ApplicationTransition.of(a.id, from, to, request.reason(), note, ActorRole.RECRUITER,
                caller.subject(), now));
        em.flush(); // the new version, for the event and the ETag
        events.stageChanged(a, from);
        return reader.getForRecruiter(id);
    }

    /**
     * The candidate's own decision; If-Match is optional (checked when sent).
     *
     * @return the withdrawn application, as its candidate sees it
     */
    public ApplicationDetails withdraw(String id, String ifMatch) {
        Application a = lock(id, reader::candidateOwns);
        IfMatch.checkMatch(ifMatch, a.version);
        Stage from = a.stage;
        if (!from.isOpen()) {
            throw ApiException.conflict("the application is " + from.candidateStatus().name().toLowerCase()
                    + " and can no longer be withdrawn", Map.of("status", from.candidateStatus().name()));
        }
        withdrawLocked(a, ActorRole.CANDIDATE, caller.subject(), clock.instant());
        return reader.getOwn(id);
    }

    /** Withdraws an open application already locked by the caller's transaction (candidate, or their erasure). */
    @Transactional(Transactional.TxType.MANDATORY)
    void withdrawLocked(Application a, ActorRole by, String subject, Instant now) {
        Stage from = a.stage;
        a.stage = Stage.WITHDRAWN;
        a.rejectReason = null;
        a.updatedAt = now;
        transitions.persist(ApplicationTransition.of(a.id, from, Stage.WITHDRAWN, null, null, by, subject, now));
        em.flush();
        events.withdrawn(a, from);
    }

    /** Locks the row first, so concurrent moves serialize and If-Match compares against the committed version. */
    private Application lock(String id, Predicate<Application> mayAct) {
        Application a = Ids.parse(id).map(uuid -> applications.findById(uuid, LockModeType.PESSIMISTIC_WRITE))
                .orElse(null);
        if (a == null || !mayAct.test(a)) {
            throw ApiException.notFound("application " + id);
        }
        return a;
    }

    private static String illegal(Stage from, Stage to) {
        if (!from.isOpen()) {
            return "the application is " + from + "; it cannot move any more";
        }
        if (to == Stage.WITHDRAWN) {
            return "only the candidate can withdraw an application";
        }
        return "an application in " + from + " moves to " + from.next() + " or REJECTED, not to " + to;
    }
}
