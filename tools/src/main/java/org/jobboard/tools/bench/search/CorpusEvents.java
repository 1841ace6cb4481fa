package org.jobboard.tools.bench.search;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Publishes the corpus as the real posting events (the CloudEvent JSON and headers postings-service's outbox relay
 * emits: full posting state, Markdown plus rendered HTML description, keyed by posting id) to a topic of the
 * benchmark's own, so a search-service process can rebuild its index from it exactly as a new replica would, while
 * {@code jobboard.postings.v1} stays clean.
 */
final class CorpusEvents implements AutoCloseable {
    static final String SOURCE = "/jobboard/postings-service";
    private static final String PUBLISHED = "jobboard.posting.published.v1";

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    private CorpusEvents(String bootstrap, String topic) {
        this.topic = topic;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, lz4Available() ? "lz4" : "none");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "search-bench-corpus");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static boolean lz4Available() {
        try {
            Class.forName("net.jpountz.lz4.LZ4Factory");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Deletes and creates the benchmark topic and its dead-letter topic (same layout as jobboard.postings.v1: six
     * partitions, compacted), so the rebuilt index holds exactly this run's corpus.
     */
    static CorpusEvents recreate(String bootstrap, String topic, String deadLetterTopic) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            deleteTopics(admin, List.of(topic, deadLetterTopic));
            NewTopic events = new NewTopic(topic, 6, (short) 1).configs(Map.of("cleanup.policy", "compact"));
            NewTopic deadLetters = new NewTopic(deadLetterTopic, 1, (short) 1);
            for (int attempt = 1;; attempt++) {
                try {
                    admin.createTopics(List.of(events, deadLetters)).all().get(30, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException e) {
                    // a deletion finishes asynchronously: the name is free a moment later
                    if (attempt == 30) {
                        throw e;
                    }
                    Thread.sleep(1000);
                }
            }
        }
        return new CorpusEvents(bootstrap, topic);
    }

    static void deleteTopics(String bootstrap, List<String> topics) throws Exception {
        try (Admin admin = admin(bootstrap)) {
            deleteTopics(admin, topics);
        }
    }

    private static void deleteTopics(Admin admin, List<String> topics) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (!present.isEmpty()) {
            admin.deleteTopics(present).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(String bootstrap) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(props);
    }

    void publish(IndexedPosting posting) {
        Exception earlier = failure.get();
        if (earlier != null) {
            throw new IllegalStateException("publishing the corpus failed", earlier);
        }
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), PUBLISHED, SOURCE, "postings/" + posting.id(),
                posting.summary().publishedAt(), json(posting));
        producer.send(new ProducerRecord<>(topic, null, posting.id(), event.data(),
                CloudEventHeaders.toHeaders(event, null)), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    /** Waits until the broker acknowledged every event. */
    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("publishing the corpus failed", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The event data postings-service writes: its PostingView of a published posting. */
    static String json(IndexedPosting posting) {
        PostingSummary p = posting.summary();
        ObjectNode node = BenchIndexes.JSON.createObjectNode();
        node.put("id", p.id()).put("organizationId", p.organization().id());
        node.putObject("organization").put("id", p.organization().id()).put("name", p.organization().name())
                .putNull("logoUrl");
        node.put("status", "PUBLISHED").put("title", p.title()).put("description", posting.descriptionText());
        node.put("descriptionText", posting.descriptionText());
        node.put("requisitionId", "BENCH-" + p.id().substring(24));
        ArrayNode types = node.putArray("employmentTypes");
        p.employmentTypes().forEach(types::add);
        node.put("workplaceType", p.workplaceType());
        ArrayNode locations = node.putArray("locations");
        for (PostingSummary.Location l : p.locations()) {
            locations.addObject().put("country", l.country()).put("region", l.region()).put("city", l.city())
                    .putNull("postalCode").put("latitude", l.latitude()).put("longitude", l.longitude());
        }
        node.putArray("applicantLocationRequirements");
        if (p.salary() != null) {
            node.putObject("salary").put("currency", p.salary().currency()).put("min", p.salary().min())
                    .put("max", p.salary().max()).put("period", p.salary().period());
        } else {
            node.putNull("salary");
        }
        node.put("seniority", p.seniority());
        ArrayNode skills = node.putArray("skills");
        p.skills().forEach(skills::add);
        node.put("category", p.category());
        node.putObject("applyMethod").put("type", "DIRECT").putNull("url").putArray("questions");
        node.put("validThrough", p.validThrough().toString());
        node.put("version", p.version());
        node.put("createdAt", p.publishedAt().toString()).put("updatedAt", p.publishedAt().toString())
                .put("publishedAt", p.publishedAt().toString());
        return node.toString();
    }
}
