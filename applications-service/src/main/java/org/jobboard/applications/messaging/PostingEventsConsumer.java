package org.jobboard.applications.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jobboard.applications.service.PostingReplicaService;
import org.jobboard.applications.service.PostingState;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.platform.consumer.IdempotentConsumer;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.input.StrictJson;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps the posting replica from jobboard.postings.v1. The processed event id and the replica change commit
 * together; an event that cannot be parsed fails and goes to the dead-letter topic instead of blocking the partition.
 * A deleted posting arrives as a tombstone (a null value, key = posting id): the replica marks it deleted.
 */
@ApplicationScoped
public class PostingEventsConsumer {
    static final String CONSUMER = "applications-service/posting-replica";
    private static final Logger LOG = Logger.getLogger(PostingEventsConsumer.class);
    /** Types that carry the posting's state; others (added later) are skipped. */
    static final Set<String> STATE_TYPES = Set.of(PostingEventTypes.PUBLISHED, PostingEventTypes.UPDATED,
            PostingEventTypes.REOPENED, PostingEventTypes.CLOSED, PostingEventTypes.EXPIRED);

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    PostingReplicaService replicas;

    private final ObjectReader reader;

    @Inject
    public PostingEventsConsumer(ObjectMapper json) {
        this.reader = StrictJson.forTrustedSource(json).readerFor(PostingEventData.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Parses outside the transaction (a malformed event fails fast to the dead-letter topic), applies inside it. */
    @Incoming("postings")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            forget(record);
            return;
        }
        CloudEvent event = CloudEventHeaders.fromRecord(record.headers(), record.value());
        if (PostingEventTypes.DELETED.equals(event.type())) {
            // a producer from before tombstones sent the deleted posting's data; the meaning is the same
            forget(record);
            return;
        }
        if (!STATE_TYPES.contains(event.type())) {
            LOG.debugf("posting event %s of type %s: not one this service reads", event.id(), event.type());
            return;
        }
        PostingState posting;
        try {
            PostingEventData data = reader.readValue(event.data());
            if (data.id() == null || data.organizationId() == null || data.status() == null) {
                throw new CloudEventHeaders.MalformedEventException("posting event " + event.id() + " lacks id, organizationId or status");
            }
            posting = data.toState();
        } catch (java.io.IOException e) {
            throw new CloudEventHeaders.MalformedEventException("posting event " + event.id() + " is not valid JSON");
        } catch (IllegalArgumentException e) {
            throw new CloudEventHeaders.MalformedEventException("posting event " + event.id() + " has an id that is not a UUID");
        }
        boolean changed = apply(event, posting);
        LOG.debugf("posting %s v%d (%s): %s", posting.id(), posting.version(), event.type(), changed ? "applied" : "skipped");
    }

    @Transactional
    boolean apply(CloudEvent event, PostingState posting) {
        return idempotentConsumer.firstDelivery(CONSUMER, event.id()) && replicas.apply(posting);
    }

    /**
     * A tombstone (or a deleted event): the posting is gone. Idempotent by itself (a deleted posting stays deleted),
     * so it needs no processed-event record, and it never fails: a tombstone whose key names no posting is skipped.
     */
    private void forget(ConsumerRecord<String, String> record) {
        Optional<UUID> id = postingId(record);
        if (id.isEmpty()) {
            LOG.warnf("tombstone at offset %d of partition %d names no posting (key %s): skipped", record.offset(),
                    record.partition(), record.key());
            return;
        }
        boolean changed = forget(id.get());
        LOG.debugf("posting %s deleted: %s", id.get(), changed ? "marked" : "nothing to mark");
    }

    @Transactional
    boolean forget(UUID postingId) {
        return replicas.forget(postingId);
    }

    /** The record key is the posting id; ce_subject (postings/<id>) says the same when the key is missing. */
    private static Optional<UUID> postingId(ConsumerRecord<String, String> record) {
        Optional<UUID> fromKey = record.key() == null ? Optional.empty() : Ids.parse(record.key());
        if (fromKey.isPresent()) {
            return fromKey;
        }
        String subject = CloudEventHeaders.text(record.headers(), CloudEventHeaders.SUBJECT);
        return subject != null && subject.startsWith("postings/") ? Ids.parse(subject.substring("postings/".length()))
                : Optional.empty();
    }
}
