package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.postings.service.PostingService;
import org.jobboard.postings.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The producer side of the contract: every event the service really sends in a posting's life (publish, update,
 * close, reopen, expire) matches the schema of its message in contracts' postings.yaml, and deleting a draft sends
 * a tombstone, never the draft.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class PostingEventContractTest {
    @Inject
    ObjectMapper json;

    @Inject
    PostingService postings;

    @Inject
    MutableClock clock;

    @Test
    void everyEventSentMatchesItsSchemaAndADeletedDraftIsATombstone() throws Exception {
        String recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Contract Org"));
        try (KafkaTestClient topic = KafkaTestClient.tail(Topics.POSTINGS)) {
            String id = PostingFixtures.createPublished(recruiter, "Contract Engineer");
            given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                    .body("{\"title\":\"Contract Engineer II\",\"salary\":{\"min\":\"95000.50\"}}")
                    .patch("/v1/postings/" + id).then().statusCode(200);
            given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"ON_HOLD\"}")
                    .post("/v1/postings/" + id + "/close").then().statusCode(200);
            given().auth().oauth2(recruiter).contentType(ContentType.JSON)
                    .body("{\"validThrough\":\"" + clock.instant().plusSeconds(5) + "\"}")
                    .post("/v1/postings/" + id + "/reopen").then().statusCode(200);
            clock.advance(Duration.ofSeconds(6));
            assertTrue(postings.expireDue(clock.instant()) >= 1);
            String draft = PostingFixtures.createDraft(recruiter, PostingFixtures.complete("Secret Draft"));
            given().auth().oauth2(recruiter).header("If-Match", "\"0\"").delete("/v1/postings/" + draft)
                    .then().statusCode(204);

            // one wait for both keys: they may sit on different partitions, and a wait for one drops the other's
            List<ConsumerRecord<String, String>> records = topic.await(r -> id.equals(r.key()) || draft.equals(r.key()),
                    6, Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> lifecycle = records.stream().filter(r -> id.equals(r.key())).toList();
            assertEquals(List.of(PostingEventTypes.PUBLISHED, PostingEventTypes.UPDATED, PostingEventTypes.CLOSED,
                    PostingEventTypes.REOPENED, PostingEventTypes.EXPIRED), lifecycle.stream().map(r -> type(r)).toList());
            for (ConsumerRecord<String, String> record : lifecycle) {
                JsonNode data = json.readTree(record.value());
                EventContracts.assertValid(type(record), data);
                String text = data.get("descriptionText").asText();
                assertTrue(text.contains("Build things with Java.") && !text.contains("**") && !text.contains("#"),
                        "the description as plain text, without Markdown: " + text);
            }
            assertEquals("95000.50", json.readTree(lifecycle.get(1).value()).get("salary").get("min").asText());

            List<ConsumerRecord<String, String>> deleted = records.stream().filter(r -> draft.equals(r.key())).toList();
            assertEquals(1, deleted.size(), "the draft appears once, as its tombstone");
            assertEquals(PostingEventTypes.DELETED, type(deleted.get(0)));
            assertEquals("postings/" + draft, CloudEventHeaders.text(deleted.get(0).headers(), CloudEventHeaders.SUBJECT));
            assertNull(deleted.get(0).value(), "a tombstone: compaction forgets the draft");
            EventContracts.assertValid(PostingEventTypes.DELETED, NullNode.getInstance());
            assertEquals(List.of(), topic.collect(r -> id.equals(r.key()) || draft.equals(r.key()), Duration.ofSeconds(2)),
                    "nothing more for either posting");
        }
    }

    private static String type(ConsumerRecord<String, String> record) {
        return CloudEventHeaders.text(record.headers(), CloudEventHeaders.TYPE);
    }
}
