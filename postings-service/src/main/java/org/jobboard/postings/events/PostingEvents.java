package org.jobboard.postings.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.platform.outbox.Outbox;
import org.jobboard.postings.domain.ApplyMethod;
import org.jobboard.postings.domain.Location;
import org.jobboard.postings.domain.MarkdownRenderer;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.domain.Salary;

import java.math.BigDecimal;
import java.util.List;

/**
 * Writes posting events to the outbox, in the caller's transaction. Every event carries the full current state and
 * version (event-carried state transfer), keyed by posting id on the compacted topic {@link Topics#POSTINGS}; a
 * deleted draft is a tombstone (null value), so compaction forgets it and its content never reaches the topic.
 */
@ApplicationScoped
public class PostingEvents {
    @Inject
    Outbox outbox;

    @Inject
    MarkdownRenderer markdown;

    @Inject
    ObjectMapper json;

    /** A change of a posting that is or was public: published, updated, reopened, closed or expired. */
    public void emit(String type, Posting posting, Organization organization) {
        if (type.equals(PostingEventTypes.DELETED) || posting.status == PostingStatus.DRAFT) {
            throw new IllegalArgumentException("a draft is never published; a deletion is deleted(posting)");
        }
        String key = posting.id.toString();
        try {
            outbox.append(Topics.POSTINGS, key, type, subject(posting), json.writeValueAsString(data(posting, organization)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize posting " + posting.id, e);
        }
    }

    /** A deleted draft: the tombstone of its key. */
    public void deleted(Posting posting) {
        outbox.appendTombstone(Topics.POSTINGS, posting.id.toString(), PostingEventTypes.DELETED, subject(posting));
    }

    PostingEventData data(Posting posting, Organization organization) {
        return new PostingEventData(posting.id.toString(), posting.organizationId.toString(),
                new PostingEventData.OrganizationRef(organization.id.toString(), organization.name,
                        organization.website, organization.logoUrl),
                posting.status, posting.title, posting.description, markdown.toPlainText(posting.description),
                posting.requisitionId, List.copyOf(posting.employmentTypes), posting.workplaceType,
                posting.locations.stream().map(PostingEvents::place).toList(),
                List.copyOf(posting.applicantLocationRequirements), pay(posting.salary), posting.seniority,
                List.copyOf(posting.skills), posting.category, apply(posting.applyMethod), posting.validThrough,
                posting.closeReason, posting.version, posting.createdAt, posting.updatedAt, posting.publishedAt,
                posting.closedAt);
    }

    private static String subject(Posting posting) {
        return "postings/" + posting.id;
    }

    private static PostingEventData.Place place(Location location) {
        return new PostingEventData.Place(location.country(), location.region(), location.city(),
                location.postalCode(), location.latitude(), location.longitude());
    }

    private static PostingEventData.Pay pay(Salary salary) {
        return salary == null ? null
                : new PostingEventData.Pay(salary.currency(), amount(salary.min()), amount(salary.max()), salary.period());
    }

    private static String amount(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static PostingEventData.Apply apply(ApplyMethod method) {
        if (method == null) {
            return null;
        }
        List<PostingEventData.Question> questions = method.questions() == null ? null : method.questions().stream()
                .map(q -> new PostingEventData.Question(q.id(), q.label(), q.type(), q.required(),
                        q.choices() == null ? null : List.copyOf(q.choices()), q.knockoutAnswer()))
                .toList();
        return new PostingEventData.Apply(method.type(), method.url(), questions);
    }
}
