package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.jobboard.applications.support.Documents;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what, over every endpoint: anonymous, the application's candidate, another candidate, a recruiter of
 * the posting's organization, a recruiter of another one, a recruiter without organization, an admin. Anything a
 * caller may not see is 404 (the same as a missing id), never 403 that would confirm it exists.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class AuthorizationMatrixTest {
    String organization;
    String posting;
    String application;
    Map<String, String> callers;

    @BeforeEach
    void setUp() {
        organization = Ids.newId();
        posting = Fixtures.publishedPosting(organization);
        String owner = Fixtures.newCandidate("owner");
        application = Fixtures.applyMultipart(owner, Fixtures.application(posting), "cv.pdf", Documents.pdf("cv"),
                "application/pdf").statusCode(201).extract().path("id");
        callers = new LinkedHashMap<>();
        callers.put("anonymous", null);
        callers.put("owner", owner);
        callers.put("otherCandidate", Fixtures.newCandidate("mallory"));
        callers.put("recruiter", TestTokens.recruiter("rita", organization));
        callers.put("otherRecruiter", TestTokens.recruiter("ralph", Ids.newId()));
        callers.put("recruiterWithoutOrganization", TestTokens.token("nora", List.of("recruiter"), null, 300));
        callers.put("admin", TestTokens.admin("ada"));
    }

    /** Expected status per caller, in the order of {@link #callers}. */
    void check(String what, Function<RequestSpecification, io.restassured.response.Response> call, int anonymous,
            int owner, int otherCandidate, int recruiter, int otherRecruiter, int noOrganization, int admin) {
        int[] expected = { anonymous, owner, otherCandidate, recruiter, otherRecruiter, noOrganization, admin };
        int i = 0;
        for (var entry : callers.entrySet()) {
            RequestSpecification request = given();
            if (entry.getValue() != null) {
                request = request.auth().oauth2(entry.getValue());
            }
            var response = call.apply(request);
            assertEquals(expected[i++], response.statusCode(), what + " as " + entry.getKey() + ": " + response.asString());
            if (response.statusCode() >= 400) {
                assertEquals("application/problem+json", response.contentType(), what + " as " + entry.getKey());
            }
        }
    }

    @Test
    void readingAnApplication() {
        // the recruiters' view: candidates (its own too) are 403 for every id, like admins
        check("GET application", r -> r.get("/v1/applications/" + application), 401, 403, 403, 200, 404, 404, 403);
        // the candidate's view: their own only, anyone else's is 404 like a missing one
        check("GET own application", r -> r.get("/v1/me/applications/" + application), 401, 200, 404, 403, 403, 403, 403);
        check("GET resume", r -> r.get("/v1/applications/" + application + "/resume"), 401, 200, 404, 200, 404, 404, 403);
        check("GET unknown id", r -> r.get("/v1/applications/" + Ids.newId()), 401, 403, 403, 404, 404, 404, 403);
        check("GET own unknown id", r -> r.get("/v1/me/applications/" + Ids.newId()), 401, 404, 404, 403, 403, 403, 403);
        check("GET malformed id", r -> r.get("/v1/applications/not-a-uuid"), 401, 403, 403, 404, 404, 404, 403);
        check("GET own malformed id", r -> r.get("/v1/me/applications/not-a-uuid"), 401, 404, 404, 403, 403, 403, 403);
        // each view in its own terms
        given().auth().oauth2(callers.get("owner")).get("/v1/me/applications/" + application).then()
                .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("stage")));
        given().auth().oauth2(callers.get("recruiter")).get("/v1/applications/" + application).then()
                .body("stage", org.hamcrest.Matchers.equalTo("APPLIED"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("status")));
    }

    @Test
    void listing() {
        check("GET list of the posting", r -> r.queryParam("postingId", posting).get("/v1/applications"),
                401, 403, 403, 200, 404, 403, 403);
        check("GET own list", r -> r.get("/v1/me/applications"), 401, 200, 200, 403, 403, 403, 403);
        // another candidate's list is theirs: empty, never the owner's application
        given().auth().oauth2(callers.get("otherCandidate")).get("/v1/me/applications").then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(callers.get("otherRecruiter")).get("/v1/applications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(application)));
    }

    @Test
    void moving() {
        // wrong callers first: none of them may change anything
        check("POST transition", r -> r.contentType(ContentType.JSON).header("If-Match", "*")
                        .body("{\"to\":\"SCREENING\"}").post("/v1/applications/" + application + "/transitions"),
                401, 403, 403, 200, 404, 404, 403);
        check("POST withdraw", r -> r.post("/v1/applications/" + application + "/withdraw"),
                401, 200, 404, 403, 403, 403, 403);
        given().auth().oauth2(callers.get("recruiter")).get("/v1/applications/" + application).then()
                .body("stage", org.hamcrest.Matchers.equalTo("WITHDRAWN"))
                .body("history.size()", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void applying() {
        String body = Fixtures.application(posting);
        check("POST application", r -> r.contentType(ContentType.JSON).body(body).post("/v1/applications"),
                401, 409, 201, 403, 403, 403, 403);
    }

    @Test
    void privacyEndpoints() {
        check("GET export", r -> r.get("/v1/me/data"), 401, 200, 200, 403, 403, 403, 403);
        given().auth().oauth2(callers.get("otherCandidate")).get("/v1/me/data").then()
                .body("applications.size()", org.hamcrest.Matchers.equalTo(0));
        check("DELETE me", r -> r.delete("/v1/me"), 401, 204, 204, 403, 403, 403, 403);
    }

    @Test
    void forgedAndExpiredTokensAre401() {
        given().auth().oauth2(TestTokens.forged("alice")).get("/v1/me/applications").then().statusCode(401);
        // a limit that is not a number is a 400 naming it, not the 404 JAX-RS gives for an unconvertible parameter
        given().auth().oauth2(callers.get("otherCandidate")).queryParam("limit", "ten").get("/v1/me/applications").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", org.hamcrest.Matchers.hasItem("limit"));
        given().auth().oauth2(TestTokens.expired("alice")).get("/v1/applications/" + application).then().statusCode(401);
    }
}
