package org.jobboard.applications.messaging;

import org.jobboard.platform.events.CloudEvent;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Posting events as postings-service publishes them (see its AsyncAPI examples), sent to the real topic. */
public final class PostingEvents {
    public static final String TOPIC = "jobboard.postings.v1";

    /** The form every test posting asks, unless a test gives its own. */
    public static final String DEFAULT_QUESTIONS = """
            [{"id":"authorized","label":"Authorized?","type":"YES_NO","required":true,"knockoutAnswer":"NO"},
             {"id":"years","label":"Years of experience","type":"NUMBER","required":true},
             {"id":"languages","label":"Languages","type":"MULTI_CHOICE","required":false,"choices":["Java","Go","Rust"]}]""";

    private PostingEvents() {
    }

    public static String data(String postingId, String organizationId, String status, long version, String title) {
        return data(postingId, organizationId, status, version, title, "DIRECT", DEFAULT_QUESTIONS,
                Instant.now().plus(30, ChronoUnit.DAYS), null);
    }

    /** The full posting JSON (event-carried state), with the parts this service reads under the test's control. */
    public static String data(String postingId, String organizationId, String status, long version, String title,
            String applyType, String questionsJson, Instant validThrough, Instant closedAt) {
        String url = "EXTERNAL".equals(applyType) ? "\"https://careers.example/apply\"" : "null";
        return """
                {"id":"%s","organizationId":"%s","organization":{"id":"%s","name":"Acme"},"status":"%s","title":"%s",
                 "description":"Work.","employmentTypes":["FULL_TIME"],"workplaceType":"ON_SITE",
                 "locations":[{"country":"US","region":"NY","city":"New York"}],
                 "applyMethod":{"type":"%s","url":%s,"questions":%s},
                 "validThrough":"%s","closedAt":%s,"version":%d,"updatedAt":"%s","somethingNew":"tolerated"}
                """.formatted(postingId, organizationId, organizationId, status, title, applyType, url,
                questionsJson, validThrough, closedAt == null ? "null" : "\"" + closedAt + "\"", version,
                closedAt == null ? Instant.now() : closedAt);
    }

    /** Sends one event and returns its CloudEvents id. */
    public static String send(String postingId, String organizationId, String status, long version, String title) {
        return sendData(postingId, status, version, data(postingId, organizationId, status, version, title));
    }

    public static String sendData(String postingId, String status, long version, String data) {
        String type = switch (status) {
            case "PUBLISHED" -> version <= 1 ? "jobboard.posting.published.v1" : "jobboard.posting.updated.v1";
            case "CLOSED" -> "jobboard.posting.closed.v1";
            case "EXPIRED" -> "jobboard.posting.expired.v1";
            default -> "jobboard.posting.updated.v1";
        };
        String eventId = Ids.newId();
        KafkaTestClient.publish(TOPIC, postingId, new CloudEvent(eventId, type, "/jobboard/postings-service",
                "postings/" + postingId, Instant.now(), data));
        return eventId;
    }
}
