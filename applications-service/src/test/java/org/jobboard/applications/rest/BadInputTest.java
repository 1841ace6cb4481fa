package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Bad input on every operation (ids, enumerations, query parameters, cursors, headers, bodies): a 4xx problem+json
 * naming the parameter, never a 500. All cases run, then every deviation is reported at once.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class BadInputTest {
    final List<String> deviations = new ArrayList<>();

    @Test
    void badInputIsA4xxProblemNamingWhatIsWrong() {
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String candidate = Fixtures.newCandidate("bad");
        String recruiter = TestTokens.recruiter("rita", organization);
        String id = Fixtures.apply(candidate, posting);
        String otherListCursor = ownCursor(posting);

        // ids that are not ids, and things that do not exist
        check("malformed id", recruiter, r -> r.get("/v1/applications/not-a-uuid"), 404, null);
        check("NUL in the id", recruiter, r -> r.get("/v1/applications/%00"), 400, "id");
        check("36 characters, not a UUID", recruiter, r -> r.get("/v1/applications/" + "z".repeat(36)), 404, null);
        check("own, malformed id", candidate, r -> r.get("/v1/me/applications/not-a-uuid"), 404, null);
        check("own, NUL in the id", candidate, r -> r.get("/v1/me/applications/%00"), 400, "id");
        check("own, 36 characters, not a UUID", candidate, r -> r.get("/v1/me/applications/" + "z".repeat(36)), 404, null);
        check("resume of an application without one", candidate, r -> r.get("/v1/applications/" + id + "/resume"), 404, null);
        check("resume of a missing application", candidate, r -> r.get("/v1/applications/" + Ids.newId() + "/resume"), 404, null);
        check("resume of a malformed id", recruiter, r -> r.get("/v1/applications/x/resume"), 404, null);
        check("transition of a malformed id", recruiter, r -> r.contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body("{\"to\":\"SCREENING\"}").post("/v1/applications/%00/transitions"), 400, "id");
        check("withdraw of a malformed id", candidate, r -> r.post("/v1/applications/not-an-id/withdraw"), 404, null);

        // query parameters
        check("postingId not an id", recruiter, r -> r.get("/v1/applications?postingId=not-a-uuid"), 404, null);
        check("postingId with NUL", recruiter, r -> r.get("/v1/applications?postingId=%00"), 400, "postingId");
        check("unknown stage", recruiter, r -> r.get("/v1/applications?stage=BOGUS"), 400, "stage");
        check("stage in lower case", recruiter, r -> r.get("/v1/applications?stage=applied"), 400, "stage");
        check("stage with NUL", recruiter, r -> r.get("/v1/applications?stage=%00"), 400, "stage");
        for (String limit : List.of("abc", "0", "-1", "101", "1.5", "99999999999999999999", "%00")) {
            check("limit=" + limit, recruiter, r -> r.get("/v1/applications?limit=" + limit), 400, "limit");
            check("own limit=" + limit, candidate, r -> r.get("/v1/me/applications?limit=" + limit), 400, "limit");
        }
        for (String cursor : List.of("garbage", "%00", "AAAA", "_-_-", "x".repeat(4000))) {
            check("cursor " + cursor.substring(0, Math.min(8, cursor.length())), recruiter,
                    r -> r.get("/v1/applications?cursor=" + cursor), 400, "cursor");
            check("own cursor " + cursor.substring(0, Math.min(8, cursor.length())), candidate,
                    r -> r.get("/v1/me/applications?cursor=" + cursor), 400, "cursor");
        }
        check("a cursor of another list", recruiter, r -> r.get("/v1/applications?postingId=" + posting + "&cursor="
                + otherListCursor), 400, "cursor");

        // bodies and headers of the pipeline
        String etag = given().auth().oauth2(recruiter).get("/v1/applications/" + id).then().extract().header("ETag");
        for (String[] body : List.of(new String[] { "{\"to\":\"BOGUS\"}", "to" },
                new String[] { "{\"to\":\"REJECTED\",\"reason\":\"NOPE\"}", "reason" },
                new String[] { "{\"to\":\"SCREENING\",\"note\":\"a\\u0000b\"}", "note" },
                new String[] { "{}", "to" }, new String[] { "null", null }, new String[] { "[]", null },
                new String[] { "not json", null }, new String[] { "", null },
                new String[] { "{\"to\":\"SCREENING\",\"unknown\":1}", "unknown" })) {
            check("transition body " + body[0], recruiter, r -> r.contentType(ContentType.JSON).header("If-Match", etag)
                    .body(body[0]).post("/v1/applications/" + id + "/transitions"), 400, body[1]);
        }
        check("transition with a strange If-Match", recruiter, r -> r.contentType(ContentType.JSON)
                .header("If-Match", "W/\"" + "9".repeat(40) + "\", *x, \"\"").body("{\"to\":\"SCREENING\"}")
                .post("/v1/applications/" + id + "/transitions"), 412, null);
        check("transition as text", recruiter, r -> r.contentType(ContentType.TEXT).header("If-Match", etag)
                .body("SCREENING").post("/v1/applications/" + id + "/transitions"), 415, null);

        // applying
        check("postingId of 10,000 characters", candidate, r -> r.contentType(ContentType.JSON)
                .body(Fixtures.application("p".repeat(10_000))).post("/v1/applications"), 400, "postingId");
        check("NUL in the email", candidate, r -> r.contentType(ContentType.JSON).body(Fixtures.application(posting,
                "N", "n\\u0000x@example.org", null, Fixtures.VALID_ANSWERS)).post("/v1/applications"), 400, "email");
        check("Idempotency-Key of 300 characters", candidate, r -> r.contentType(ContentType.JSON)
                .header("Idempotency-Key", "k".repeat(300)).body(Fixtures.application(posting))
                .post("/v1/applications"), 400, "Idempotency-Key");
        check("a number answer beyond any double", candidate, r -> r.contentType(ContentType.JSON)
                .body(Fixtures.application(posting, "N", "n@example.org", null,
                        "{\"authorized\":\"YES\",\"years\":1e999,\"languages\":[\"Java\"]}"))
                .post("/v1/applications"), 422, "answers.years");

        assertEquals(List.of(), deviations, String.join("\n", deviations));
    }

    private String ownCursor(String posting) {
        String someone = Fixtures.newCandidate("pager");
        Fixtures.apply(someone, posting);
        Fixtures.apply(someone, Fixtures.publishedPosting(Ids.newId()));
        return given().auth().oauth2(someone).get("/v1/me/applications?limit=1").then().statusCode(200)
                .extract().path("nextCursor");
    }

    private void check(String what, String token, Function<RequestSpecification, Response> request, int status,
            String field) {
        Response response = request.apply(given().auth().oauth2(token).urlEncodingEnabled(false));
        String body = response.asString();
        String type = String.valueOf(response.contentType());
        if (response.statusCode() != status || !type.startsWith("application/problem+json")) {
            deviations.add(what + ": " + response.statusCode() + " " + type + " " + body);
            return;
        }
        if (field != null && !field.equals(response.jsonPath().getString("errors[0].field"))) {
            deviations.add(what + ": names " + response.jsonPath().getString("errors.field") + ", not " + field + ": " + body);
        }
    }
}
