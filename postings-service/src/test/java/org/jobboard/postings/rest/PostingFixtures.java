package org.jobboard.postings.rest;

import io.restassured.http.ContentType;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;

/** Organizations and posting bodies for the postings-service tests. */
final class PostingFixtures {
    private PostingFixtures() {
    }

    /** Registers a new organization through the API (as an admin) and returns its id. */
    static String newOrganization(String name) {
        String id = Ids.newId();
        given().auth().oauth2(TestTokens.admin("admin-1")).contentType(ContentType.JSON)
                .body("{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"website\":\"https://example.org\","
                        + "\"logoUrl\":\"https://example.org/logo.png\"}")
                .post("/v1/organizations").then().statusCode(201);
        return id;
    }

    static String recruiter(String organizationId) {
        return TestTokens.recruiter("recruiter-of-" + organizationId, organizationId);
    }

    /** A posting that passes every publish check (Colorado, with the salary range Colorado requires). */
    static String complete(String title) {
        return """
                {"title":"%s","description":"## Role\\nBuild things with **Java**.","requisitionId":"%s",
                 "employmentTypes":["FULL_TIME"],"workplaceType":"HYBRID",
                 "locations":[{"country":"US","region":"CO","city":"Denver","postalCode":"80202","latitude":39.7392,"longitude":-104.9903}],
                 "salary":{"currency":"USD","min":"90000","max":"120000","period":"YEAR"},
                 "seniority":"SENIOR","skills":["Java","Kubernetes"],"category":"Engineering",
                 "applyMethod":{"type":"DIRECT","questions":[{"id":"authorized","label":"Authorized to work in the US?","type":"YES_NO","required":true,"knockoutAnswer":"NO"}]}}
                """.formatted(title, "REQ-" + Ids.newId().substring(24));
    }

    static String createDraft(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/v1/postings").then().statusCode(201).extract().path("id");
    }

    static String createPublished(String token, String title) {
        String id = createDraft(token, complete(title));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200);
        return id;
    }

    static String inDays(int days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
