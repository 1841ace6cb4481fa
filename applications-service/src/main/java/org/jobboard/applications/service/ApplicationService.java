package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.applications.domain.Resume;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.repository.ApplicationRepository;
import org.jobboard.applications.repository.ApplicationTransitionRepository;
import org.jobboard.applications.repository.PostingReplicaRepository;
import org.jobboard.applications.repository.ResumeRepository;
import org.jobboard.applications.storage.FileStorage;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reading applications, always scoped to the caller from the token: candidates see their own (in candidate terms),
 * recruiters their organization's postings' (in recruiter terms), each through their own methods. Anything else is
 * "not found", whether it exists or not (no probing across candidates or organizations).
 */
@ApplicationScoped
@Transactional
public class ApplicationService {
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
    Caller caller;

    @Inject
    CursorCodec cursors;

    public record ResumeFile(String mediaType, String fileName, byte[] content) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApplicationDetails> listOwn(String cursor, int limit) {
        String subject = caller.subject();
        return page(Map.of("candidateSubject", subject), null, "me|" + subject, cursor, limit);
    }

    /** A recruiter's list: one posting of their organization (404 otherwise), or all of the organization's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ApplicationDetails> listForRecruiter(String postingId, Stage stage, String cursor, int limit) {
        UUID organizationId = recruiterOrganization();
        Map<String, Object> scope = new HashMap<>();
        scope.put("organizationId", organizationId);
        if (postingId != null) {
            PostingReplica posting = ownPosting(postingId, organizationId);
            scope.put("postingId", posting.id);
        }
        return page(scope, stage, "org|" + organizationId + "|" + postingId + "|" + stage, cursor, limit);
    }

    /**
     * One application of the caller's organization, for its recruiters (GET /v1/applications/{id}); 404 for any other
     * application, whether it exists or not.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationDetails getForRecruiter(String id) {
        return details(find(id).filter(this::recruiterSees).orElseThrow(() -> ApiException.notFound("application " + id)),
                true);
    }

    /**
     * One of the caller's own applications, for its candidate (GET /v1/me/applications/{id}): the caller is the token's
     * subject; 404 for anyone else's application, whether it exists or not.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ApplicationDetails getOwn(String id) {
        // the candidate's view never shows the extracted text: it is not read
        return details(find(id).filter(this::candidateOwns).orElseThrow(() -> ApiException.notFound("application " + id)),
                false);
    }

    /** With everything a single view shows: the posting's title, the resume (with its text), the whole history. */
    private ApplicationDetails details(Application a, boolean withResumeText) {
        String title = postings.findByIdOptional(a.postingId).map(p -> p.title).orElse(null);
        Resume resume = resumes.findById(a.id);
        return new ApplicationDetails(a, title, ApplicationDetails.ResumeFacts.of(resume, withResumeText),
                transitions.historyOf(a.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResumeFile resume(String id) {
        Application a = visible(id);
        Resume resume = resumes.findByIdOptional(a.id)
                .orElseThrow(() -> ApiException.notFound("a resume of application " + id));
        FileStorage.StoredFile file = files.load(resume.storageKey)
                .orElseThrow(() -> ApiException.notFound("a resume of application " + id));
        return new ResumeFile(resume.mediaType, "resume-" + a.id + "." + ResumeInspector.extensionOf(resume.mediaType),
                file.content());
    }

    /**
     * Loads an application the caller may see (its candidate, or a recruiter of its organization), or 404: the same
     * answer for "absent" and "not yours".
     */
    private Application visible(String id) {
        return find(id).filter(a -> recruiterSees(a) || candidateOwns(a))
                .orElseThrow(() -> ApiException.notFound("application " + id));
    }

    private Optional<Application> find(String id) {
        return Ids.parse(id).flatMap(applications::findByIdOptional);
    }

    /** The caller is a recruiter of the application's organization (from the token). */
    boolean recruiterSees(Application a) {
        return caller.hasRole(Roles.RECRUITER)
                && caller.organizationId().flatMap(Ids::parse).map(a.organizationId::equals).orElse(false);
    }

    /** The caller is the application's candidate (the token's subject). */
    boolean candidateOwns(Application a) {
        return caller.hasRole(Roles.CANDIDATE) && caller.subject().equals(a.candidateSubject);
    }

    /** A page of the scope's applications, newest first, without their histories. */
    private Page<ApplicationDetails> page(Map<String, Object> scope, Stage stage, String cursorScope, String cursor,
            int limit) {
        CursorCodec.Position after = cursors.position(cursorScope, cursor);
        List<Application> rows = applications.page(scope, stage, after == null ? null : after.time(),
                after == null ? null : after.id(), limit + 1);
        CursorCodec.Keyset<Application> page = cursors.page(rows, limit, cursorScope, a -> a.createdAt, a -> a.id);
        List<Application> pageRows = page.rows();
        String next = page.nextCursor();
        Map<UUID, String> titles = postings.titles(pageRows.stream().map(a -> a.postingId).distinct().toList());
        Map<UUID, Resume> resumeOf = resumes.byApplication(pageRows.stream().map(a -> a.id).toList());
        List<ApplicationDetails> items = pageRows.stream()
                .map(a -> new ApplicationDetails(a, titles.get(a.postingId),
                        ApplicationDetails.ResumeFacts.of(resumeOf.get(a.id), false), null))
                .toList();
        return new Page<>(items, next);
    }

    PostingReplica ownPosting(String postingId, UUID organizationId) {
        return Ids.parse(postingId).flatMap(postings::findByIdOptional)
                .filter(p -> p.organizationId.equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("posting " + postingId));
    }

    UUID recruiterOrganization() {
        return caller.requireOrganizationUuid();
    }
}
