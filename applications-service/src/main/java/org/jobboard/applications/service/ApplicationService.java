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
import java.util.UUID;

/**
 * Reading applications, always scoped to the caller: candidates see their own, recruiters their organization's
 * postings'. Anything else is "not found", whether it exists or not (no probing across candidates or organizations).
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

    /** How the caller relates to an application they may see. */
    public enum Viewer { CANDIDATE, RECRUITER }

    public record Visible(Application application, Viewer viewer) {
    }

    /** An application and how the caller sees it (recruiter of its organization, or its candidate). */
    public record Viewed(ApplicationDetails details, Viewer viewer) {
        public long version() {
            return details.version();
        }
    }

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

    /** One application: the recruiter view to its organization's recruiters, the candidate view to its candidate. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Viewed get(String id) {
        Visible visible = visible(id);
        Application a = visible.application();
        String title = postings.findByIdOptional(a.postingId).map(p -> p.title).orElse(null);
        Resume resume = resumes.findById(a.id);
        return new Viewed(new ApplicationDetails(a, title, ApplicationDetails.ResumeFacts.of(resume, true),
                transitions.historyOf(a.id)), visible.viewer());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ResumeFile resume(String id) {
        Application a = visible(id).application();
        Resume resume = resumes.findByIdOptional(a.id)
                .orElseThrow(() -> ApiException.notFound("a resume of application " + id));
        FileStorage.StoredFile file = files.load(resume.storageKey)
                .orElseThrow(() -> ApiException.notFound("a resume of application " + id));
        return new ResumeFile(resume.mediaType, "resume-" + a.id + "." + ResumeInspector.extensionOf(resume.mediaType),
                file.content());
    }

    /** Loads an application the caller may see, or 404: the same answer for "absent" and "not yours". */
    public Visible visible(String id) {
        Application a = Ids.parse(id).flatMap(applications::findByIdOptional)
                .orElseThrow(() -> ApiException.notFound("application " + id));
        Viewer viewer = viewerOf(a);
        if (viewer == null) {
            throw ApiException.notFound("application " + id);
        }
        return new Visible(a, viewer);
    }

    /** A recruiter of the application's organization sees the recruiter view, even if the token also says candidate. */
    Viewer viewerOf(Application a) {
        if (caller.hasRole(Roles.RECRUITER)
                && caller.organizationId().flatMap(Ids::parse).map(a.organizationId::equals).orElse(false)) {
            return Viewer.RECRUITER;
        }
        if (caller.hasRole(Roles.CANDIDATE) && caller.subject().equals(a.candidateSubject)) {
            return Viewer.CANDIDATE;
        }
        return null;
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
