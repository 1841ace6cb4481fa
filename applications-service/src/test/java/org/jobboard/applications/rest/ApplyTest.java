package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.jobboard.applications.support.Db;
import org.jobboard.applications.support.Documents;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.applications.support.MutableClock;
import org.jobboard.applications.support.RawHttp;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying: the posting's state from the replica, form answers, resumes (real files), duplicates, idempotency. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class ApplyTest {
    @jakarta.inject.Inject
    MutableClock clock;

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @Test
    void aCandidateAppliesWithJsonAndSeesTheApplicationSubmitted() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String alice = Fixtures.newCandidate("alice");
        ExtractableResponse<Response> created = Fixtures.applyJson(alice, Fixtures.application(posting))
                .statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/v1/me/applications/"))
                .header("ETag", notNullValue())
                .body("status", equalTo("SUBMITTED"))
                .body("postingId", equalTo(posting))
                .body("answers.authorized", equalTo("YES"))
                .body("answers.years", equalTo(5))
                .body("statusHistory[0].status", equalTo("SUBMITTED"))
                .body("stage", nullValue())
                .extract();
        String id = created.path("id");
        // Location names the candidate's own view of it, which answers what the 201 did
        assertTrue(created.header("Location").endsWith("/v1/me/applications/" + id), created.header("Location"));
        given().auth().oauth2(alice).get(created.header("Location")).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .header("Cache-Control", containsString("no-store")).header("Cache-Control", containsString("private"))
                .body("id", equalTo(id)).body("status", equalTo("SUBMITTED")).body("stage", nullValue())
                .body("statusHistory.status", equalTo(List.of("SUBMITTED")));
        given().auth().oauth2(alice).get("/v1/me/applications").then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(TestTokens.recruiter("rita", organization)).get("/v1/applications/" + id).then()
                .statusCode(200).body("stage", equalTo("APPLIED"))
                .body("source.utmSource", equalTo("newsletter"))
                .body("history[0].to", equalTo("APPLIED"))
                .body("history[0].byRole", equalTo("CANDIDATE"));
    }

    @Test
    void aPdfResumeIsDetectedStoredAndItsTextExtractedForRecruiters() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String alice = Fixtures.newCandidate("alice");
        byte[] pdf = Documents.pdf("Ten years of Java and Kubernetes at Initech");
        // the declared type is wrong on purpose: only the content decides
        String id = Fixtures.applyMultipart(alice, Fixtures.application(posting), "cv.bin", pdf,
                        "application/octet-stream")
                .statusCode(201).body("resume.mediaType", equalTo(PDF))
                .body("resume.sizeBytes", equalTo(pdf.length))
                .body("resume.text", nullValue())
                .body("resume.extractionStatus", nullValue()) // recruiters' business
                .extract().path("id");
        // stored with the application, its text pending for the background worker
        assertEquals(1, Db.count("select count(*) from resume where application_id = ?::uuid", id));
        String rita = TestTokens.recruiter("rita", organization);
        Fixtures.awaitTextExtraction(rita, id)
                .body("resume.mediaType", equalTo(PDF))
                .body("resume.extractionStatus", equalTo("DONE"))
                .body("resume.text", containsString("Ten years of Java and Kubernetes at Initech"))
                .body("resume.href", equalTo("/v1/applications/" + id + "/resume"));
        // lists show where extraction stands, never the text
        given().auth().oauth2(rita).get("/v1/applications?postingId=" + posting).then().statusCode(200)
                .body("items[0].resume.extractionStatus", equalTo("DONE"))
                .body("items[0].resume.text", nullValue());
        // the candidate never sees it
        Fixtures.own(alice, id).statusCode(200)
                .body("resume.text", nullValue()).body("resume.extractionStatus", nullValue());
        byte[] downloaded = given().auth().oauth2(rita).get("/v1/applications/" + id + "/resume").then()
                .statusCode(200).contentType(PDF)
                .header("Content-Disposition", equalTo("attachment; filename=\"resume-" + id + ".pdf\""))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        assertEquals(1, Db.count("select extraction_attempts from resume where application_id = ?::uuid", id),
                "extracted once");
    }

    @Test
    void aDocxResumeIsDetectedFromItsZipStructureAndReadable() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String bob = Fixtures.newCandidate("bob");
        String id = Fixtures.applyMultipart(bob, Fixtures.application(posting), "resume.docx",
                        Documents.docx("Rust and Go engineer, on-call veteran"), DOCX)
                .statusCode(201).body("resume.mediaType", equalTo(DOCX)).extract().path("id");
        Fixtures.awaitTextExtraction(TestTokens.recruiter("rita", organization), id)
                .body("resume.extractionStatus", equalTo("DONE"))
                .body("resume.text", containsString("Rust and Go engineer, on-call veteran"));
        given().auth().oauth2(bob).get("/v1/applications/" + id + "/resume").then().statusCode(200)
                .contentType(DOCX).header("Content-Disposition", containsString(".docx"));
    }

    @Test
    void rtfAndPlainTextAreAcceptedToo() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String rtf = Fixtures.applyMultipart(Fixtures.newCandidate("rtf"), Fixtures.application(posting), "cv.rtf",
                Documents.rtf("Scrum master"), "application/rtf").statusCode(201)
                .body("resume.mediaType", equalTo("application/rtf")).extract().path("id");
        String txt = Fixtures.applyMultipart(Fixtures.newCandidate("txt"), Fixtures.application(posting), "cv.txt",
                "Plain resume\nSkills: SQL".getBytes(StandardCharsets.UTF_8), "text/plain").statusCode(201)
                .body("resume.mediaType", equalTo("text/plain")).extract().path("id");
        String rita = TestTokens.recruiter("rita", organization);
        Fixtures.awaitTextExtraction(rita, rtf).body("resume.extractionStatus", equalTo("DONE"))
                .body("resume.text", containsString("Scrum master"));
        Fixtures.awaitTextExtraction(rita, txt).body("resume.extractionStatus", equalTo("DONE"))
                .body("resume.text", containsString("Skills: SQL"));
    }

    @Test
    void aDocumentWhoseTextCannotBeExtractedEndsFailedWithTheFileStillDownloadable() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String rita = TestTokens.recruiter("rita", organization);
        byte[] damaged = Documents.damagedPdf();
        String id = Fixtures.applyMultipart(Fixtures.newCandidate("damaged"), Fixtures.application(posting), "cv.pdf",
                damaged, PDF).statusCode(201).body("resume.mediaType", equalTo(PDF)).extract().path("id");
        Fixtures.awaitTextExtraction(rita, id).body("resume.extractionStatus", equalTo("FAILED"))
                .body("resume.text", nullValue());
        assertArrayEquals(damaged, given().auth().oauth2(rita).get("/v1/applications/" + id + "/resume").then()
                .statusCode(200).contentType(PDF).extract().asByteArray());
        // an unreadable document is not retried: one attempt, and why it failed is on record
        assertEquals(1, Db.count("select extraction_attempts from resume where application_id = ?::uuid", id));
        assertTrue(String.valueOf(Db.value("select extraction_error from resume where application_id = ?::uuid", id))
                .contains("cannot be read"));
    }

    @Test
    void aLegacyWordDocumentIsDetectedFromItsOle2Directory() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String rita = TestTokens.recruiter("rita", organization);
        byte[] doc = Documents.legacyWordContainer();
        String id = Fixtures.applyMultipart(Fixtures.newCandidate("doc"), Fixtures.application(posting), "cv.bin",
                doc, "application/octet-stream").statusCode(201).body("resume.mediaType", equalTo("application/msword"))
                .extract().path("id");
        // the container holds no Word text (POI cannot write a Word document): extraction finishes with none
        Fixtures.awaitTextExtraction(rita, id).body("resume.extractionStatus", equalTo("DONE"))
                .body("resume.text", nullValue());
        assertArrayEquals(doc, given().auth().oauth2(rita).get("/v1/applications/" + id + "/resume").then()
                .statusCode(200).contentType("application/msword")
                .header("Content-Disposition", containsString(".doc\"")).extract().asByteArray());
    }

    @Test
    void aPngRenamedToPdfIs415AndNothingIsStored() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String carol = Fixtures.newCandidate("carol");
        long files = Db.count("select count(*) from stored_file");
        Fixtures.applyMultipart(carol, Fixtures.application(posting), "resume.pdf", Documents.png(), PDF)
                .statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("image/png"));
        assertNothingStoredFor(carol, posting);
        assertEquals(files, Db.count("select count(*) from stored_file"));
        // and the uploaded part is gone from the temporary upload directory once the request ended
        java.nio.file.Path uploads = java.nio.file.Path.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.body.uploads-directory", String.class));
        Db.eventually(() -> {
            try (var listing = java.nio.file.Files.list(uploads)) {
                return listing.findAny().isEmpty();
            } catch (java.nio.file.NoSuchFileException e) {
                return true;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "the upload directory to be empty");
    }

    @Test
    void aResumeOverFiveMegabytesIs413AndNothingIsStored() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String dave = Fixtures.newCandidate("dave");
        byte[] big = Documents.pdf("Too long a resume", 5 * 1024 * 1024 + 1);
        assertTrue(big.length > 5 * 1024 * 1024);
        Fixtures.applyMultipart(dave, Fixtures.application(posting), "cv.pdf", big, PDF)
                .statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("5 MB"));
        assertNothingStoredFor(dave, posting);
        // exactly at the limit is fine
        byte[] limit = Documents.pdf("Just fits", 5 * 1024 * 1024);
        Fixtures.applyMultipart(dave, Fixtures.application(posting), "cv.pdf",
                java.util.Arrays.copyOf(limit, 5 * 1024 * 1024), PDF).statusCode(201);
    }

    @Test
    void aBiggerUploadIs413ProblemJsonToo() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String erin = Fixtures.newCandidate("erin");
        // streamed (chunked): the stored part is measured
        Fixtures.applyMultipart(erin, Fixtures.application(posting), "cv.pdf", new byte[7 * 1024 * 1024], PDF)
                .statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        // declared over the HTTP body limit: refused from the headers, before the body is sent (100-continue)
        String response = rawExchange("POST /v1/applications HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: Bearer " + erin + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + 17 * 1024 * 1024 + "\r\nExpect: 100-continue\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("application/problem+json"), response);
        assertTrue(response.contains("\"status\":413"), response);
        assertNothingStoredFor(erin, posting);
    }

    @Test
    void aClientThatWaitsForOneHundredContinueGetsItThenItsApplication() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String frank = Fixtures.newCandidate("frank");
        String boundary = "jobboard-test-boundary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + Fixtures.application(posting) + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"cv.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nTen years of Java.\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = socket.getInputStream();
            // a small body is read in full before the endpoint runs (SmallBodyPreRead): the go-ahead must come first
            out.write(("POST /v1/applications HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + frank
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: "
                    + body.length + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StringBuilder interim = new StringBuilder();
            while (!interim.toString().endsWith("\r\n\r\n")) {
                int b = in.read(); // times out (failing the test) when no interim response comes
                assertTrue(b >= 0, "the connection closed before the interim response: " + interim);
                interim.append((char) b);
            }
            assertTrue(interim.toString().startsWith("HTTP/1.1 100"), interim.toString());
            out.write(body);
            out.flush();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 201"), response);
            assertTrue(response.contains("\"status\":\"SUBMITTED\""), response);
        }
    }

    @Test
    void answersAreCheckedAgainstTheFormNamingEachQuestion() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String frank = Fixtures.newCandidate("frank");
        Fixtures.applyJson(frank, Fixtures.application(posting, "Frank", "frank@example.org", null,
                        "{\"authorized\":\"maybe\",\"languages\":[\"Java\",\"COBOL\"],\"hobby\":\"chess\"}"))
                .statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("answers.authorized",
                        "answers.years", "answers.languages", "answers.hobby"));
        Fixtures.applyJson(frank, Fixtures.application(posting, "Frank", "frank@example.org", null,
                        "{\"authorized\":true,\"years\":\"five\"}"))
                .statusCode(422).body("errors.field", equalTo(List.of("answers.years")))
                .body("errors[0].message", equalTo("must be a number"));
        assertNothingStoredFor(frank, posting);
    }

    @Test
    void contactFieldsAreValidated() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String gina = Fixtures.newCandidate("gina");
        Fixtures.applyJson(gina, Fixtures.application(posting, "Gina", "not-an-email", "0155 12345", Fixtures.VALID_ANSWERS))
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("email", "phone"));
        String longLetter = Fixtures.application(posting).replace("I would love to work with you.", "x".repeat(10_001));
        Fixtures.applyJson(gina, longLetter).statusCode(400).body("errors.field", hasItem("coverLetter"));
        Fixtures.applyJson(gina, Fixtures.application(posting).replace("\"consent\"", "\"unknownField\":1,\"consent\""))
                .statusCode(400).body("errors.field", hasItem("unknownField"));
        Fixtures.applyJson(gina, Fixtures.application(posting).replace("\"privacyPolicyVersion\":\"2026-01\",", ""))
                .statusCode(400).body("errors.field", hasItem("consent.privacyPolicyVersion"));
        // the multipart JSON part is validated the same way
        Fixtures.applyMultipart(gina, Fixtures.application(posting, "Gina", "gina@", null, Fixtures.VALID_ANSWERS),
                "cv.txt", "resume".getBytes(StandardCharsets.UTF_8), "text/plain")
                .statusCode(400).body("errors.field", hasItem("email"));
        given().auth().oauth2(gina).multiPart("resume", "cv.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/v1/applications").then().statusCode(400).body("errors.field", hasItem("application"));
        assertNothingStoredFor(gina, posting);
    }

    @Test
    void aKnockoutAnswerCreatesTheApplicationAlreadyRejected() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String hank = Fixtures.newCandidate("hank");
        String id = Fixtures.applyJson(hank, Fixtures.application(posting, "Hank", "hank@example.org", null,
                        "{\"authorized\":\"NO\",\"years\":3}"))
                .statusCode(201).body("status", equalTo("NOT_SELECTED")).body("rejectReason", nullValue())
                .extract().path("id");
        given().auth().oauth2(TestTokens.recruiter("rita", organization)).get("/v1/applications/" + id).then()
                .statusCode(200).body("stage", equalTo("REJECTED")).body("rejectReason", equalTo("KNOCKOUT"))
                .body("history.to", equalTo(List.of("APPLIED", "REJECTED")))
                .body("history[1].byRole", equalTo("SYSTEM"));
    }

    @Test
    void onlyPublishedDirectPostingsTakeApplications() {
        String organization = Ids.newId();
        String ivan = Fixtures.newCandidate("ivan");
        Fixtures.applyJson(ivan, Fixtures.application(Ids.newId())).statusCode(422)
                .body("errors[0].field", equalTo("postingId"));
        Fixtures.applyJson(ivan, Fixtures.application("not-an-id")).statusCode(422);

        String external = Fixtures.posting(organization, "PUBLISHED", 1, "EXTERNAL", Fixtures.in30Days(), null);
        Fixtures.awaitReplica(external, 1);
        Fixtures.applyJson(ivan, Fixtures.application(external)).statusCode(422)
                .body("detail", containsString("employer's site"));

        String pastValidThrough = Fixtures.posting(organization, "PUBLISHED", 1, "DIRECT",
                Instant.now().minus(1, ChronoUnit.MINUTES), null);
        Fixtures.awaitReplica(pastValidThrough, 1);
        Fixtures.applyJson(ivan, Fixtures.application(pastValidThrough)).statusCode(409)
                .body("postingStatus", equalTo("EXPIRED"));
        assertEquals(0, Db.count("select count(*) from application where candidate_subject like 'ivan-%'"));
    }

    /** validThrough is read on the service's clock: once it has passed, applies are refused before any event says so. */
    @Test
    void aPostingPastItsValidThroughTakesNoMoreApplicationsWithoutAnEvent() {
        String organization = Ids.newId();
        String posting = Fixtures.posting(organization, "PUBLISHED", 1, "DIRECT",
                Instant.now().plus(1, ChronoUnit.HOURS), null);
        Fixtures.awaitReplica(posting, 1);
        Fixtures.apply(Fixtures.newCandidate("in-time"), posting);
        try {
            clock.advance(Duration.ofHours(2));
            Fixtures.applyJson(Fixtures.newCandidate("too-late"), Fixtures.application(posting)).statusCode(409)
                    .body("postingStatus", equalTo("EXPIRED"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void aPostingClosedByAnEventThatJustArrivedRefusesNewApplicationsButKeepsOldOnesWorkable() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String early = Fixtures.apply(Fixtures.newCandidate("early"), posting);

        Fixtures.sendPosting(posting, organization, "CLOSED", 2, "DIRECT", Fixtures.in30Days(), Instant.now());
        Fixtures.applyJson(Fixtures.newCandidate("late"), Fixtures.application(posting)).statusCode(409)
                .contentType("application/problem+json").body("postingStatus", equalTo("CLOSED"))
                .body("detail", containsString("closed"));
        Fixtures.move(TestTokens.recruiter("rita", organization), early, "{\"to\":\"SCREENING\"}").statusCode(200)
                .body("stage", equalTo("SCREENING"));

        Fixtures.sendPosting(posting, organization, "EXPIRED", 3, "DIRECT", Instant.now(), null);
        Fixtures.applyJson(Fixtures.newCandidate("later"), Fixtures.application(posting)).statusCode(409)
                .body("postingStatus", equalTo("EXPIRED"));
    }

    @Test
    void oneActiveApplicationPerCandidateAndPosting() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String judy = Fixtures.newCandidate("judy");
        String first = Fixtures.apply(judy, posting);
        Fixtures.applyJson(judy, Fixtures.application(posting)).statusCode(409)
                .contentType("application/problem+json").body("existingApplicationId", equalTo(first));
        // once withdrawn, the candidate may apply again
        given().auth().oauth2(judy).post("/v1/applications/" + first + "/withdraw").then().statusCode(200);
        String second = Fixtures.apply(judy, posting);
        assertTrue(!second.equals(first));
    }

    @Test
    void twentyConcurrentAppliesCreateExactlyOne() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String kim = Fixtures.newCandidate("kim");
        String body = Fixtures.application(posting);
        int n = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<ExtractableResponse<Response>>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(kim).contentType(ContentType.JSON).body(body)
                            .post("/v1/applications").then().extract();
                }));
            }
            start.countDown();
            List<String> created = new ArrayList<>();
            List<String> existing = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> result : results) {
                ExtractableResponse<Response> response = result.get();
                if (response.statusCode() == 201) {
                    created.add(response.path("id"));
                } else {
                    assertEquals(409, response.statusCode(), response.asString());
                    existing.add(response.path("existingApplicationId"));
                }
            }
            assertEquals(1, created.size(), "exactly one application is created");
            assertEquals(n - 1, existing.size());
            assertTrue(existing.stream().allMatch(created.get(0)::equals), "every 409 names the one created: " + existing);
            assertEquals(1, Db.count("select count(*) from application where posting_id = ?::uuid", posting));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstResponse() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String lena = Fixtures.newCandidate("lena");
        byte[] pdf = Documents.pdf("Lena's resume");
        String first = given().auth().oauth2(lena).header("Idempotency-Key", "apply-1")
                .multiPart("application", Fixtures.application(posting), "application/json")
                .multiPart("resume", "cv.pdf", pdf, PDF)
                .post("/v1/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(lena).header("Idempotency-Key", "apply-1")
                .multiPart("application", Fixtures.application(posting), "application/json")
                .multiPart("resume", "cv.pdf", pdf, PDF)
                .post("/v1/applications").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        // the same key with another resume is another request
        given().auth().oauth2(lena).header("Idempotency-Key", "apply-1")
                .multiPart("application", Fixtures.application(posting), "application/json")
                .multiPart("resume", "cv.pdf", Documents.pdf("Another resume"), PDF)
                .post("/v1/applications").then().statusCode(422);
        // without the key, a second submit is a duplicate
        Fixtures.applyJson(lena, Fixtures.application(posting)).statusCode(409)
                .body("existingApplicationId", equalTo(first));
        assertEquals(1, Db.count("select count(*) from application where posting_id = ?::uuid", posting));
        assertEquals(1, Db.count("select count(*) from resume r join application a on a.id = r.application_id "
                + "where a.posting_id = ?::uuid", posting));
    }

    /** What a client generated from the OpenAPI document sends: the resume base64-encoded inside the JSON apply. */
    @Test
    void aJsonApplyCarriesItsResumeBase64EncodedAndRecruitersDownloadIt() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String alice = Fixtures.newCandidate("alice");
        byte[] pdf = Documents.pdf("Base64 travels well: twelve years of Java at Globex");
        // the name says nothing about the type: the content decides
        String id = Fixtures.applyJsonWithResume(alice, posting, "Alice CV (2026).bin", pdf).statusCode(201)
                .body("status", equalTo("SUBMITTED"))
                .body("resume.mediaType", equalTo(PDF)).body("resume.sizeBytes", equalTo(pdf.length))
                .body("resume.text", nullValue())
                .extract().path("id");
        String rita = TestTokens.recruiter("rita", organization);
        Fixtures.awaitTextExtraction(rita, id).body("resume.extractionStatus", equalTo("DONE"))
                .body("resume.text", containsString("Base64 travels well: twelve years of Java at Globex"));
        byte[] downloaded = given().auth().oauth2(rita).get("/v1/applications/" + id + "/resume").then()
                .statusCode(200).contentType(PDF)
                .header("Content-Disposition", equalTo("attachment; filename=\"resume-" + id + ".pdf\""))
                .extract().asByteArray();
        assertArrayEquals(pdf, downloaded);
        Fixtures.own(alice, id).statusCode(200).body("resume.mediaType", equalTo(PDF))
                .body("resume.href", equalTo("/v1/applications/" + id + "/resume")).body("resume.text", nullValue());
    }

    /** The decoded bytes go through the same checks as an uploaded file, and a refused one is never stored. */
    @Test
    void aJsonResumeIsCheckedLikeAnUploadedFile() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String carol = Fixtures.newCandidate("carol");
        long files = Db.count("select count(*) from stored_file");
        Fixtures.applyJsonWithResume(carol, posting, "resume.pdf", Documents.png()).statusCode(415)
                .contentType("application/problem+json").body("detail", containsString("image/png"));
        byte[] tooBig = Documents.pdf("Too long a resume", 5 * 1024 * 1024 + 1);
        Fixtures.applyJsonWithResume(carol, posting, "cv.pdf", tooBig).statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("5 MB"));
        Fixtures.applyJsonWithResume(carol, posting, "cv.txt", new byte[0]).statusCode(422)
                .body("errors[0].field", equalTo("resume"));
        assertNothingStoredFor(carol, posting);
        assertEquals(files, Db.count("select count(*) from stored_file"));
        // the largest resume fits in the largest JSON apply
        byte[] largest = java.util.Arrays.copyOf(Documents.pdf("Just fits", 5 * 1024 * 1024), 5 * 1024 * 1024);
        Fixtures.applyJsonWithResume(carol, posting, "cv.pdf", largest).statusCode(201)
                .body("resume.sizeBytes", equalTo(5 * 1024 * 1024)).body("resume.mediaType", equalTo(PDF));
    }

    @jakarta.inject.Inject
    RequestBodyReader bodies;

    /** A JSON apply may be as large as the largest application with the base64 of the largest resume; no larger. */
    @Test
    void aJsonApplyLargerThanAnyValidOneIs413() throws Exception {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String erin = Fixtures.newCandidate("erin");
        long limit = bodies.jsonApplyLimit();
        // from the configuration: the application part (256 KB) plus the base64 of a 5 MB resume
        assertTrue(limit >= 256 * 1024 + 4 * ((5 * 1024 * 1024 + 2) / 3), "limit " + limit);
        assertTrue(limit < 16 * 1024 * 1024, "below the HTTP body ceiling: " + limit);

        // declared: refused from the headers, before the body is sent
        RawHttp.Answer declared;
        try (RawHttp http = RawHttp.connect(10_000)) {
            http.write(RawHttp.postHead("/v1/applications", erin, "application/json", limit + 1)
                    .replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            declared = http.readAnswer();
        }
        assertEquals(413, declared.status(), declared.toString());
        assertTrue(declared.headers().get("content-type").startsWith("application/problem+json"), declared.toString());
        assertEquals(413, io.restassured.path.json.JsonPath.from(declared.body()).getInt("status"));

        // streamed without a length: cut off once it passes the limit (one byte over, so the rest is drained, not reset)
        byte[] start = ("{\"postingId\":\"" + posting + "\",\"resume\":{\"fileName\":\"cv.pdf\",\"content\":\"")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] filler = new byte[64 * 1024];
        java.util.Arrays.fill(filler, (byte) 'A');
        RawHttp.Answer streamed;
        try (RawHttp http = RawHttp.connect(10_000)) {
            http.write((RawHttp.postHead("/v1/applications", erin, "application/json", -1)
                    .replace("\r\n\r\n", "\r\nTransfer-Encoding: chunked\r\n\r\n")).getBytes(StandardCharsets.US_ASCII));
            http.writeChunk(start, start.length);
            for (long left = limit + 1 - start.length; left > 0; left -= filler.length) {
                http.writeChunk(filler, (int) Math.min(left, filler.length));
            }
            http.endChunks();
            streamed = http.readAnswer();
        }
        assertEquals(413, streamed.status(), streamed.toString());
        assertTrue(streamed.headers().get("content-type").startsWith("application/problem+json"), streamed.toString());
        assertNothingStoredFor(erin, posting);

        // every other JSON body keeps the smaller limit of an application without a resume
        String recruiter = TestTokens.recruiter("rita", Ids.newId());
        try (RawHttp http = RawHttp.connect(10_000)) {
            http.write(RawHttp.postHead("/v1/applications/" + Ids.newId() + "/transitions", recruiter,
                    "application/json", 256 * 1024 + 1).replace("\r\n\r\n", "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            RawHttp.Answer other = http.readAnswer();
            assertEquals(413, other.status(), other.toString());
        }
    }

    @Test
    void aResumeThatIsNotBase64OrWithoutAUsableNameIs400NamingTheField() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String gina = Fixtures.newCandidate("gina");
        String application = Fixtures.application(posting);
        for (String content : List.of("\"not base64!\"", "\"%%%%\"", "\"QUJD-_\"", "12345", "[37,80,68,70]",
                "{\"bytes\":\"QUJD\"}", "true", "null")) {
            Fixtures.applyJson(gina, application.replaceFirst("\\{", "{\"resume\":{\"fileName\":\"cv.txt\",\"content\":"
                            + java.util.regex.Matcher.quoteReplacement(content) + "},"))
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("resume.content"));
        }
        Fixtures.applyJson(gina, application.replaceFirst("\\{", "{\"resume\":{\"fileName\":\"cv.txt\"},"))
                .statusCode(400).body("errors[0].field", equalTo("resume.content"));
        byte[] text = "Plain resume".getBytes(StandardCharsets.UTF_8);
        for (String fileName : List.of("../cv.txt", "C:\\\\cv.txt", "", "cv\\u0007.txt", "x".repeat(256))) {
            Fixtures.applyJson(gina, Fixtures.withResume(application, fileName, text))
                    .statusCode(400).body("errors[0].field", equalTo("resume.fileName"));
        }
        Fixtures.applyJson(gina, application.replaceFirst("\\{", "{\"resume\":{\"content\":\"QUJD\"},"))
                .statusCode(400).body("errors[0].field", equalTo("resume.fileName"));
        Fixtures.applyJson(gina, application.replaceFirst("\\{", "{\"resume\":\"QUJD\","))
                .statusCode(400).body("errors[0].field", equalTo("resume"));
        assertNothingStoredFor(gina, posting);
        // unpadded base64 is fine
        Fixtures.applyJson(gina, application.replaceFirst("\\{", "{\"resume\":{\"fileName\":\"cv.txt\",\"content\":\""
                + java.util.Base64.getEncoder().withoutPadding().encodeToString("Plain resume.".getBytes(StandardCharsets.UTF_8))
                + "\"},")).statusCode(201).body("resume.sizeBytes", equalTo(13));
    }

    @Test
    void aResumeSentBothInsideTheApplicationPartAndAsTheFilePartIs400() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String hugo = Fixtures.newCandidate("hugo");
        byte[] text = "Ten years of Java".getBytes(StandardCharsets.UTF_8);
        String withResume = Fixtures.withResume(Fixtures.application(posting), "cv.txt", text);
        Fixtures.applyMultipart(hugo, withResume, "cv.pdf", Documents.pdf("the other one"), PDF)
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("resume"));
        assertNothingStoredFor(hugo, posting);
        // inside the application part alone, it is taken as in a JSON apply
        Fixtures.applyMultipart(hugo, withResume, null, null, null).statusCode(201)
                .body("resume.mediaType", equalTo("text/plain")).body("resume.sizeBytes", equalTo(text.length));
    }

    /** The resume's bytes are compared by their digest: the same body replays, another file under the key is 422. */
    @Test
    void anIdempotencyKeyReplaysAJsonApplyWithItsResume() {
        String posting = Fixtures.publishedPosting(Ids.newId());
        String ivy = Fixtures.newCandidate("ivy");
        String body = Fixtures.withResume(Fixtures.application(posting), "cv.pdf", Documents.pdf("Ivy's resume"));
        String first = given().auth().oauth2(ivy).header("Idempotency-Key", "json-apply-1").contentType(ContentType.JSON)
                .body(body).post("/v1/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ivy).header("Idempotency-Key", "json-apply-1").contentType(ContentType.JSON)
                .body(body).post("/v1/applications").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", containsString("/v1/me/applications/" + first)).body("id", equalTo(first));
        String otherFile = Fixtures.withResume(Fixtures.application(posting), "cv.pdf", Documents.pdf("Another resume"));
        given().auth().oauth2(ivy).header("Idempotency-Key", "json-apply-1").contentType(ContentType.JSON)
                .body(otherFile).post("/v1/applications").then().statusCode(422)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        String otherName = Fixtures.withResume(Fixtures.application(posting), "other.pdf", Documents.pdf("Ivy's resume"));
        given().auth().oauth2(ivy).header("Idempotency-Key", "json-apply-1").contentType(ContentType.JSON)
                .body(otherName).post("/v1/applications").then().statusCode(422);
        assertEquals(1, Db.count("select count(*) from application where posting_id = ?::uuid", posting));
        assertEquals(1, Db.count("select count(*) from resume r join application a on a.id = r.application_id "
                + "where a.posting_id = ?::uuid", posting));
    }

    /** Sends raw request headers and reads the answer until the server closes the connection. */
    static String rawExchange(String head) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Neither an application nor a resume nor a file of this candidate exists after a refused request. */
    static void assertNothingStoredFor(String token, String posting) {
        String subject = subjectOf(token);
        assertEquals(0, Db.count("select count(*) from application where candidate_subject = ? and posting_id = ?::uuid",
                subject, posting));
        assertEquals(0, Db.count("select count(*) from resume r join application a on a.id = r.application_id "
                + "where a.candidate_subject = ? and a.posting_id = ?::uuid", subject, posting));
    }

    static String subjectOf(String token) {
        return Fixtures.subjectOf(token);
    }
}
