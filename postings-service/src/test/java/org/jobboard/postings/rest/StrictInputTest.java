package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.jobboard.postings.rest.PostingFixtures.complete;
import static org.jobboard.postings.rest.PostingFixtures.createDraft;

/**
 * The platform's strict input (StrictJson, StrictParameters) in a real service: wrong JSON types and control
 * characters are a 400 naming the field, never coerced and never a 500 from the database.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class StrictInputTest {
    String recruiter;

    @BeforeEach
    void organization() {
        recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Strict Input Inc"));
    }

    @Test
    void wrongJsonTypesAreRefusedNotCoerced() {
        assertRefused("{\"title\":12345}", "title", "must be a string");
        assertRefused("{\"title\":[\"Barista\"]}", "title", "must be a string");
        assertRefused("{\"title\":\"Barista\",\"employmentTypes\":\"FULL_TIME\"}", "employmentTypes", "must be an array");
        assertRefused("{\"title\":\"Barista\",\"workplaceType\":1}", "workplaceType",
                "must be one of [ON_SITE, HYBRID, REMOTE]");
        assertRefused("{\"title\":\"Barista\",\"locations\":[{\"country\":\"US\",\"latitude\":\"39.7\"}]}",
                "locations[0].latitude", "must be a number");
        assertRefused("{\"title\":\"Barista\",\"validThrough\":1893456000}", "validThrough", "must be a valid Instant");
    }

    @Test
    void moneyStaysADecimalString() {
        String id = createDraft(recruiter, complete("Barista"));
        given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200)
                .body("salary.min", equalTo("90000"));
    }

    @Test
    void controlCharactersInJsonAreRefusedAtAnyDepth() {
        // NUL was a 500: PostgreSQL cannot store it
        assertRefused("{\"title\":\"Bar\\u0000ista\"}", "title", "must not contain control characters");
        assertRefused("{\"title\":\"Barista \\u0001\"}", "title", "must not contain control characters");
        assertRefused("{\"title\":\"Barista\",\"skills\":[\"java\",\"k8s\\u001b\"]}", "skills[1]",
                "must not contain control characters");
        assertRefused("{\"title\":\"Barista\",\"locations\":[{\"country\":\"US\",\"city\":\"Den\\u0000ver\"}]}",
                "locations[0].city", "must not contain control characters");
        String id = createDraft(recruiter, "{\"title\":\"Barista\",\"description\":\"Line one\\r\\n\\tIndented \u00e9\"}");
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"applyMethod\":{\"type\":\"EXTERNAL\",\"url\":\"https://x.example/\\u0000\"}}")
                .patch("/v1/postings/" + id).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("applyMethod.url"));
    }

    @Test
    void controlCharactersInQueryAndPathParametersAreRefused() {
        given().auth().oauth2(recruiter).queryParam("updatedSince", "2026-01-01\u0000")
                .get("/v1/postings").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("updatedSince"),
                        "errors.message", contains("must not contain control characters"));
        given().auth().oauth2(recruiter).urlEncodingEnabled(false)
                .get("/v1/postings/0193e0a0%00-0000").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("id"));
        given().auth().oauth2(recruiter).urlEncodingEnabled(false).get("/v1/postings?cursor=%01").then().statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    private void assertRefused(String body, String field, String message) {
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(body)
                .post("/v1/postings").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "errors.field", contains(field), "errors.message", contains(message));
    }
}
