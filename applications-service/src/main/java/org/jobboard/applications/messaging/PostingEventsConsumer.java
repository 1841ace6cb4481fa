package org.jobboard.applications.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.smallrye.common.annotation.Blocking;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.jobboard.applications.service.PostingReplicaService;
import org.jobboard.platform.consumer.IdempotentConsumer;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.input.StrictJson;

/**
 * Keeps the posting replica from jobboard.postings.v1. The processed event id and the replica change commit
 * together; an event that cannot be parsed fails and goes to the dead-letter topic instead of blocking the partition.
 */
@ApplicationScoped
public class PostingEventsConsumer {
    static final String CONSUMER = "applications-service/posting-replica";
    private static final Logger LOG = Logger.getLogger(PostingEventsConsumer.class);

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
            return; // a compaction tombstone: nothing to apply
        }
        CloudEvent event = CloudEventHeaders.fromRecord(record.headers(), record.value());
        if (!event.type().startsWith("jobboard.posting.")) {
            return;
        }
        PostingEventData data;
        try {
            data = reader.readValue(event.data());
        } catch (java.io.IOException e) {
            throw new CloudEventHeaders.MalformedEventException("posting event " + event.id() + " is not valid JSON");
        }
        if (data.id() == null || data.organizationId() == null || data.status() == null) {
            throw new CloudEventHeaders.MalformedEventException("posting event " + event.id() + " lacks id, organizationId or status");
        }
        boolean changed = apply(event, data);
        LOG.debugf("posting %s v%d (%s): %s", data.id(), data.version(), event.type(), changed ? "applied" : "skipped");
    }

    @Transactional
    boolean apply(CloudEvent event, PostingEventData data) {
        return idempotentConsumer.firstDelivery(CONSUMER, event.id()) && replicas.apply(event.type(), data);
    }
}
