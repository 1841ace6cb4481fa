package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.postings.service.PostingService;
import org.jobboard.postings.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Posting events, read back from the real broker: CloudEvents headers, key, order, versions, full state. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class PostingEventsTest {
    @Inject
    ObjectMapper json;

    @Inject
    PostingService postings;

    @Inject
    MutableClock clock;

    @Test
    void lifecycleEventsArriveInOrderWithHeadersKeyAndVersion() throws Exception {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Events Org"));
        try (KafkaTestClient topic = KafkaTestClient.tail(Topics.POSTINGS)) {
            String id = PostingFixtures.createPublished(recruiter, "Event Sourced Engineer");
            given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body("{\"title\":\"Event Driven Engineer\"}").patch("/v1/postings/" + id).then().statusCode(200);
            given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                    .post("/v1/postings/" + id + "/close").then().statusCode(200);

            List<ConsumerRecord<String, String>> records = topic.await(r -> id.equals(r.key()), 3, Duration.ofSeconds(20));
            assertEquals(List.of(PostingEventTypes.PUBLISHED, PostingEventTypes.UPDATED, PostingEventTypes.CLOSED), records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList());
            long previous = 0;
            for (ConsumerRecord<String, String> record : records) {
                assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
                assertEquals("/jobboard/postings-service", header(record, CloudEventHeaders.SOURCE));
                assertEquals("postings/" + id, header(record, CloudEventHeaders.SUBJECT));
                assertNotNull(Instant.parse(header(record, CloudEventHeaders.TIME)));
                assertNotNull(header(record, CloudEventHeaders.ID));
                JsonNode data = json.readTree(record.value());
                assertEquals(id, data.get("id").asText());
                assertTrue(data.get("version").asLong() > previous, "versions increase");
                previous = data.get("version").asLong();
                assertEquals("Events Org", data.get("organization").get("name").asText());
            }
            assertEquals("Event Driven Engineer", json.readTree(records.get(1).value()).get("title").asText());
            assertEquals("CLOSED", json.readTree(records.get(2).value()).get("status").asText());
            // each change exactly once: nothing more arrives for this posting
            assertEquals(0, topic.collect(r -> id.equals(r.key()), Duration.ofSeconds(2)).size());
        }
    }

    @Test
    void expiryIsPublishedOnceWhenValidThroughPasses() throws Exception {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Expiry Org"));
        try (KafkaTestClient topic = KafkaTestClient.tail(Topics.POSTINGS)) {
            String id = PostingFixtures.createDraft(recruiter, PostingFixtures.complete("Short Lived Role"));
            // a few seconds ahead: a slow request must still reach the publish checks before its deadline has passed
            Instant validThrough = clock.instant().plusSeconds(5);
            given().auth().oauth2(recruiter).contentType(ContentType.JSON)
                    .body("{\"validThrough\":\"" + validThrough + "\"}")
                    .post("/v1/postings/" + id + "/publish").then().statusCode(200);
            postings.expireDue(clock.instant());
            assertFalse(isExpired(recruiter, id), "not before its validThrough");
            clock.advance(Duration.ofSeconds(6));
            // as if the job had been down (its timer is off in tests): one pass catches up, a second finds nothing left
            assertTrue(postings.expireDue(clock.instant()) >= 1);
            assertEquals(0, postings.expireDue(clock.instant()));
            given().get("/v1/postings/" + id).then().statusCode(404);
            given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("EXPIRED"));
            List<ConsumerRecord<String, String>> records = topic.await(r -> id.equals(r.key())
                    && PostingEventTypes.EXPIRED.equals(header(r, CloudEventHeaders.TYPE)), 1, Duration.ofSeconds(20));
            assertEquals("EXPIRED", json.readTree(records.get(0).value()).get("status").asText());
        }
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponse() {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Idem Org"));
        String body = PostingFixtures.complete("Idempotent Role");
        String first = given().auth().oauth2(recruiter).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(body).post("/v1/postings").then().statusCode(201).extract().path("id");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).header("Idempotency-Key", "k-1").body(body)
                .post("/v1/postings").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", org.hamcrest.Matchers.equalTo(first));
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).header("Idempotency-Key", "k-1")
                .body(PostingFixtures.complete("Another Role")).post("/v1/postings").then().statusCode(422);
    }

    private static boolean isExpired(String recruiter, String id) {
        return "EXPIRED".equals(given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200)
                .extract().path("status"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }
}
