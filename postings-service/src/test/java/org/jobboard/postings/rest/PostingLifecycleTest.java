package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.jobboard.postings.rest.PostingFixtures.complete;
import static org.jobboard.postings.rest.PostingFixtures.createDraft;
import static org.jobboard.postings.rest.PostingFixtures.inDays;

@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class PostingLifecycleTest {
    String organization;
    String recruiter;

    @BeforeEach
    void organization() {
        organization = PostingFixtures.newOrganization("Lifecycle Inc");
        recruiter = PostingFixtures.recruiter(organization);
    }

    @Test
    void draftIsPrivateUntilPublished() {
        String id = given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(complete("Senior Java Developer"))
                .post("/v1/postings")
                .then().statusCode(201)
                .header("Location", containsString("/v1/postings/"))
                .header("ETag", "\"0\"")
                .body("status", equalTo("DRAFT"), "organizationId", equalTo(organization),
                        "skills", hasItems("java", "kubernetes"))
                .extract().path("id");

        given().get("/v1/postings/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        given().auth().oauth2(TestTokens.candidate("alice")).get("/v1/postings/" + id).then().statusCode(404);
        given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200).body("status", equalTo("DRAFT"));

        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"), "publishedAt", notNullValue(),
                        "validThrough", notNullValue());
        given().get("/v1/postings/" + id).then().statusCode(200).body("title", equalTo("Senior Java Developer"));
    }

    @Test
    void closeReopenAndIllegalTransitions() {
        String id = PostingFixtures.createPublished(recruiter, "Data Engineer");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                .post("/v1/postings/" + id + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"), "closeReason", equalTo("FILLED"));
        given().get("/v1/postings/" + id).then().statusCode(404);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                .post("/v1/postings/" + id + "/close").then().statusCode(409);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/reopen").then().statusCode(400)
                .body("errors.field", hasItem("validThrough"));
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"validThrough\":\"" + inDays(200) + "\"}")
                .post("/v1/postings/" + id + "/reopen").then().statusCode(422)
                .body("errors.field", hasItem("validThrough"));
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"validThrough\":\"" + inDays(10) + "\"}")
                .post("/v1/postings/" + id + "/reopen").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        // only drafts can be deleted
        given().auth().oauth2(recruiter).header("If-Match", "*").delete("/v1/postings/" + id).then().statusCode(409);
    }

    @Test
    void publishNamesEveryMissingField() {
        String id = createDraft(recruiter, "{\"title\":\"Barista\"}");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItems("description", "employmentTypes", "workplaceType", "locations",
                        "applyMethod"));
    }

    @Test
    void remotePostingNeedsApplicantCountriesAndEuRequiresPay() {
        String body = """
                {"title":"Remote Support Engineer","description":"Help customers.","employmentTypes":["FULL_TIME"],
                 "workplaceType":"REMOTE","applyMethod":{"type":"EXTERNAL","url":"https://jobs.example.org/apply/1"}}""";
        String id = createDraft(recruiter, body);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(422)
                .body("errors.field", hasItem("applicantLocationRequirements"));
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"applicantLocationRequirements\":[\"DE\"]}")
                .patch("/v1/postings/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(422)
                .body("errors.field", hasItem("salary"), "errors.message", hasItem(containsString("2023/970")));
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"salary\":{\"currency\":\"EUR\",\"min\":\"50000\",\"max\":\"65000\",\"period\":\"YEAR\"}}")
                .patch("/v1/postings/" + id).then().statusCode(200);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200);
    }

    @Test
    void patchNeedsCurrentEtagAndRejectsUnknownFields() {
        String id = createDraft(recruiter, complete("Platform Engineer"));
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").body("{\"title\":\"New\"}")
                .patch("/v1/postings/" + id).then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"7\"")
                .body("{\"title\":\"New title\"}")
                .patch("/v1/postings/" + id).then().statusCode(412);
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"titel\":\"typo\"}")
                .patch("/v1/postings/" + id).then().statusCode(400).body("errors.field", hasItem("titel"));
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"salary\":{\"min\":\"abc\"}}")
                .patch("/v1/postings/" + id).then().statusCode(400).body("errors.field", hasItem("salary.min"));
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"title\":\"Staff Platform Engineer\",\"category\":null}")
                .patch("/v1/postings/" + id).then().statusCode(200)
                .body("title", equalTo("Staff Platform Engineer"), "category", equalTo(null), "version", equalTo(1));
    }

    @Test
    void ifNoneMatchAnswers304AndIfMatchComparesStrongly() {
        String id = createDraft(recruiter, complete("Conditional Engineer"));
        String etag = given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200)
                .header("ETag", "\"0\"").extract().header("ETag");
        for (String current : new String[] { etag, "W/" + etag, "\"7\", " + etag, "*" }) {
            given().auth().oauth2(recruiter).header("If-None-Match", current).get("/v1/postings/" + id).then()
                    .statusCode(304).header("ETag", etag).header("Vary", containsString("Accept")).body(equalTo(""));
        }
        // a list split across header lines counts as one list
        given().auth().oauth2(recruiter).header("If-None-Match", "\"7\"").header("If-None-Match", etag)
                .get("/v1/postings/" + id).then().statusCode(304);
        for (String stale : new String[] { "\"7\"", "", "x", "\"", "W/", "\"" + "0".repeat(5000) }) {
            given().auth().oauth2(recruiter).header("If-None-Match", stale).get("/v1/postings/" + id).then()
                    .statusCode(200).header("ETag", etag);
        }
        // a 304 never reveals a posting the caller may not see
        given().header("If-None-Match", "*").get("/v1/postings/" + id).then().statusCode(404);

        // If-Match: strong comparison, so a weak tag is a 412 however equal its value
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "W/" + etag)
                .body("{\"title\":\"Weakly matched\"}").patch("/v1/postings/" + id).then().statusCode(412)
                .contentType("application/problem+json").body("status", equalTo(412));
        given().auth().oauth2(recruiter).header("If-Match", "W/" + etag).delete("/v1/postings/" + id).then()
                .statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).header("If-Match", "W/" + etag).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(412);
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "\"9\", " + etag)
                .body("{\"title\":\"Strongly matched\"}").patch("/v1/postings/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");
    }

    @Test
    void organizationGetAnswers304AndItsPatchComparesStrongly() {
        given().header("If-None-Match", "\"0\"").get("/v1/organizations/" + organization).then().statusCode(304)
                .header("ETag", "\"0\"");
        given().header("If-None-Match", "W/\"0\"").get("/v1/organizations/" + organization).then().statusCode(304);
        given().header("If-None-Match", "\"1\"").get("/v1/organizations/" + organization).then().statusCode(200)
                .body("name", equalTo("Lifecycle Inc"));
        given().header("If-None-Match", "*").get("/v1/organizations/" + org.jobboard.platform.ids.Ids.newId())
                .then().statusCode(404);
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", "W/\"0\"")
                .body("{\"description\":\"x\"}").patch("/v1/organizations/" + organization).then().statusCode(412)
                .contentType("application/problem+json");
    }

    @Test
    void descriptionHtmlIsSanitized() {
        String body = complete("Security Engineer").replace("## Role\\nBuild things with **Java**.",
                "<script>alert(1)</script><img src=x onerror=alert(2)>\\n\\n[click](javascript:alert(3)) <a href=\\\"#\\\" onclick=\\\"x()\\\">a</a> **bold**");
        String id = createDraft(recruiter, body);
        given().auth().oauth2(recruiter).get("/v1/postings/" + id).then().statusCode(200)
                .body("descriptionHtml", not(containsString("<script")),
                        "descriptionHtml", not(containsString("<img")),
                        "descriptionHtml", not(containsString("<a href=\"#\"")),
                        "descriptionHtml", not(containsString("href=\"javascript")),
                        "descriptionHtml", containsString("<strong>bold</strong>"));
    }

    @Test
    void requisitionIdIsUniqueWithinTheOrganization() {
        String body = complete("Analyst").replaceAll("\"requisitionId\":\"[^\"]+\"", "\"requisitionId\":\"R-1\"");
        createDraft(recruiter, body);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(body).post("/v1/postings")
                .then().statusCode(409);
        String other = PostingFixtures.newOrganization("Other Org");
        createDraft(PostingFixtures.recruiter(other), body);
    }
}
