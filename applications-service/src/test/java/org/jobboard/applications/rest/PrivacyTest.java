package org.jobboard.applications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jobboard.applications.service.RetentionJob;
import org.jobboard.applications.support.Db;
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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export, erasure (then a scan of every stored value for the person), and retention. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class PrivacyTest {
    @Inject
    RetentionJob retention;

    @Inject
    ObjectMapper json;

    @Test
    void theExportHasEverythingStoredAboutTheCallerWithFilesAsLinks() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String other = Fixtures.publishedPosting(Ids.newId());
        String paula = Fixtures.newCandidate("paula");
        String withResume = Fixtures.applyMultipart(paula, Fixtures.application(posting, "Paula Export",
                        "paula@example.org", "+442071838750", Fixtures.VALID_ANSWERS), "cv.pdf",
                Documents.pdf("Paula resume text"), "application/pdf").statusCode(201).extract().path("id");
        Fixtures.apply(paula, other);
        Fixtures.apply(Fixtures.newCandidate("someone-else"), posting);
        assertEquals("DONE", Fixtures.awaitTextExtraction(withResume));

        given().auth().oauth2(paula).get("/v1/me/data").then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("applications", hasSize(2))
                .body("applications.find { it.id == '" + withResume + "' }.name", equalTo("Paula Export"))
                .body("applications.find { it.id == '" + withResume + "' }.email", equalTo("paula@example.org"))
                .body("applications.find { it.id == '" + withResume + "' }.phone", equalTo("+442071838750"))
                .body("applications.find { it.id == '" + withResume + "' }.answers.authorized", equalTo("YES"))
                .body("applications.find { it.id == '" + withResume + "' }.consent.privacyPolicyVersion", equalTo("2026-01"))
                .body("applications.find { it.id == '" + withResume + "' }.source.utmSource", equalTo("newsletter"))
                .body("applications.find { it.id == '" + withResume + "' }.resume.href",
                        equalTo("/v1/applications/" + withResume + "/resume"))
                .body("applications.find { it.id == '" + withResume + "' }.resume.text", containsString("Paula resume text"))
                .body("applications.find { it.id == '" + withResume + "' }.resume.extractionStatus", equalTo("DONE"))
                .body("applications.find { it.id == '" + withResume + "' }.statusHistory[0].status", equalTo("SUBMITTED"));
        // the link works for the candidate
        given().auth().oauth2(paula).get("/v1/applications/" + withResume + "/resume").then().statusCode(200)
                .contentType("application/pdf");
    }

    @Test
    void erasureForgetsThePersonEverywhereAndKeepsThePipelineHistory() throws Exception {
        String organization = Ids.newId();
        String recruiter = TestTokens.recruiter("rita", organization);
        String posting = Fixtures.publishedPosting(organization);
        String second = Fixtures.publishedPosting(organization);
        String unique = Ids.newId().substring(24);
        String name = "Quentin Erasable" + unique;
        String email = "quentin." + unique + "@example.org";
        String phone = "+1415" + String.format("%07d", java.util.concurrent.ThreadLocalRandom.current().nextInt(10_000_000));
        String quentin = Fixtures.newCandidate("quentin");
        String subject = ApplyTest.subjectOf(quentin);

        String open = given().auth().oauth2(quentin).header("Idempotency-Key", "erase-me-" + unique)
                .multiPart("application", Fixtures.application(posting, name, email, phone,
                        "{\"authorized\":\"YES\",\"years\":7}"), "application/json")
                .multiPart("resume", "Quentin-CV.pdf", Documents.pdf(name + " " + email + " " + phone), "application/pdf")
                .post("/v1/applications").then().statusCode(201).extract().path("id");
        String rejected = Fixtures.applyJson(quentin, Fixtures.application(second, name, email, phone,
                "{\"authorized\":\"YES\",\"years\":1}")).statusCode(201).extract().path("id");
        Fixtures.move(recruiter, open, "{\"to\":\"SCREENING\",\"note\":\"Called " + name + " at " + phone + "\"}")
                .statusCode(200);
        Fixtures.move(recruiter, rejected, "{\"to\":\"REJECTED\",\"reason\":\"NOT_QUALIFIED\",\"note\":\"" + email + "\"}")
                .statusCode(200);
        // the resume's text (with name, email and phone) is extracted: erasure must remove it too
        assertEquals("DONE", Fixtures.awaitTextExtraction(open));
        assertTrue(occurrences(name, email, phone).stream().anyMatch(c -> c.startsWith("resume.extracted_text")),
                "the scan finds the person before erasure, in the resume text too");

        try (KafkaTestClient privacy = KafkaTestClient.tail(Topics.PRIVACY);
                KafkaTestClient applications = KafkaTestClient.tail(Topics.APPLICATIONS)) {
            given().auth().oauth2(quentin).delete("/v1/me").then().statusCode(204);

            List<String> left = occurrences(name, email, phone);
            assertEquals(List.of(), left, "personal data left after erasure");

            ConsumerRecord<String, String> request = privacy.await(r -> subject.equals(r.key()), 1,
                    Duration.ofSeconds(20)).get(0);
            assertEquals(ApplicationEventTypes.ERASURE_REQUESTED, CloudEventHeaders.text(request.headers(), CloudEventHeaders.TYPE));
            assertEquals("subjects/" + subject, CloudEventHeaders.text(request.headers(), CloudEventHeaders.SUBJECT));
            JsonNode data = json.readTree(request.value());
            assertEquals(subject, data.get("subjectId").asText());
            assertEquals(1, data.size(), "the subject id only");
            // the open application was withdrawn on the way
            ConsumerRecord<String, String> withdrawn = applications.await(r -> open.equals(r.key())
                    && ApplicationEventTypes.WITHDRAWN.equals(CloudEventHeaders.text(r.headers(), CloudEventHeaders.TYPE)),
                    1, Duration.ofSeconds(20)).get(0);
            assertFalse(withdrawn.value().contains(subject));
        }

        // recruiters see an erased candidate, with the pipeline history kept
        given().auth().oauth2(recruiter).get("/v1/applications/" + open).then().statusCode(200)
                .body("erased", equalTo(true)).body("name", nullValue()).body("email", nullValue())
                .body("resume", nullValue()).body("stage", equalTo("WITHDRAWN"))
                .body("history.to", equalTo(List.of("APPLIED", "SCREENING", "WITHDRAWN")))
                .body("history[1].bySubject", equalTo("rita")).body("history[1].note", nullValue())
                .body("history[2].bySubject", nullValue());
        given().auth().oauth2(recruiter).get("/v1/applications/" + rejected).then().statusCode(200)
                .body("stage", equalTo("REJECTED")).body("rejectReason", equalTo("NOT_QUALIFIED"));
        given().auth().oauth2(recruiter).get("/v1/applications/" + open + "/resume").then().statusCode(404);
        // the candidate's account is no longer linked to anything here
        given().auth().oauth2(quentin).get("/v1/me/data").then().statusCode(200).body("applications", hasSize(0));
        Fixtures.own(quentin, open).statusCode(404);
        assertEquals(0, Db.count("select count(*) from application where candidate_subject = ?", subject));
        assertEquals(0, Db.count("select count(*) from idempotency_record where caller = ?", subject));
        // repeating is harmless
        given().auth().oauth2(quentin).delete("/v1/me").then().statusCode(204);
    }

    @Test
    void retentionAnonymizesApplicationsToPostingsClosedLongAgoOnly() throws Exception {
        String organization = Ids.newId();
        String old = Fixtures.publishedPosting(organization);
        String recent = Fixtures.publishedPosting(organization);
        String open = Fixtures.publishedPosting(organization);
        String name = "Rosa Retention" + Ids.newId().substring(28);
        String rosa = Fixtures.newCandidate("rosa");
        String toOld = Fixtures.applyMultipart(rosa, Fixtures.application(old, name, "rosa@example.org", null,
                Fixtures.VALID_ANSWERS), "cv.txt", (name + " resume").getBytes(), "text/plain")
                .statusCode(201).extract().path("id");
        String toRecent = Fixtures.applyJson(rosa, Fixtures.application(recent, name, "rosa@example.org", null,
                Fixtures.VALID_ANSWERS)).statusCode(201).extract().path("id");
        String toOpen = Fixtures.applyJson(rosa, Fixtures.application(open, name, "rosa@example.org", null,
                Fixtures.VALID_ANSWERS)).statusCode(201).extract().path("id");
        Fixtures.sendPosting(old, organization, "CLOSED", 2, "DIRECT", Fixtures.in30Days(),
                Instant.now().minus(400, ChronoUnit.DAYS));
        // its text not extracted yet (waiting for a retry, say): retention removes a pending resume all the same
        Fixtures.awaitTextExtraction(toOld);
        Db.update("update resume set extraction_status = 'PENDING', extracted_text = null, "
                + "extraction_due_at = now() + interval '1 hour' where application_id = ?::uuid", toOld);
        Fixtures.sendPosting(recent, organization, "CLOSED", 2, "DIRECT", Fixtures.in30Days(),
                Instant.now().minus(10, ChronoUnit.DAYS));

        assertTrue(retention.run(Instant.now()) >= 1);
        assertEquals(0, retention.run(Instant.now()), "a second pass finds nothing left");

        String recruiter = TestTokens.recruiter("rita", organization);
        given().auth().oauth2(recruiter).get("/v1/applications/" + toOld).then().statusCode(200)
                .body("erased", equalTo(true)).body("name", nullValue()).body("resume", nullValue())
                .body("history[0].to", equalTo("APPLIED"));
        given().auth().oauth2(recruiter).get("/v1/applications/" + toRecent).then().body("name", equalTo(name));
        given().auth().oauth2(recruiter).get("/v1/applications/" + toOpen).then().body("name", equalTo(name));
        assertEquals(0, Db.count("select count(*) from resume where application_id = ?::uuid", toOld));
        assertEquals(0, occurrences(name).stream().filter(column -> !column.startsWith("application.")
                && !column.startsWith("idempotency_record.") && !column.startsWith("outbox")).count(),
                "no resume text or file of the anonymized application is left");
        given().auth().oauth2(rosa).get("/v1/me/data").then().body("applications", hasSize(2));
    }

    /** "table.column" for every text, varchar, json, jsonb and bytea value that contains any of the needles. */
    static List<String> occurrences(String... needles) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = Db.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' and data_type in ('text', 'character varying', 'json', 'jsonb', 'bytea')
                    order by table_name, column_name""");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    columns.add(new String[] { rows.getString(1), rows.getString(2), rows.getString(3) });
                }
            }
            assertTrue(columns.size() > 10, "the scan sees the schema");
            for (String[] column : columns) {
                String value = "bytea".equals(column[2]) ? "encode(\"" + column[1] + "\", 'escape')" : "\"" + column[1] + "\"::text";
                for (String needle : needles) {
                    try (PreparedStatement q = c.prepareStatement("select count(*) from \"" + column[0] + "\" where "
                            + value + " ilike '%' || ? || '%'")) {
                        q.setString(1, needle);
                        try (ResultSet rows = q.executeQuery()) {
                            rows.next();
                            if (rows.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + " has " + needle);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }
}
