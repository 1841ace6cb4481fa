package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.applications.support.RawHttp;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed multipart applies, sent as raw bytes: each is a 400 problem+json naming what is wrong, never a 500, and
 * nothing is stored.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class MalformedMultipartTest {
    static final String BOUNDARY = "jobboard-raw-boundary";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

    String posting;
    String candidate;

    @BeforeEach
    void postingAndCandidate() {
        posting = Fixtures.publishedPosting(Ids.newId());
        candidate = Fixtures.newCandidate("raw");
    }

    @Test
    void aWellFormedRawBodyIsAccepted() throws IOException {
        // the baseline: the same builder as the cases below, with nothing wrong
        RawHttp.Answer answer = apply(MULTIPART, body(jsonPart("application", Fixtures.application(posting)),
                filePart("resume", "cv.txt", "text/plain", "Ten years of Java.".getBytes(StandardCharsets.UTF_8))));
        assertEquals(201, answer.status(), answer.toString());
    }

    @Test
    void aMissingOrEmptyBoundaryIsNamed() throws IOException {
        byte[] valid = body(jsonPart("application", Fixtures.application(posting)));
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=\"\"", "multipart/form-data; charset=UTF-8")) {
            assertProblem(apply(contentType, valid), "Content-Type", "boundary");
        }
        // longer than RFC 2046 allows (70 characters)
        assertProblem(apply("multipart/form-data; boundary=" + "b".repeat(71), valid), "Content-Type", "boundary");
    }

    @Test
    void anEmptyBodyIsNamed() throws IOException {
        assertProblem(apply(MULTIPART, new byte[0]), "body", "empty");
    }

    @Test
    void aBodyWithoutItsClosingDelimiterIsNamed() throws IOException {
        String whole = new String(body(jsonPart("application", Fixtures.application(posting))), StandardCharsets.UTF_8);
        String unterminated = whole.substring(0, whole.lastIndexOf("--" + BOUNDARY + "--"));
        assertProblem(apply(MULTIPART, unterminated.getBytes(StandardCharsets.UTF_8)), "body", "closing boundary");
        // cut in the middle of a part
        assertProblem(apply(MULTIPART, whole.substring(0, whole.length() / 2).getBytes(StandardCharsets.UTF_8)), "body",
                "closing boundary");
        // and bytes that never meet the boundary at all
        assertProblem(apply(MULTIPART, "just some text".getBytes(StandardCharsets.UTF_8)), "body", "closing boundary");
    }

    @Test
    void moreThanTwentyPartsAreRefused() throws IOException {
        String[] parts = new String[21];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = textPart("extra" + i, "x");
        }
        assertProblem(apply(MULTIPART, body(parts)), "body", "more than 20 parts");
    }

    @Test
    void hugePartHeadersAreRefused() throws IOException {
        String part = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                + "X-Padding: " + "p".repeat(16 * 1024) + "\r\nContent-Type: application/json\r\n\r\n"
                + Fixtures.application(posting) + "\r\n";
        assertProblem(apply(MULTIPART, (part + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8)),
                "application", "headers");
    }

    @Test
    void aPartWithoutANameOrWithAnotherEncodingIsRefused() throws IOException {
        String nameless = "--" + BOUNDARY + "\r\nContent-Type: application/json\r\n\r\n{}\r\n--" + BOUNDARY + "--\r\n";
        assertProblem(apply(MULTIPART, nameless.getBytes(StandardCharsets.UTF_8)), "body", "Content-Disposition");
        String emptyName = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\r\n\r\n{}\r\n--" + BOUNDARY + "--\r\n";
        assertProblem(apply(MULTIPART, emptyName.getBytes(StandardCharsets.UTF_8)), "body", "Content-Disposition");
        String emptyFileName = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"resume\"; filename=\r\n\r\n"
                + "x\r\n--" + BOUNDARY + "--\r\n";
        assertProblem(apply(MULTIPART, emptyFileName.getBytes(StandardCharsets.UTF_8)), "resume", "filename");
        String base64 = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"resume\"; filename=\"cv.txt\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n@@not-base64@@\r\n--" + BOUNDARY + "--\r\n";
        assertProblem(apply(MULTIPART, base64.getBytes(StandardCharsets.UTF_8)), "resume", "Content-Transfer-Encoding");
        String badCharset = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"application\"\r\n"
                + "Content-Type: application/json; charset=no-such-charset\r\n\r\n{}\r\n--" + BOUNDARY + "--\r\n";
        assertProblem(apply(MULTIPART, badCharset.getBytes(StandardCharsets.UTF_8)), "application", "charset");
        assertProblem(apply(MULTIPART + "; charset=no-such-charset", body(jsonPart("application", "{}"))),
                "Content-Type", "charset");
    }

    @Test
    void unknownAndDuplicatedPartsAreNamed() throws IOException {
        String application = jsonPart("application", Fixtures.application(posting));
        assertProblem(apply(MULTIPART, body(application, textPart("photo", "x"))), "photo", "unknown part");
        assertProblem(apply(MULTIPART, body(application, application)), "application", "once");
        byte[] file = "resume".getBytes(StandardCharsets.UTF_8);
        assertProblem(apply(MULTIPART, body(application, filePart("resume", "a.txt", "text/plain", file),
                filePart("resume", "b.txt", "text/plain", file))), "resume", "once");
    }

    @Test
    void theJsonPartMustBeThereAndBeJson() throws IOException {
        byte[] file = "resume".getBytes(StandardCharsets.UTF_8);
        assertProblem(apply(MULTIPART, body(filePart("resume", "cv.txt", "text/plain", file))), "application",
                "required");
        assertProblem(apply(MULTIPART, body(jsonPart("application", "{\"postingId\": "))), "application", "JSON");
        assertProblem(apply(MULTIPART, body(jsonPart("application", "[1, 2]"))), "application", "");
        // a raw NUL (or another control character) inside a JSON string is not JSON: the field is named
        String nul = Fixtures.application(posting).replace("Casey Candidate", "Casey\u0000Candidate");
        assertProblem(apply(MULTIPART, body(jsonPart("application", nul))), "name", "JSON");
        String bell = Fixtures.application(posting).replace("I would love", "I\u0007would love");
        assertProblem(apply(MULTIPART, body(jsonPart("application", bell))), "coverLetter", "JSON");
        // outside any string
        assertProblem(apply(MULTIPART, body(jsonPart("application", "\u0000" + Fixtures.application(posting)))),
                "application", "JSON");
    }

    @Test
    void theResumeMustBeAFile() throws IOException {
        assertProblem(apply(MULTIPART, body(jsonPart("application", Fixtures.application(posting)),
                textPart("resume", "Ten years of Java"))), "resume", "file");
    }

    RawHttp.Answer apply(String contentType, byte[] body) throws IOException {
        return RawHttp.exchange("/v1/applications", candidate, contentType, body);
    }

    void assertProblem(RawHttp.Answer answer, String field, String messagePart) {
        assertEquals(400, answer.status(), answer.toString());
        assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json"),
                answer.toString());
        JsonPath problem = JsonPath.from(answer.body());
        assertEquals(400, problem.getInt("status"), answer.body());
        assertEquals(field, problem.getString("errors[0].field"), answer.body());
        assertTrue(problem.getString("detail").contains(messagePart), answer.body());
        assertEquals(0, org.jobboard.applications.support.Db.count(
                "select count(*) from application where candidate_subject = ?", ApplyTest.subjectOf(candidate)));
    }

    static String jsonPart(String name, String json) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n";
    }

    static String textPart(String name, String value) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
    }

    static String filePart(String name, String fileName, String type, byte[] content) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n" + new String(content, StandardCharsets.ISO_8859_1) + "\r\n";
    }

    /** The parts (each starting with its delimiter), then the closing delimiter. */
    static byte[] body(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            // parts are built as ISO-8859-1 for files and UTF-8 text for the rest: JSON parts hold only ASCII here
            out.writeBytes(part.getBytes(part.contains("filename=") ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
