package org.jobboard.applications.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Posting events as postings-service publishes them, sent to the real topic. Each is made from the producer's own
 * example in contracts' postings.yaml (its published example, whatever shape the producer documents), with the parts
 * this service reads — id, organization, status, version, title, apply method, dates — under the test's control.
 */
public final class PostingEvents {
    public static final String TOPIC = Topics.POSTINGS;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The form every test posting asks, unless a test gives its own. */
    public static final String DEFAULT_QUESTIONS = """
            [{"id":"authorized","label":"Authorized?","type":"YES_NO","required":true,"knockoutAnswer":"NO"},
             {"id":"years","label":"Years of experience","type":"NUMBER","required":true},
             {"id":"languages","label":"Languages","type":"MULTI_CHOICE","required":false,"choices":["Java","Go","Rust"]}]""";

    private PostingEvents() {
    }

    /** The producer's example of a published posting: the template of every posting a test sends. */
    static ObjectNode template() {
        return EventContracts.examples(Topics.POSTINGS).stream()
                .filter(example -> PostingEventTypes.PUBLISHED.equals(example.type()))
                .findFirst().map(example -> (ObjectNode) example.data().deepCopy())
                .orElseThrow(() -> new AssertionError("postings.yaml has no published example"));
    }

    public static String data(String postingId, String organizationId, String status, long version, String title) {
        return data(postingId, organizationId, status, version, title, "DIRECT", DEFAULT_QUESTIONS,
                Instant.now().plus(30, ChronoUnit.DAYS), null);
    }

    /** The full posting JSON (event-carried state), with the parts this service reads under the test's control. */
    public static String data(String postingId, String organizationId, String status, long version, String title,
            String applyType, String questionsJson, Instant validThrough, Instant closedAt) {
        ObjectNode posting = template();
        posting.put("id", postingId);
        posting.put("organizationId", organizationId);
        posting.withObject("/organization").put("id", organizationId);
        posting.put("status", status);
        posting.put("title", title);
        posting.put("version", version);
        ObjectNode applyMethod = posting.putObject("applyMethod");
        applyMethod.put("type", applyType);
        if ("EXTERNAL".equals(applyType)) {
            applyMethod.put("url", "https://careers.example/apply");
        }
        applyMethod.set("questions", read(questionsJson));
        posting.put("validThrough", validThrough.toString());
        posting.put("updatedAt", (closedAt == null ? Instant.now() : closedAt).toString());
        if (closedAt != null) {
            posting.put("closedAt", closedAt.toString());
        } else {
            posting.remove("closedAt");
            posting.remove("closeReason");
        }
        posting.put("somethingNew", "tolerated"); // a field added later: the tolerant reader ignores it
        return posting.toString();
    }

    /** Sends one event and returns its CloudEvents id. */
    public static String send(String postingId, String organizationId, String status, long version, String title) {
        return sendData(postingId, status, version, data(postingId, organizationId, status, version, title));
    }

    public static String sendData(String postingId, String status, long version, String data) {
        String type = switch (status) {
            case "PUBLISHED" -> version <= 1 ? PostingEventTypes.PUBLISHED : PostingEventTypes.UPDATED;
            case "CLOSED" -> PostingEventTypes.CLOSED;
            case "EXPIRED" -> PostingEventTypes.EXPIRED;
            default -> PostingEventTypes.UPDATED;
        };
        String eventId = Ids.newId();
        KafkaTestClient.publish(TOPIC, postingId, new CloudEvent(eventId, type, "/jobboard/postings-service",
                "postings/" + postingId, Instant.now(), data));
        return eventId;
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
