package org.jobboard.applications.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.hibernate.exception.ConstraintViolationException;
import org.jobboard.applications.domain.ActorRole;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.ApplicationForm;
import org.jobboard.applications.domain.ApplicationTransition;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.applications.domain.RejectReason;
import org.jobboard.applications.domain.Resume;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.domain.TextExtraction;
import org.jobboard.applications.events.ApplicationEvents;
import org.jobboard.applications.repository.ApplicationRepository;
import org.jobboard.applications.repository.ApplicationTransitionRepository;
import org.jobboard.applications.repository.PostingReplicaRepository;
import org.jobboard.applications.repository.ResumeRepository;
import org.jobboard.applications.storage.FileStorage;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A candidate applies. The decision uses only this service's replica of the posting (never a call to
 * postings-service): it must be PUBLISHED, not past validThrough, and take DIRECT applications. The one-active-
 * application rule is the database's (a partial unique index), so it holds under concurrent submits too.
 */
@ApplicationScoped
public class SubmissionService {
    static final String ONE_ACTIVE_CONSTRAINT = "application_one_active";

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
    ApplicationEvents events;

    @Inject
    ResumeTextWorker textWorker;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    /**
     * Creates the application (and stores the already inspected resume, its text PENDING) in the current
     * transaction.
     *
     * @throws DuplicateApplicationException when the candidate already has an active application to the posting
     */
    @Transactional
    public ApplicationDetails submit(ApplicationSubmission request, ResumeInspector.InspectedResume resume) {
        String subject = caller.subject();
        Instant now = clock.instant();
        PostingReplica posting = openPosting(request.postingId(), now);
        ApplicationForm.Checked answers = new ApplicationForm(posting.questions).check(request.answers());
        if (!answers.valid()) {
            throw ApiException.unprocessable("the answers do not fit the posting's application form", answers.errors());
        }

        Application a = new Application();
        a.id = Ids.newUuid();
        a.postingId = posting.id;
        a.organizationId = posting.organizationId;
        a.candidateSubject = subject;
        a.name = request.name().strip();
        a.email = request.email().strip();
        a.phone = request.phone();
        a.answers = asStored(answers.answers());
        a.coverLetter = request.coverLetter() == null || request.coverLetter().isBlank() ? null : request.coverLetter();
        a.consent = consent(request, now);
        a.source = source(request.source());
        a.stage = Stage.APPLIED;
        a.createdAt = now;
        a.updatedAt = now;
        List<ApplicationTransition> history = new ArrayList<>();
        history.add(ApplicationTransition.of(a.id, null, Stage.APPLIED, null, null, ActorRole.CANDIDATE, subject, now));
        if (!answers.knockouts().isEmpty()) {
            // created already rejected: the recruiters see it, with the reason, and the candidate sees NOT_SELECTED
            a.stage = Stage.REJECTED;
            a.rejectReason = RejectReason.KNOCKOUT;
            history.add(ApplicationTransition.of(a.id, Stage.APPLIED, Stage.REJECTED, RejectReason.KNOCKOUT,
                    "knockout answer to " + String.join(", ", answers.knockouts()), ActorRole.SYSTEM, null, now));
        }
        insert(a);
        history.forEach(transitions::persist);

        Resume stored = null;
        if (resume != null) {
            stored = new Resume();
            stored.applicationId = a.id;
            stored.storageKey = store(resume);
            stored.mediaType = resume.mediaType();
            stored.sizeBytes = resume.sizeBytes();
            stored.sha256 = resume.sha256();
            // the text comes later, from the background worker: the request only stores the file
            stored.extractionStatus = TextExtraction.PENDING;
            stored.extractionDueAt = now;
            stored.createdAt = now;
            resumes.persist(stored);
            textWorker.wakeUpAfterCommit();
        }
        events.submitted(a);
        return new ApplicationDetails(a, posting.title, ApplicationDetails.ResumeFacts.of(stored, false), history);
    }

    /** The upload from where it is: memory, or streamed from its temporary file. */
    private String store(ResumeInspector.InspectedResume resume) {
        if (resume.bytes() != null) {
            return files.store(resume.bytes(), resume.mediaType());
        }
        try (InputStream content = resume.open()) {
            return files.store(content, resume.sizeBytes(), resume.mediaType());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts now (not at commit), so the unique index speaks while we can still answer with the existing id. */
    private void insert(Application a) {
        try {
            applications.persist(a);
            em.flush();
        } catch (PersistenceException e) {
            if (isOneActiveViolation(e)) {
                throw new DuplicateApplicationException(a.postingId, a.candidateSubject);
            }
            throw e;
        }
    }

    static boolean isOneActiveViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return ONE_ACTIVE_CONSTRAINT.equals(violation.getConstraintName())
                        || String.valueOf(violation.getMessage()).contains(ONE_ACTIVE_CONSTRAINT);
            }
        }
        return false;
    }

    /** After a {@link DuplicateApplicationException}, in a new transaction: the application that won. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> activeApplicationId(UUID postingId, String candidateSubject) {
        return applications.findActive(postingId, candidateSubject).map(a -> a.id);
    }

    /**
     * The posting as the replica knows it. Unknown ids (and postings never published) are 422 naming postingId: the
     * request is well-formed but refers to nothing one can apply to; a closed or expired posting is 409 (its state
     * is the conflict: a reopen would make the same request succeed); an EXTERNAL one is 422.
     */
    PostingReplica openPosting(String postingId, Instant now) {
        PostingReplica posting = Ids.parse(postingId).flatMap(postings::findByIdOptional)
                .filter(p -> !"DRAFT".equals(p.status) && !"DELETED".equals(p.status))
                .orElseThrow(() -> ApiException.unprocessable("postingId: there is no posting " + postingId,
                        List.of(new FieldError("postingId", "is not a posting one can apply to"))));
        if (!PostingReplica.PUBLISHED.equals(posting.status)
                || posting.validThrough != null && !posting.validThrough.isAfter(now)) {
            String status = PostingReplica.PUBLISHED.equals(posting.status) ? "EXPIRED" : posting.status;
            throw ApiException.conflict("the posting is " + status.toLowerCase()
                    + " and no longer takes applications", Map.of("postingStatus", status));
        }
        if (!PostingReplica.DIRECT.equals(posting.applyType)) {
            throw ApiException.unprocessable("postingId: this posting takes applications on the employer's site",
                    List.of(new FieldError("postingId", "takes applications on the employer's site, not here")));
        }
        return posting;
    }

    /** A plain mapper, like the one Hibernate stores JSON columns with. */
    private static final ObjectMapper JSON_COLUMN = new ObjectMapper();

    /**
     * The answers as the JSON column gives them back (a number answer, a BigDecimal in the form's terms, comes back an
     * Integer, Long or Double). Hibernate compares a JSON column with its copy made through JSON: left a BigDecimal,
     * the new application would be dirty at every flush and its version would move past the ETag the 201 shows.
     */
    static Map<String, Object> asStored(Map<String, Object> answers) {
        try {
            return JSON_COLUMN.readValue(JSON_COLUMN.writeValueAsString(answers),
                    new TypeReference<LinkedHashMap<String, Object>>() {
                    });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> consent(ApplicationSubmission request, Instant now) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("privacyPolicyVersion", request.privacyPolicyVersion());
        map.put("marketing", request.marketingConsent());
        map.put("acceptedAt", now.toString());
        return map;
    }

    private static Map<String, Object> source(ApplicationSubmission.Attribution source) {
        if (source == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "referrer", source.referrer());
        putIfPresent(map, "utmSource", source.utmSource());
        putIfPresent(map, "utmMedium", source.utmMedium());
        putIfPresent(map, "utmCampaign", source.utmCampaign());
        putIfPresent(map, "utmTerm", source.utmTerm());
        putIfPresent(map, "utmContent", source.utmContent());
        return map.isEmpty() ? null : map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
