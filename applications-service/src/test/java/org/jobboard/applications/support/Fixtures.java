package org.jobboard.applications.support;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.jobboard.applications.messaging.PostingEvents;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;

/** Postings created the only way this service learns of them (events on the real topic), and applications. */
public final class Fixtures {
    public static final String VALID_ANSWERS = "{\"authorized\":\"YES\",\"years\":5,\"languages\":[\"Java\",\"Go\"]}";

    private Fixtures() {
    }

    /** A published DIRECT posting with the default form, present in the replica when this returns. */
    public static String publishedPosting(String organizationId) {
        String id = Ids.newId();
        PostingEvents.send(id, organizationId, "PUBLISHED", 1, "Engineer " + id.substring(30));
        awaitReplica(id, 1);
        return id;
    }

    public static String posting(String organizationId, String status, long version, String applyType,
            Instant validThrough, Instant closedAt) {
        String id = Ids.newId();
        sendPosting(id, organizationId, status, version, applyType, validThrough, closedAt);
        return id;
    }

    /** Sends the posting's state at this version and waits until the replica holds it. */
    public static void sendPosting(String id, String organizationId, String status, long version, String applyType,
            Instant validThrough, Instant closedAt) {
        PostingEvents.sendData(id, status, version, PostingEvents.data(id, organizationId, status, version,
                "Role " + id.substring(30), applyType, PostingEvents.DEFAULT_QUESTIONS, validThrough, closedAt));
        awaitReplica(id, version);
    }

    public static void awaitReplica(String postingId, long version) {
        Db.eventually(() -> Db.count("select count(*) from posting_replica where id = ?::uuid and version >= ?",
                postingId, version) == 1, "posting " + postingId + " v" + version + " in the replica");
    }

    public static Instant in30Days() {
        return Instant.now().plus(30, ChronoUnit.DAYS);
    }

    /** A candidate of its own (a fresh subject), so tests never share the one-active-application rule. */
    public static String newCandidate(String name) {
        return TestTokens.candidate(name + "-" + Ids.newId());
    }

    public static String application(String postingId, String name, String email, String phone, String answers) {
        return """
                {"postingId":"%s","name":"%s","email":"%s",%s"answers":%s,
                 "coverLetter":"I would love to work with you.",
                 "consent":{"privacyPolicyVersion":"2026-01","marketing":false},
                 "source":{"referrer":"https://jobs.example/list","utmSource":"newsletter","utmCampaign":"spring"}}
                """.formatted(postingId, name, email, phone == null ? "" : "\"phone\":\"" + phone + "\",", answers);
    }

    public static String application(String postingId) {
        return application(postingId, "Casey Candidate", "casey@example.org", "+14155550123", VALID_ANSWERS);
    }

    /** The token's subject (sub), as the service stores it. */
    public static String subjectOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    public static ValidatableResponse applyJson(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/v1/applications").then();
    }

    /** A JSON apply with a resume inside it, base64-encoded, as generated clients send it. */
    public static ValidatableResponse applyJsonWithResume(String token, String postingId, String fileName, byte[] resume) {
        return applyJson(token, withResume(application(postingId), fileName, resume));
    }

    /** The application JSON with a {@code resume} object added (fileName, base64 content). */
    public static String withResume(String application, String fileName, byte[] resume) {
        String upload = "\"resume\":{\"fileName\":\"" + fileName + "\",\"content\":\""
                + java.util.Base64.getEncoder().encodeToString(resume) + "\"},";
        return application.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{" + upload));
    }

    /** The candidate's own view of one application: GET /v1/me/applications/{id}. */
    public static ValidatableResponse own(String candidate, String applicationId) {
        return given().auth().oauth2(candidate).get("/v1/me/applications/" + applicationId).then();
    }

    /** Applies (JSON) and returns the new application's id. */
    public static String apply(String token, String postingId) {
        return applyJson(token, application(postingId)).statusCode(201).extract().path("id");
    }

    public static ValidatableResponse applyMultipart(String token, String json, String fileName, byte[] resume,
            String declaredType) {
        var request = given().auth().oauth2(token).multiPart("application", json, "application/json");
        if (resume != null) {
            request = request.multiPart("resume", fileName, resume, declaredType);
        }
        return request.post("/v1/applications").then();
    }

    /**
     * Waits (at most 30 s) until the resume's text extraction, which runs in the background after the apply, has
     * finished (DONE or FAILED), then returns the recruiter's single view of the application.
     */
    public static ValidatableResponse awaitTextExtraction(String recruiter, String applicationId) {
        Db.eventually(() -> !"PENDING".equals(given().auth().oauth2(recruiter).get("/v1/applications/" + applicationId)
                .then().statusCode(200).extract().path("resume.extractionStatus")), "the resume text of " + applicationId);
        return given().auth().oauth2(recruiter).get("/v1/applications/" + applicationId).then().statusCode(200);
    }

    /** The same wait, on the database (for views that do not show the status, like the candidate's). */
    public static String awaitTextExtraction(String applicationId) {
        Db.eventually(() -> !"PENDING".equals(Db.value("select extraction_status from resume where application_id = ?::uuid",
                applicationId)), "the resume text of " + applicationId);
        return (String) Db.value("select extraction_status from resume where application_id = ?::uuid", applicationId);
    }

    /** Moves an application as a recruiter, reading its current ETag first. */
    public static ValidatableResponse move(String recruiter, String applicationId, String body) {
        String etag = given().auth().oauth2(recruiter).get("/v1/applications/" + applicationId).then().statusCode(200)
                .extract().header("ETag");
        return given().auth().oauth2(recruiter).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .post("/v1/applications/" + applicationId + "/transitions").then();
    }
}
