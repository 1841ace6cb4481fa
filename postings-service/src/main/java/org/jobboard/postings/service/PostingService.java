package org.jobboard.postings.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.platform.concurrency.IfMatch;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.postings.domain.IllegalTransitionException;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.domain.PostingContent;
import org.jobboard.postings.events.PostingEvents;
import org.jobboard.postings.repository.OrganizationRepository;
import org.jobboard.postings.repository.PostingRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The posting lifecycle. Every change and its event are written in one transaction (the outbox), and every lookup
 * is scoped to the caller: drafts and closed postings exist only for their organization's recruiters (and admins).
 */
@ApplicationScoped
@Transactional
public class PostingService {
    @Inject
    PostingRepository postings;

    @Inject
    OrganizationRepository organizations;

    @Inject
    PostingEvents events;

    @Inject
    PublishChecks publishChecks;

    @Inject
    PostingsConfig config;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    CursorCodec cursors;

    public PostingDetails create(PostingContent content) {
        Organization organization = recruiterOrganizationRegistered();
        return new PostingDetails(createDraft(organization, content), organization);
    }

    Posting createDraft(Organization organization, PostingContent content) {
        if (content.normalizedRequisitionId() != null
                && postings.findByRequisition(organization.id, content.normalizedRequisitionId()).isPresent()) {
            throw ApiException.conflict("requisitionId " + content.requisitionId()
                    + " is already used by another posting of your organization");
        }
        Posting posting = new Posting();
        posting.id = Ids.newUuid();
        posting.organizationId = organization.id;
        posting.status = PostingStatus.DRAFT;
        posting.apply(content);
        posting.createdAt = clock.instant();
        posting.updatedAt = posting.createdAt;
        postings.persist(posting);
        return posting;
    }

    /** A posting the caller may see (404 otherwise). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostingDetails get(String id) {
        return details(visible(id));
    }

    /** A posting the caller may change (403/404 otherwise), e.g. as the base of a merge patch. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PostingDetails getWritable(String id) {
        return details(writable(id));
    }

    public enum UpsertOutcome { CREATED, UPDATED, UNCHANGED }

    public record UpsertResult(UpsertOutcome outcome, Posting posting) {
    }

    /**
     * One batch item, in its own transaction: create the posting with this requisitionId, or update it when its
     * content differs (and optionally publish a draft). A published posting stays published and must keep passing
     * the publish checks.
     */
    public UpsertResult upsertByRequisition(PostingContent content, boolean publish) {
        Organization organization = recruiterOrganizationRegistered();
        var existing = postings.findByRequisition(organization.id, content.normalizedRequisitionId());
        var outcome = UpsertOutcome.UNCHANGED;
        Posting posting;
        if (existing.isEmpty()) {
            posting = createDraft(organization, content);
            outcome = UpsertOutcome.CREATED;
        } else {
            posting = existing.get();
            if (content.validThrough() == null) {
                content = content.withValidThrough(posting.validThrough); // an ATS that sends none keeps the current one
            }
            Posting candidate = new Posting();
            candidate.apply(content);
            if (!candidate.content().equals(posting.content())) {
                applyUpdate(posting, content);
                outcome = UpsertOutcome.UPDATED;
            }
        }
        if (publish && posting.status == PostingStatus.DRAFT) {
            publishChecked(posting, null, false);
            if (outcome == UpsertOutcome.UNCHANGED) {
                outcome = UpsertOutcome.UPDATED;
            }
        }
        postings.flush();
        return new UpsertResult(outcome, posting);
    }

    /**
     * Replaces the writable content of a posting read at {@code expectedVersion} (412 when it changed since); a
     * published posting publishes an updated event.
     */
    public PostingDetails update(String id, PostingContent content, long expectedVersion) {
        Posting posting = writable(id);
        if (posting.version != expectedVersion) {
            throw ApiException.preconditionFailed("the resource changed since you read it (current ETag \""
                    + posting.version + "\"); read it again and retry");
        }
        String newRequisition = content.normalizedRequisitionId();
        if (newRequisition != null && !newRequisition.equals(posting.requisitionId)
                && postings.findByRequisition(posting.organizationId, newRequisition).isPresent()) {
            throw ApiException.conflict("requisitionId " + newRequisition + " is already used by another posting");
        }
        return details(applyUpdate(posting, content));
    }

    /** Applies new content; when the posting is public, it must still pass the publish checks. */
    Posting applyUpdate(Posting posting, PostingContent content) {
        posting.apply(content);
        posting.updatedAt = clock.instant();
        Organization organization = organizations.findById(posting.organizationId);
        if (posting.status == PostingStatus.PUBLISHED) {
            List<FieldError> errors = publishChecks.check(posting, organization, posting.validThrough, clock.instant());
            if (!errors.isEmpty()) {
                throw ApiException.unprocessable("a published posting must keep passing the publish checks", errors);
            }
        }
        postings.flush(); // the version returned (ETag) and carried by the event is the one after this update
        if (posting.status == PostingStatus.PUBLISHED) {
            events.emit(PostingEventTypes.UPDATED, posting, organization);
        }
        return posting;
    }

    public PostingDetails publish(String id, String ifMatch, Instant validThrough) {
        Posting posting = writable(id);
        IfMatch.checkMatch(ifMatch, posting.version);
        if (posting.status != PostingStatus.DRAFT) {
            throw transition(new IllegalTransitionException(posting.status,
                    posting.status == PostingStatus.PUBLISHED ? "published again" : "published; reopen it instead"));
        }
        return details(publishChecked(posting, validThrough, false));
    }

    public PostingDetails reopen(String id, String ifMatch, Instant validThrough) {
        Posting posting = writable(id);
        IfMatch.checkMatch(ifMatch, posting.version);
        if (posting.status != PostingStatus.CLOSED && posting.status != PostingStatus.EXPIRED) {
            throw transition(new IllegalTransitionException(posting.status, "reopened"));
        }
        if (validThrough == null) {
            throw ApiException.badParameter("validThrough", "is required to reopen a posting");
        }
        return details(publishChecked(posting, validThrough, true));
    }

    Posting publishChecked(Posting posting, Instant requestedValidThrough, boolean reopen) {
        Instant now = clock.instant();
        Instant validThrough = requestedValidThrough != null ? requestedValidThrough
                : posting.validThrough != null ? posting.validThrough : now.plus(config.defaultValidity());
        Organization organization = organizations.findById(posting.organizationId);
        List<FieldError> errors = publishChecks.check(posting, organization, validThrough, now);
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable("the posting cannot be published yet", errors);
        }
        if (reopen) {
            posting.reopen(validThrough, now);
        } else {
            posting.publish(validThrough, now);
        }
        postings.flush();
        events.emit(reopen ? PostingEventTypes.REOPENED : PostingEventTypes.PUBLISHED, posting, organization);
        return posting;
    }

    public PostingDetails close(String id, String ifMatch, CloseReason reason) {
        Posting posting = writable(id);
        IfMatch.checkMatch(ifMatch, posting.version);
        try {
            posting.close(reason, clock.instant());
        } catch (IllegalTransitionException e) {
            throw transition(e);
        }
        postings.flush();
        Organization organization = organizations.findById(posting.organizationId);
        events.emit(PostingEventTypes.CLOSED, posting, organization);
        return new PostingDetails(posting, organization);
    }

    public void delete(String id, String ifMatch) {
        Posting posting = writable(id);
        IfMatch.requireMatch(ifMatch, posting.version);
        try {
            posting.ensureDeletable();
        } catch (IllegalTransitionException e) {
            throw transition(e);
        }
        postings.delete(posting);
        postings.flush();
        events.deleted(posting); // a tombstone: the draft's content never reaches the topic
    }

    /**
     * Recruiters list their own organization's postings (any status, or those asked for); admins every
     * organization's (moderation); everyone else lists published postings. Keyset paging on (updatedAt desc, id desc).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostingDetails> list(List<PostingStatus> statuses, Instant updatedSince, String cursor, int limit) {
        UUID organizationId = null;
        List<PostingStatus> effective = List.of(PostingStatus.PUBLISHED);
        String scope;
        if (caller.hasRole(Roles.RECRUITER)) {
            organizationId = recruiterOrganization();
            effective = statuses;
        } else if (caller.hasRole(Roles.ADMIN)) {
            effective = statuses;
        } else if (!statuses.isEmpty() && !statuses.equals(List.of(PostingStatus.PUBLISHED))) {
            throw ApiException.badParameter("status",
                    "only recruiters and admins may list postings that are not PUBLISHED");
        }
        scope = "postings|" + organizationId + "|" + effective + "|" + updatedSince;
        CursorCodec.Position after = cursors.position(scope, cursor);
        List<Posting> rows = postings.page(organizationId, effective, updatedSince,
                after == null ? null : after.time(), after == null ? null : after.id(), limit + 1);
        CursorCodec.Keyset<Posting> page = cursors.page(rows, limit, scope, p -> p.updatedAt, p -> p.id);
        Map<UUID, Organization> organizationsById = new HashMap<>();
        List<PostingDetails> items = page.rows().stream().map(p -> new PostingDetails(p,
                organizationsById.computeIfAbsent(p.organizationId, organizations::findById))).toList();
        return new Page<>(items, page.nextCursor());
    }

    /** Expires due postings; safe with several replicas (SKIP LOCKED) and catches up after downtime. */
    public int expireDue(Instant now) {
        List<Posting> due = postings.lockDueForExpiry(now, config.expiryBatchSize());
        for (Posting posting : due) {
            posting.expire(now);
        }
        postings.flush();
        for (Posting posting : due) {
            events.emit(PostingEventTypes.EXPIRED, posting, organizations.findById(posting.organizationId));
        }
        return due.size();
    }

    /**
     * A posting the caller may see: public ones for all; drafts, closed and expired ones for their organization's
     * recruiters and for admins, who moderate every organization's postings. Anyone else gets 404, never a hint.
     */
    Posting visible(String id) {
        Posting posting = Ids.parse(id).flatMap(postings::findByIdOptional)
                .orElseThrow(() -> ApiException.notFound("posting " + id));
        if (posting.isPublic() || caller.hasRole(Roles.ADMIN)
                || caller.isRecruiterOf(posting.organizationId.toString())) {
            return posting;
        }
        throw ApiException.notFound("posting " + id);
    }

    /** A posting the caller may change: only its organization's recruiters; others get 404, never a hint. */
    Posting writable(String id) {
        UUID organizationId = recruiterOrganization();
        Posting posting = Ids.parse(id).flatMap(postings::findByIdOptional)
                .filter(p -> p.organizationId.equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("posting " + id));
        return posting;
    }

    UUID recruiterOrganization() {
        if (!caller.hasRole(Roles.RECRUITER)) {
            throw ApiException.forbidden("only recruiters manage postings");
        }
        return caller.requireOrganizationUuid();
    }

    private static ApiException transition(IllegalTransitionException e) {
        return ApiException.conflict(e.getMessage());
    }

    private Organization recruiterOrganizationRegistered() {
        return organizations.findByIdOptional(recruiterOrganization())
                .orElseThrow(() -> ApiException.unprocessable("your organization is not registered yet; ask an admin",
                        List.of(new FieldError("organizationId", "unknown organization"))));
    }

    private PostingDetails details(Posting posting) {
        return new PostingDetails(posting, organizations.findById(posting.organizationId));
    }
}
