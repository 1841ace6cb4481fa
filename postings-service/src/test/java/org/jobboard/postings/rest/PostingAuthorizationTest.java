package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Who may do what: anonymous, candidate, the organization's recruiter, another organization's recruiter, admin, aggregator. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class PostingAuthorizationTest {
    String organization;
    String owner;
    String stranger;
    String draftId;
    String publishedId;

    @BeforeEach
    void setUp() {
        organization = PostingFixtures.newOrganization("Owner Org");
        owner = PostingFixtures.recruiter(organization);
        stranger = PostingFixtures.recruiter(PostingFixtures.newOrganization("Stranger Org"));
        draftId = PostingFixtures.createDraft(owner, PostingFixtures.complete("Draft Role"));
        publishedId = PostingFixtures.createPublished(owner, "Published Role");
    }

    @Test
    void creatingNeedsARecruiterToken() {
        given().contentType(ContentType.JSON).body(PostingFixtures.complete("X Role")).post("/v1/postings")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        for (String token : List.of(TestTokens.candidate("alice"), TestTokens.admin("ada"), TestTokens.aggregator("agg"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(PostingFixtures.complete("X Role"))
                    .post("/v1/postings").then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(TestTokens.expired("alice")).contentType(ContentType.JSON)
                .body(PostingFixtures.complete("X Role")).post("/v1/postings").then().statusCode(401);
        given().auth().oauth2(TestTokens.forged("alice")).get("/v1/postings/" + publishedId).then().statusCode(401);
        // a recruiter token without an organization claim may do nothing
        given().auth().oauth2(TestTokens.token("r", List.of("recruiter"), null, 300)).contentType(ContentType.JSON)
                .body(PostingFixtures.complete("X Role")).post("/v1/postings").then().statusCode(403);
    }

    @Test
    void anotherOrganizationsRecruiterCannotSeeOrChangeIt() {
        given().auth().oauth2(stranger).get("/v1/postings/" + draftId).then().statusCode(404);
        given().auth().oauth2(stranger).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"title\":\"Hijacked\"}").patch("/v1/postings/" + draftId).then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + draftId + "/publish").then().statusCode(404);
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body("{\"reason\":\"OTHER\"}")
                .post("/v1/postings/" + publishedId + "/close").then().statusCode(404);
        given().auth().oauth2(stranger).header("If-Match", "\"0\"").delete("/v1/postings/" + draftId)
                .then().statusCode(404);
        given().auth().oauth2(owner).get("/v1/postings/" + draftId).then().statusCode(200)
                .body("title", equalTo("Draft Role"));
    }

    /** Admins moderate: they read every organization's postings in any status; others see only published ones. */
    @Test
    void adminsReadEveryStatusOthersOnlyPublishedOrTheirOwn() {
        String closedId = PostingFixtures.createPublished(owner, "Closed Role");
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                .post("/v1/postings/" + closedId + "/close").then().statusCode(200);
        String admin = TestTokens.admin("ada");
        for (String hidden : List.of(draftId, closedId)) {
            given().get("/v1/postings/" + hidden).then().statusCode(404).contentType("application/problem+json");
            for (String token : List.of(TestTokens.candidate("alice"), TestTokens.aggregator("agg"), stranger)) {
                given().auth().oauth2(token).get("/v1/postings/" + hidden).then().statusCode(404);
                given().auth().oauth2(token).accept("application/ld+json").get("/v1/postings/" + hidden)
                        .then().statusCode(404);
            }
            given().auth().oauth2(owner).get("/v1/postings/" + hidden).then().statusCode(200);
            given().auth().oauth2(admin).get("/v1/postings/" + hidden).then().statusCode(200);
        }
        given().auth().oauth2(admin).queryParam("status", "DRAFT,CLOSED").queryParam("limit", 100).get("/v1/postings")
                .then().statusCode(200).body("items.id", hasItem(draftId), "items.id", hasItem(closedId),
                        "items.status", everyItem(org.hamcrest.Matchers.oneOf("DRAFT", "CLOSED")));
        given().auth().oauth2(TestTokens.candidate("alice")).queryParam("status", "DRAFT").get("/v1/postings")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        // moderation is reading: an admin still changes nothing
        given().auth().oauth2(admin).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"title\":\"Moderated\"}").patch("/v1/postings/" + draftId).then().statusCode(403);
    }

    @Test
    void listsAreScopedToTheCaller() {
        given().auth().oauth2(owner).queryParam("status", "DRAFT").get("/v1/postings").then().statusCode(200)
                .body("items.id", hasItem(draftId), "items.status", everyItem(equalTo("DRAFT")));
        given().auth().oauth2(stranger).get("/v1/postings").then().statusCode(200)
                .body("items.id", not(hasItem(draftId)), "items.id", not(hasItem(publishedId)));
        given().get("/v1/postings?limit=100").then().statusCode(200)
                .body("items.status", everyItem(equalTo("PUBLISHED")), "items.id", not(hasItem(draftId)));
        given().queryParam("status", "DRAFT").get("/v1/postings").then().statusCode(400)
                .body("errors.field", hasItem("status"));
    }

    @Test
    void organizationsAreCreatedByAdminsAndEditedOnlyByTheirRecruiters() {
        given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"name\":\"Mine\"}")
                .post("/v1/organizations").then().statusCode(403);
        given().get("/v1/organizations/" + organization).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("Owner Org"));
        given().auth().oauth2(stranger).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\":\"Taken over\"}").patch("/v1/organizations/" + organization).then().statusCode(404);
        given().auth().oauth2(owner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"description\":\"We build.\"}").patch("/v1/organizations/" + organization)
                .then().statusCode(200).body("description", equalTo("We build."), "name", equalTo("Owner Org"));
    }

    @Test
    void malformedIdsAreNotFoundNeverErrors() {
        given().get("/v1/postings/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/organizations/%27%20or%201=1").then().statusCode(404);
        given().queryParam("limit", 1000).get("/v1/postings").then().statusCode(400).body("errors.field", hasItem("limit"));
        given().queryParam("limit", "abc").get("/v1/postings").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("limit"));
        given().queryParam("cursor", "garbage").get("/v1/postings").then().statusCode(400).body("errors.field", hasItem("cursor"));
        given().queryParam("updatedSince", "yesterday").get("/v1/postings").then().statusCode(400)
                .body("errors.field", hasItem("updatedSince"));
    }

    /** Inputs that once reached PostgreSQL or a wrong branch: each a 4xx problem naming the parameter. */
    @Test
    void timesOutsideRfc3339AndRepeatedStatusesAreNotErrors() {
        for (String time : List.of("-100000-01-01T00:00:00Z", "+294277-01-01T00:00:00Z", "+10000-01-01T00:00:00Z")) {
            given().queryParam("updatedSince", time).get("/v1/postings").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("updatedSince"));
            given().auth().oauth2(owner).contentType(ContentType.JSON)
                    .body("{\"title\":\"Time Role\",\"validThrough\":\"" + time + "\"}").post("/v1/postings")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("validThrough"));
            given().auth().oauth2(owner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                    .body("{\"validThrough\":\"" + time + "\"}").patch("/v1/postings/" + draftId)
                    .then().statusCode(400).body("errors.field", hasItem("validThrough"));
            given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"validThrough\":\"" + time + "\"}")
                    .post("/v1/postings/" + draftId + "/publish").then().statusCode(400)
                    .body("errors.field", hasItem("validThrough"));
            String item = PostingFixtures.complete("Batch Time").replace("\"employmentTypes\"",
                    "\"validThrough\":\"" + time + "\",\"employmentTypes\"");
            given().auth().oauth2(owner).contentType(ContentType.JSON).body("{\"items\":[" + item + "]}")
                    .post("/v1/postings/batch").then().statusCode(200)
                    .body("items[0].errors.field", hasItem("items[0].validThrough"));
        }
        given().queryParam("updatedSince", "0000-01-01T00:00:00Z").get("/v1/postings").then().statusCode(200);
        given().queryParam("updatedSince", "9999-12-31T23:59:59Z").get("/v1/postings").then().statusCode(200);
        // the same status twice is still the public list
        given().queryParam("status", "PUBLISHED").queryParam("status", "PUBLISHED,PUBLISHED").get("/v1/postings")
                .then().statusCode(200);
    }
}
