package org.jobboard.postings.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jobboard.platform.outbox.Outbox;
import org.jobboard.postings.domain.Organization;
import org.jobboard.postings.domain.Posting;
import org.jobboard.postings.mapping.PostingMapper;

/**
 * Writes posting events to the outbox, in the caller's transaction. Every event carries the full current state and
 * version (event-carried state transfer), keyed by posting id on the compacted topic jobboard.postings.v1.
 */
@ApplicationScoped
public class PostingEvents {
    public static final String TOPIC = "jobboard.postings.v1";
    public static final String PUBLISHED = "jobboard.posting.published.v1";
    public static final String UPDATED = "jobboard.posting.updated.v1";
    public static final String REOPENED = "jobboard.posting.reopened.v1";
    public static final String CLOSED = "jobboard.posting.closed.v1";
    public static final String EXPIRED = "jobboard.posting.expired.v1";
    public static final String DELETED = "jobboard.posting.deleted.v1";

    @Inject
    Outbox outbox;

    @Inject
    PostingMapper mapper;

    @Inject
    ObjectMapper json;

    public void emit(String type, Posting posting, Organization organization) {
        try {
            String data = json.writeValueAsString(mapper.toView(posting, organization));
            String key = posting.id.toString();
            outbox.append(TOPIC, key, type, "postings/" + key, data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize posting " + posting.id, e);
        }
    }
}
