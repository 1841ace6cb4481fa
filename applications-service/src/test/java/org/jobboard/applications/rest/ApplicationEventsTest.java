package org.jobboard.applications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.applications.support.Documents;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.applications.ApplicationEventTypes;
import org.jobboard.platform.events.CloudEventHeaders;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.KafkaTestClient;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Application events read back from the real topic: CloudEvents headers, key, order, versions, no personal data. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class ApplicationEventsTest {
    static final Set<String> ALLOWED_FIELDS = Set.of("applicationId", "postingId", "organizationId", "from", "stage",
            "version", "occurredAt");

    @Inject
    ObjectMapper json;

    @Test
    void submittedStageChangedAndWithdrawnArriveInOrderWithIdsAndStagesOnly() throws Exception {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String recruiter = TestTokens.recruiter("rita", organization);
        String victor = Fixtures.newCandidate("victor");
        String subject = ApplyTest.subjectOf(victor);
        String name = "Victor Eventful";
        String email = "victor.eventful@example.org";
        String phone = "+14155559876";
        try (KafkaTestClient topic = KafkaTestClient.tail(Topics.APPLICATIONS)) {
            String id = Fixtures.applyMultipart(victor, Fixtures.application(posting, name, email, phone,
                            Fixtures.VALID_ANSWERS), "cv.pdf", Documents.pdf(name), "application/pdf")
                    .statusCode(201).extract().path("id");
            Fixtures.move(recruiter, id, "{\"to\":\"SCREENING\",\"note\":\"" + name + " sounds great\"}").statusCode(200);
            Fixtures.move(recruiter, id, "{\"to\":\"INTERVIEW\"}").statusCode(200);
            given().auth().oauth2(victor).post("/v1/applications/" + id + "/withdraw").then().statusCode(200);

            List<ConsumerRecord<String, String>> records = topic.await(r -> id.equals(r.key()), 4, Duration.ofSeconds(20));
            assertEquals(List.of(ApplicationEventTypes.SUBMITTED, ApplicationEventTypes.STAGE_CHANGED,
                    ApplicationEventTypes.STAGE_CHANGED, ApplicationEventTypes.WITHDRAWN),
                    records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList());
            assertEquals(List.of("APPLIED", "SCREENING", "INTERVIEW", "WITHDRAWN"),
                    records.stream().map(r -> data(r).get("stage").asText()).toList());
            long previous = -1;
            for (ConsumerRecord<String, String> record : records) {
                assertEquals("1.0", header(record, CloudEventHeaders.SPEC_VERSION));
                assertEquals("/jobboard/applications-service", header(record, CloudEventHeaders.SOURCE));
                assertEquals("applications/" + id, header(record, CloudEventHeaders.SUBJECT));
                assertEquals("application/json", header(record, CloudEventHeaders.CONTENT_TYPE));
                assertNotNull(Instant.parse(header(record, CloudEventHeaders.TIME)));
                assertNotNull(Ids.parse(header(record, CloudEventHeaders.ID)).orElse(null));
                JsonNode data = data(record);
                assertEquals(id, data.get("applicationId").asText());
                assertEquals(posting, data.get("postingId").asText());
                assertEquals(organization, data.get("organizationId").asText());
                assertTrue(data.get("version").asLong() > previous, "versions increase");
                previous = data.get("version").asLong();
                data.fieldNames().forEachRemaining(field -> assertTrue(ALLOWED_FIELDS.contains(field), field));
                for (String personal : List.of(name, email, phone, subject, "sounds great", "Victor")) {
                    assertFalse(record.value().contains(personal), "event carries " + personal);
                    record.headers().forEach(h -> assertFalse(new String(h.value()).contains(personal), h.key()));
                }
            }
            assertFalse(data(records.get(0)).has("from"));
            assertEquals("INTERVIEW", data(records.get(3)).get("from").asText());
            // each change exactly once
            assertEquals(0, topic.collect(r -> id.equals(r.key()), Duration.ofSeconds(2)).size());
        }
    }

    @Test
    void aKnockoutIsSubmittedAlreadyRejected() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        try (KafkaTestClient topic = KafkaTestClient.tail(Topics.APPLICATIONS)) {
            String id = Fixtures.applyJson(Fixtures.newCandidate("ko"), Fixtures.application(posting, "Ko", "ko@example.org",
                    null, "{\"authorized\":\"NO\",\"years\":1}")).statusCode(201).extract().path("id");
            ConsumerRecord<String, String> submitted = topic.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(20)).get(0);
            assertEquals(ApplicationEventTypes.SUBMITTED, header(submitted, CloudEventHeaders.TYPE));
            assertEquals("REJECTED", data(submitted).get("stage").asText());
            assertFalse(submitted.value().contains("KNOCKOUT"), "reasons stay internal");
        }
    }

    private JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEventHeaders.text(record.headers(), name);
    }
}
