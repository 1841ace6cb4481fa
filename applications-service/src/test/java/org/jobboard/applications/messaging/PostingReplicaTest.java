package org.jobboard.applications.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jobboard.applications.domain.PostingReplica;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The posting replica, fed from the real topic: applied by version, idempotent, poison messages dead-lettered. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:jobboard.postings.v1") })
class PostingReplicaTest {
    @Inject
    EntityManager em;

    PostingReplica replica(String id) {
        em.clear();
        return em.find(PostingReplica.class, UUID.fromString(id));
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        // up to a consumer-group rebalance: a member that left without saying so holds its partitions for the
        // session timeout (45 s), e.g. right after a local stack was stopped
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
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
        CloudEvent event = new CloudEvent(Ids.newId(), "jobboard.posting.published.v1", "/jobboard/postings-service",
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
        try (KafkaTestClient dlq = KafkaTestClient.tail("jobboard.postings.v1.dlq")) {
            String key = Ids.newId();
            KafkaTestClient.publishRaw(PostingEvents.TOPIC, key, "{not json and no CloudEvents headers");
            String after = Ids.newId();
            PostingEvents.send(after, Ids.newId(), "PUBLISHED", 1, "After the poison");
            eventually(() -> replica(after) != null, "the event after the poison message");
            var dead = dlq.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
            // at-least-once: the dead letter may be written again after a rebalance; what matters is that it is there
            assertEquals("jobboard.postings.v1", CloudEventHeaders.text(dead.get(0).headers(), "dead-letter-topic"));
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
