package org.jobboard.postings.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import org.jobboard.platform.concurrency.IfMatch;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.paging.CursorCodec;
import org.jobboard.platform.paging.Page;
import org.jobboard.platform.problem.ApiException;
import org.jobboard.platform.problem.FieldError;
import org.jobboard.platform.problem.ProblemMappers;
import org.jobboard.platform.rest.JsonMergePatch;
import org.jobboard.platform.security.Caller;
import org.jobboard.platform.security.Roles;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.contracts.postings.CloseReason;
import org.jobboard.postings.domain.IllegalTransitionException;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.mapping.PostingMapper;
import org.jobboard.postings.repository.OrganizationRepository;
import org.jobboard.postings.repository.PostingRepository;
import org.jobboard.postings.rest.PostingInput;
import org.jobboard.postings.rest.PostingView;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
    PostingMapper mapper;

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
    Validator validator;

    @Inject
    ObjectMapper json;

    @Inject
    CursorCodec cursors;

    @Inject
    org.jobboard.postings.mapping.JobPostingJsonLd jsonLd;

    public PostingView create(PostingInput input) {
        UUID organizationId = recruiterOrganization();
        Organization organization = organizations.findByIdOptional(organizationId)
                .orElseThrow(() -> ApiException.unprocessable("your organization is not registered yet; ask an admin",
                        List.of(new FieldError("organizationId", "unknown organization"))));
        return view(createDraft(organization, input), organization);
    }

    Posting createDraft(Organization organization, PostingInput input) {
        if (input.requisitionId() != null && !input.requisitionId().isBlank()
                && postings.findByRequisition(organization.id, input.requisitionId().strip()).isPresent()) {
            throw ApiException.conflict("requisitionId " + input.requisitionId()
                    + " is already used by another posting of your organization");
        }
        Posting posting = new Posting();
        posting.id = Ids.newUuid();
        posting.organizationId = organization.id;
        posting.status = PostingStatus.DRAFT;
        mapper.apply(input, posting);
        posting.createdAt = clock.instant();
        posting.updatedAt = posting.createdAt;
        postings.persist(posting);
        return posting;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PostingView get(String id) {
        Posting posting = visible(id);
        return view(posting, organizations.findById(posting.organizationId));
    }

    /** The JSON-LD text, already escaped for embedding in a script element, and the posting's version (ETag). */
    public record JsonLdDocument(String body, long version) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public JsonLdDocument jsonLd(String id) {
        Posting posting = visible(id);
        return new JsonLdDocument(jsonLd.toEmbeddableJson(posting, organizations.findById(posting.organizationId)),
                posting.version);
    }

    public record UpsertResult(org.jobboard.postings.rest.BatchResult.Outcome outcome, PostingView posting) {
    }

    /**
     * One batch item, in its own transaction: create the posting with this requisitionId, or update it when its
     * content differs (and optionally publish a draft). A published posting stays published and must keep passing
     * the publish checks.
     */
    public UpsertResult upsertByRequisition(PostingInput input, boolean publish) {
        UUID organizationId = recruiterOrganization();
        Organization organization = organizations.findByIdOptional(organizationId)
                .orElseThrow(() -> ApiException.unprocessable("your organization is not registered yet; ask an admin",
                        List.of(new FieldError("organizationId", "unknown organization"))));
        var existing = postings.findByRequisition(organizationId, input.requisitionId().strip());
        var outcome = org.jobboard.postings.rest.BatchResult.Outcome.UNCHANGED;
        Posting posting;
        if (existing.isEmpty()) {
            posting = createDraft(organization, input);
            outcome = org.jobboard.postings.rest.BatchResult.Outcome.CREATED;
        } else {
            posting = existing.get();
            if (input.validThrough() == null) {
                input = input.withValidThrough(posting.validThrough); // an ATS that sends none keeps the current one
            }
            Posting candidate = new Posting();
            mapper.apply(input, candidate);
            if (!json.valueToTree(mapper.toInput(candidate)).equals(json.valueToTree(mapper.toInput(posting)))) {
                applyUpdate(posting, input);
                outcome = org.jobboard.postings.rest.BatchResult.Outcome.UPDATED;
            }
        }
        if (publish && posting.status == PostingStatus.DRAFT) {
            publishChecked(posting, null, false);
            if (outcome == org.jobboard.postings.rest.BatchResult.Outcome.UNCHANGED) {
                outcome = org.jobboard.postings.rest.BatchResult.Outcome.UPDATED;
            }
        }
        postings.flush();
        return new UpsertResult(outcome, view(posting, organization));
    }

    /** JSON Merge Patch over the writable fields; a published posting publishes an updated event. */
    public PostingView patch(String id, JsonNode patch, String ifMatch) {
        Posting posting = writable(id);
        IfMatch.requireMatch(ifMatch, posting.version);
        if (patch == null || !patch.isObject()) {
            throw ApiException.badParameter("body", "must be a JSON object (JSON Merge Patch)");
        }
        JsonNode merged = JsonMergePatch.apply(json.valueToTree(mapper.toInput(posting)), patch);
        PostingInput input;
        try {
            input = json.treeToValue(merged, PostingInput.class);
        } catch (JsonProcessingException e) {
            throw ProblemMappers.invalidJson(e);
        }
        Set<ConstraintViolation<PostingInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        String newRequisition = input.requisitionId() == null ? null : input.requisitionId().strip();
        if (newRequisition != null && !newRequisition.equals(posting.requisitionId)
                && postings.findByRequisition(posting.organizationId, newRequisition).isPresent()) {
            throw ApiException.conflict("requisitionId " + newRequisition + " is already used by another posting");
        }
        return view(applyUpdate(posting, input), organizations.findById(posting.organizationId));
    }

    /** Applies new content; when the posting is public, it must still pass the publish checks. */
    Posting applyUpdate(Posting posting, PostingInput input) {
        mapper.apply(input, posting);
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
            events.emit(PostingEvents.UPDATED, posting, organization);
        }
        return posting;
    }

    public PostingView publish(String id, String ifMatch, Instant validThrough) {
        Posting posting = writable(id);
        IfMatch.checkMatch(ifMatch, posting.version);
        if (posting.status != PostingStatus.DRAFT) {
            throw transition(new IllegalTransitionException(posting.status,
                    posting.status == PostingStatus.PUBLISHED ? "published again" : "published; reopen it instead"));
        }
        return view(publishChecked(posting, validThrough, false), organizations.findById(posting.organizationId));
    }

    public PostingView reopen(String id, String ifMatch, Instant validThrough) {
        Posting posting = writable(id);
        IfMatch.checkMatch(ifMatch, posting.version);
        if (posting.status != PostingStatus.CLOSED && posting.status != PostingStatus.EXPIRED) {
            throw transition(new IllegalTransitionException(posting.status, "reopened"));
        }
        if (validThrough == null) {
            throw ApiException.badParameter("validThrough", "is required to reopen a posting");
        }
        return view(publishChecked(posting, validThrough, true), organizations.findById(posting.organizationId));
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
        events.emit(reopen ? PostingEvents.REOPENED : PostingEvents.PUBLISHED, posting, organization);
        return posting;
    }

    public PostingView close(String id, String ifMatch, CloseReason reason) {
        Posting posting = writable(id);
        IfMatch.checkMatch(ifMatch, posting.version);
        try {
            posting.close(reason, clock.instant());
        } catch (IllegalTransitionException e) {
            throw transition(e);
        }
        postings.flush();
        Organization organization = organizations.findById(posting.organizationId);
        events.emit(PostingEvents.CLOSED, posting, organization);
        return view(posting, organization);
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
        events.emit(PostingEvents.DELETED, posting, organizations.findById(posting.organizationId));
    }

    /**
     * Recruiters list their own organization's postings (any status, or those asked for); admins every
     * organization's (moderation); everyone else lists published postings. Keyset paging on (updatedAt desc, id desc).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<PostingView> list(List<PostingStatus> statuses, Instant updatedSince, String cursor, int limit) {
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
        var organizationsById = new java.util.HashMap<UUID, Organization>();
        List<PostingView> items = page.rows().stream().map(p -> view(p,
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
            events.emit(PostingEvents.EXPIRED, posting, organizations.findById(posting.organizationId));
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

    private PostingView view(Posting posting, Organization organization) {
        return mapper.toView(posting, organization);
    }
}
