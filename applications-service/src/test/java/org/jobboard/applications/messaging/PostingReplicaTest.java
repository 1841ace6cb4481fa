package org.jobboard.applications.messaging;

import org.jobboard.platform.testing.Poll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.applications.domain.FormQuestion;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.contracts.testing.EventContracts.Example;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posting replica: every example the producer documents (contracts' postings.yaml) through the real reader,
 * the tombstone of a deleted posting, and from the real topic: applied by version, idempotent, poison messages
 * dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class PostingReplicaTest {
    @Inject
    EntityManager em;

    @Inject
    PostingEventsConsumer consumer;

    PostingReplica replica(String id) {
        em.clear();
        return em.find(PostingReplica.class, UUID.fromString(id));
    }

    static void eventually(BooleanSupplier condition, String what) {
        // up to a consumer-group rebalance: a member that left without saying so holds its partitions for the
        // session timeout (45 s), e.g. right after a local stack was stopped
        Poll.until(what, Duration.ofSeconds(60), condition);
    }

    /**
     * Every example the producer documents, through the reader the service runs: each lands in the replica with its
     * status, version, title, dates and form. Each under a fresh posting id and event id, so the test can run again
     * against the same database.
     */
    @Test
    void everyProducerExampleLandsInTheReplica() throws Exception {
        int states = 0;
        for (Example example : EventContracts.examples(Topics.POSTINGS)) {
            if (!PostingEventsConsumer.STATE_TYPES.contains(example.type())) {
                continue;
            }
            String posting = Ids.newId();
            ObjectNode data = example.data().deepCopy();
            data.put("id", posting);
            consumer.consume(record(example, posting, data.toString()));

            PostingReplica replica = replica(posting);
            assertEquals(data.get("organizationId").asText(), replica.organizationId.toString(), example.toString());
            assertEquals(data.get("status").asText(), replica.status, example.toString());
            assertEquals(data.get("version").asLong(), replica.version, example.toString());
            assertEquals(data.get("title").asText(), replica.title, example.toString());
            assertEquals(instant(data, "validThrough"), replica.validThrough, example.toString());
            assertEquals(instant(data, "closedAt"), replica.closedAt, example.toString());
            assertEquals(data.at("/applyMethod/type").asText(), replica.applyType, example.toString());
            assertEquals(questions(data.at("/applyMethod/questions")), replica.questions, example.toString());
            states++;
        }
        assertTrue(states >= 5, "published, updated, reopened, closed and expired examples: " + states);
    }

    /**
     * A deleted posting is a tombstone (null value, key = posting id, the CloudEvents headers of the deleted
     * example): the replica marks the posting DELETED, nobody can apply to it, and nothing fails. Its applications
     * stay (they refer to it). A producer example of "deleted" that still carries data means the same.
     */
    @Test
    void theDeletedExampleAsATombstoneTakesThePostingOutOfTheReplica() throws Exception {
        List<Example> deleted = EventContracts.examples(Topics.POSTINGS).stream()
                .filter(example -> PostingEventTypes.DELETED.equals(example.type())).toList();
        assertFalse(deleted.isEmpty(), "postings.yaml documents the deleted message");
        for (Example example : deleted) {
            List<ObjectNode> values = new ArrayList<>();
            values.add(null); // the tombstone itself
            if (!example.isTombstone()) {
                values.add(example.data().deepCopy()); // an older producer's form, with the posting's data
            }
            for (ObjectNode value : values) {
                String organization = Ids.newId();
                String posting = Fixtures.publishedPosting(organization);
                String early = Fixtures.apply(Fixtures.newCandidate("early"), posting);
                consumer.consume(record(example, posting, value == null ? null : value.put("id", posting).toString()));

                assertEquals("DELETED", replica(posting).status, example.toString());
                Fixtures.applyJson(Fixtures.newCandidate("late"), Fixtures.application(posting)).statusCode(422)
                        .body("errors[0].field", equalTo("postingId"));
                given().auth().oauth2(TestTokens.recruiter("rita", organization)).get("/v1/applications/" + early)
                        .then().statusCode(200).body("stage", equalTo("APPLIED"));
                // a redelivered tombstone, or one of a posting never seen here: nothing to do, nothing fails
                consumer.consume(record(example, posting, null));
                String unknown = Ids.newId();
                consumer.consume(record(example, unknown, null));
                assertNull(replica(unknown));
            }
        }
    }

    @Test
    void aTombstoneOnTheTopicIsNeitherAFailureNorADeadLetter() throws Exception {
        try (KafkaTestClient dlq = KafkaTestClient.tail(Topics.deadLetters(Topics.POSTINGS))) {
            String posting = Fixtures.publishedPosting(Ids.newId());
            KafkaTestClient.publishRaw(Topics.POSTINGS, posting, null);
            eventually(() -> "DELETED".equals(replica(posting).status), "the tombstone applied");
            String after = Ids.newId();
            PostingEvents.send(after, Ids.newId(), "PUBLISHED", 1, "After the tombstone");
            eventually(() -> replica(after) != null, "the event after the tombstone");
            assertEquals(0, dlq.collect(r -> posting.equals(r.key()), Duration.ofSeconds(2)).size());
        }
    }

    /** The example as the consumer receives it: its headers, with this posting's subject and a fresh event id. */
    private static ConsumerRecord<String, String> record(Example example, String postingId, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.POSTINGS, 0, 0L, postingId, value);
        for (Map.Entry<String, String> header : example.headers().entrySet()) {
            String headerValue = switch (header.getKey()) {
                case CloudEventHeaders.ID -> Ids.newId();
                case CloudEventHeaders.SUBJECT -> "postings/" + postingId;
                default -> header.getValue();
            };
            record.headers().add(header.getKey(), headerValue.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static Instant instant(JsonNode data, String field) {
        return data.hasNonNull(field) ? Instant.parse(data.get(field).asText()) : null;
    }

    private static List<FormQuestion> questions(JsonNode questions) {
        List<FormQuestion> list = new ArrayList<>();
        for (JsonNode q : questions) {
            List<String> choices = null;
            if (q.has("choices")) {
                choices = new ArrayList<>();
                for (JsonNode choice : q.get("choices")) {
                    choices.add(choice.asText());
                }
            }
            list.add(new FormQuestion(q.get("id").asText(), q.get("label").asText(), q.get("type").asText(),
                    q.get("required").asBoolean(), choices,
                    q.hasNonNull("knockoutAnswer") ? q.get("knockoutAnswer").asText() : null));
        }
        return list;
    }

    @Test
    void publishedPostingsAppearAndOlderVersionsNeverWin() throws Exception {
        String posting = Ids.newId();
        String organization = Ids.newId();
        PostingEvents.send(posting, organization, "PUBLISHED", 1, "Barista");
        eventually(() -> replica(posting) != null, "the replica");
        assertEquals("PUBLISHED", replica(posting).status);
        assertEquals(3, replica(posting).questions.size());

        PostingEvents.send(posting, organization, "CLOSED", 3, "Barista");
        eventually(() -> "CLOSED".equals(replica(posting).status), "the close");
        // a replayed, older event arrives late: it must not reopen the posting
        PostingEvents.send(posting, organization, "PUBLISHED", 2, "Barista (old)");
        String marker = Ids.newId();
        PostingEvents.send(marker, organization, "PUBLISHED", 1, "Marker");
        eventually(() -> replica(marker) != null, "the marker behind the stale event");
        assertEquals("CLOSED", replica(posting).status);
        assertEquals(3, replica(posting).version);
        assertEquals("Barista", replica(posting).title);
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String posting = Ids.newId();
        String organization = Ids.newId();
        CloudEvent event = new CloudEvent(Ids.newId(), PostingEventTypes.PUBLISHED, "/jobboard/postings-service",
                "postings/" + posting, Instant.now(), PostingEvents.data(posting, organization, "PUBLISHED", 1, "Cook"));
        KafkaTestClient.publish(PostingEvents.TOPIC, posting, event);
        KafkaTestClient.publish(PostingEvents.TOPIC, posting, event);
        eventually(() -> replica(posting) != null, "the replica");
        String marker = Ids.newId();
        PostingEvents.send(marker, organization, "PUBLISHED", 1, "Marker");
        eventually(() -> replica(marker) != null, "the marker");
        Number processed = (Number) em.createNativeQuery(
                "select count(*) from processed_event where event_id = ?1").setParameter(1, event.id()).getSingleResult();
        assertEquals(1, processed.intValue());
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndDoesNotBlock() throws Exception {
        try (KafkaTestClient dlq = KafkaTestClient.tail(Topics.deadLetters(Topics.POSTINGS))) {
            String key = Ids.newId();
            KafkaTestClient.publishRaw(PostingEvents.TOPIC, key, "{not json and no CloudEvents headers");
            String after = Ids.newId();
            PostingEvents.send(after, Ids.newId(), "PUBLISHED", 1, "After the poison");
            eventually(() -> replica(after) != null, "the event after the poison message");
            var dead = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
            // at-least-once: the dead letter may be written again after a rebalance; what matters is that it is there
            assertEquals(Topics.POSTINGS, CloudEventHeaders.text(dead.get(0).headers(), "dead-letter-topic"));
        }
    }

    @Test
    void recruitersSeeOnlyTheirOrganizationsPostings() throws Exception {
        String posting = Ids.newId();
        String organization = Ids.newId();
        PostingEvents.send(posting, organization, "PUBLISHED", 1, "Nurse");
        eventually(() -> replica(posting) != null, "the replica");
        given().auth().oauth2(TestTokens.recruiter("rita", organization)).queryParam("postingId", posting)
                .get("/v1/applications").then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.recruiter("ralph", Ids.newId())).queryParam("postingId", posting)
                .get("/v1/applications").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.candidate("alice")).queryParam("postingId", posting)
                .get("/v1/applications").then().statusCode(403);
        given().queryParam("postingId", posting).get("/v1/applications").then().statusCode(401);
        given().auth().oauth2(TestTokens.candidate("alice")).get("/v1/me/applications").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
