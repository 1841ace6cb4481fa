package org.jobboard.search.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.platform.testing.Poll;
import org.jobboard.search.testing.Searches;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.jobboard.search.testing.Searches.awaitOrganization;
import static org.jobboard.search.testing.Searches.params;
import static org.jobboard.search.testing.Searches.search;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The indexer against the real topic: versions, replays, reordering, poison messages. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class PostingEventsConsumerTest {
    static final String DLQ = Topics.deadLetters(Topics.POSTINGS);

    @Test
    void updatesReplaceAndClosingRemoves() {
        String org = TestPosting.newOrganization();
        TestPosting posting = new TestPosting(org, "Lighthouse Keeper").publish();
        awaitOrganization(org, 1);
        posting.version(2).title("Lighthouse Engineer").publish();
        Searches.awaitSearch(params("organizationId", org, "q", "engineer"), r -> r.getInt("total.value") == 1);
        assertEquals(0, search(params("organizationId", org, "q", "keeper")).getInt("total.value"));
        posting.version(3).status("CLOSED").publish();
        awaitOrganization(org, 0);
        posting.version(4).status("PUBLISHED").publish(); // reopened
        awaitOrganization(org, 1);
        posting.version(5).status("EXPIRED").publish();
        awaitOrganization(org, 0);
    }

    @Test
    void replayedOldVersionsNeverResurrectAClosedPosting() {
        String org = TestPosting.newOrganization();
        TestPosting posting = new TestPosting(org, "Replay Target");
        CloudEvent v1 = posting.event("jobboard.posting.published.v1");
        CloudEvent v2 = posting.version(2).title("Replay Target Updated").event("jobboard.posting.updated.v1");
        CloudEvent v3 = posting.version(3).status("CLOSED").event("jobboard.posting.closed.v1");
        // out of order: the close arrives first, then the older states
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id, v3);
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id, v1);
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id, v2);
        // a replay of everything, as after a consumer reset
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id, v1);
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id, v2);
        awaitIndexedUpToNow();
        assertEquals(0, search(params("organizationId", org)).getInt("total.value"));
        assertEquals(0, search(params("q", "replay target updated", "organizationId", org)).getInt("total.value"));

        // a newer version (reopened) is applied
        posting.version(4).status("PUBLISHED").title("Replay Target Reopened").publish();
        JsonPath reopened = awaitOrganization(org, 1);
        assertEquals("Replay Target Reopened", reopened.getString("items[0].title"));
        // deletion of the draft-again posting removes it, and a late duplicate of version 4 cannot bring it back
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id,
                posting.version(5).status("DRAFT").event("jobboard.posting.deleted.v1"));
        awaitOrganization(org, 0);
        KafkaTestClient.publish(TestPosting.TOPIC, posting.id,
                posting.version(4).status("PUBLISHED").event("jobboard.posting.updated.v1"));
        awaitIndexedUpToNow();
        assertEquals(0, search(params("organizationId", org)).getInt("total.value"));
    }

    @Test
    void aTombstoneRemovesThePostingAndIsNoPoison() {
        String org = TestPosting.newOrganization();
        TestPosting posting = new TestPosting(org, "Soon Forgotten").publish();
        awaitOrganization(org, 1);
        try (KafkaTestClient deadLetters = KafkaTestClient.tail(DLQ)) {
            posting.publishTombstone();
            awaitOrganization(org, 0);
            awaitIndexedUpToNow();
            assertEquals(List.of(), deadLetters.collect(r -> posting.id.equals(r.key()), Duration.ofSeconds(2)));
        }
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndThePartitionMovesOn() {
        String org = TestPosting.newOrganization();
        TestPosting posting = new TestPosting(org, "After The Poison");
        try (KafkaTestClient deadLetters = KafkaTestClient.tail(DLQ)) {
            KafkaTestClient.publishRaw(TestPosting.TOPIC, posting.id, "no CloudEvents headers");
            KafkaTestClient.publish(TestPosting.TOPIC, posting.id, new CloudEvent(Ids.newId(),
                    "jobboard.posting.published.v1", "/jobboard/postings-service", "postings/" + posting.id,
                    Instant.now(), "{not json"));
            KafkaTestClient.publish(TestPosting.TOPIC, posting.id, new CloudEvent(Ids.newId(),
                    "jobboard.posting.published.v1", "/jobboard/postings-service", "postings/" + posting.id,
                    Instant.now(), posting.json().replace("\"location", "\"unused").replace("\"version\":1", "\"version\":null")));
            posting.publish(); // same key, so the same partition: it is applied only if the poison did not block
            awaitOrganization(org, 1);
            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> posting.id.equals(r.key()), 3,
                    Duration.ofSeconds(30));
            ConsumerRecord<String, String> first = dead.get(0);
            assertEquals("no CloudEvents headers", first.value());
            assertEquals(TestPosting.TOPIC, new String(first.headers().lastHeader("dead-letter-topic").value(),
                    StandardCharsets.UTF_8));
            assertTrue(first.headers().lastHeader("dead-letter-reason") != null);
        }
    }

    /** Waits until the indexer has applied every record on the topic as of now (admin status vs. end offsets). */
    static void awaitIndexedUpToNow() {
        Map<Integer, Long> ends = TopicOffsets.endOffsets(TestPosting.TOPIC);
        Poll.until("the indexer to reach " + ends, Duration.ofSeconds(30), () -> {
            Map<String, Object> applied = given().auth().oauth2(TestTokens.admin("ada")).get("/v1/search/index")
                    .then().statusCode(200).extract().jsonPath().getMap("appliedOffsets");
            return ends.entrySet().stream().allMatch(e -> applied.get(String.valueOf(e.getKey())) != null
                    && ((Number) applied.get(String.valueOf(e.getKey()))).longValue() >= e.getValue());
        });
    }
}
