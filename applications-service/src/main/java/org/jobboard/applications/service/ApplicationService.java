package org.jobboard.applications.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jobboard.applications.domain.Application;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.applications.domain.Stage;
import org.jobboard.applications.repository.ApplicationRepository;
import org.jobboard.applications.repository.PostingReplicaRepository;
import org.jobboard.applications.rest.CandidateApplicationView;
import org.jobboard.applications.rest.RecruiterApplicationView;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.security.Caller;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Applications, always scoped to the caller: candidates see their own, recruiters their organization's postings'. */
@ApplicationScoped
@Transactional
public class ApplicationService {
    @Inject
    ApplicationRepository applications;

    @Inject
    PostingReplicaRepository postings;

    @Inject
    Caller caller;

    @Inject
    CursorCodec cursors;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<CandidateApplicationView> listOwn(String cursor, int limit) {
        String subject = caller.subject();
        return page(Map.of("candidateSubject", subject), null, "me|" + subject, cursor, limit, this::candidateView);
    }

    /** A recruiter's list: one posting of their organization (404 otherwise), or all of the organization's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RecruiterApplicationView> listForRecruiter(String postingId, Stage stage, String cursor, int limit) {
        UUID organizationId = recruiterOrganization();
        Map<String, Object> scope = new HashMap<>();
        scope.put("organizationId", organizationId);
        if (postingId != null) {
            PostingReplica posting = ownPosting(postingId, organizationId);
            scope.put("postingId", posting.id);
        }
        return page(scope, stage, "org|" + organizationId + "|" + postingId + "|" + stage, cursor, limit,
                this::recruiterView);
    }

    private <T> Page<T> page(Map<String, Object> scope, Stage stage, String cursorScope, String cursor, int limit,
            Function<Application, T> view) {
        Instant afterTime = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> values = cursors.decode(cursorScope, cursor, 2);
            afterTime = Instant.parse(values.get(0));
            afterId = UUID.fromString(values.get(1));
        }
        List<Application> rows = applications.page(scope, stage, afterTime, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<Application> pageRows = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Application last = pageRows.get(pageRows.size() - 1);
            next = cursors.encode(cursorScope, List.of(last.createdAt.toString(), last.id.toString()));
        }
        return new Page<>(pageRows.stream().map(view).toList(), next);
    }

    PostingReplica ownPosting(String postingId, UUID organizationId) {
        return Ids.parse(postingId).flatMap(postings::findByIdOptional)
                .filter(p -> p.organizationId.equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("posting " + postingId));
    }

    UUID recruiterOrganization() {
        return Ids.parse(caller.requireOrganizationId()).orElseThrow(() -> ApiException.forbidden(
                "the token's organization claim is not a valid organization id"));
    }

    private String titleOf(UUID postingId) {
        PostingReplica posting = postings.findById(postingId);
        return posting == null ? null : posting.title;
    }

    CandidateApplicationView candidateView(Application a) {
        return new CandidateApplicationView(a.id.toString(), a.postingId.toString(), titleOf(a.postingId),
                a.stage.candidateStatus(), a.name, a.email, a.phone, a.answers, a.coverLetter, a.version,
                a.createdAt, a.updatedAt);
    }

    RecruiterApplicationView recruiterView(Application a) {
        return new RecruiterApplicationView(a.id.toString(), a.postingId.toString(), titleOf(a.postingId), a.stage,
                a.rejectReason, a.erased, a.name, a.email, a.phone, a.answers, a.coverLetter, a.source, a.version,
                a.createdAt, a.updatedAt);
    }
}
