package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.jobboard.postings.rest.PostingFixtures.complete;
import static org.jobboard.postings.rest.PostingFixtures.createDraft;

/** 405 with Allow, and clients that send Accept: application/problem+json (ProblemJsonAccepted in the platform). */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class NegotiationTest {
    static final String PROBLEM = "application/problem+json";
    String recruiter;

    @TestHTTPResource("/v1/postings")
    URI postings;

    @BeforeEach
    void organization() {
        recruiter = PostingFixtures.recruiter(PostingFixtures.newOrganization("Negotiation Inc"));
    }

    @Test
    void methodNotAllowedNamesTheAllowedMethods() {
        given().put("/v1/feeds/jobs.xml").then().statusCode(405).contentType(PROBLEM)
                .header("Allow", containsString("GET")).body("status", equalTo(405));
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .put("/v1/postings/0193e0a0-0000-7000-8000-00000000ac3e").then().statusCode(405).contentType(PROBLEM)
                .header("Allow", containsString("DELETE")).header("Allow", containsString("PATCH"));
    }

    @Test
    void problemJsonAloneIsAcceptedBesideEachOperationsOwnMediaType() {
        String id = createDraft(recruiter, complete("Accept Engineer"));
        given().auth().oauth2(recruiter).accept(PROBLEM).get("/v1/postings/" + id)
                .then().statusCode(200).contentType(ContentType.JSON).body("id", equalTo(id));
        given().auth().oauth2(recruiter).accept("application/ld+json, " + PROBLEM).get("/v1/postings/" + id)
                .then().statusCode(200).contentType(startsWith("application/ld+json"));
        given().accept(PROBLEM).get("/v1/feeds/jobs.xml").then().statusCode(200).contentType(startsWith("application/xml"));
        given().auth().oauth2(recruiter).accept(PROBLEM).contentType(ContentType.JSON).body(complete("Second"))
                .post("/v1/postings").then().statusCode(201);
        given().auth().oauth2(recruiter).accept(PROBLEM).header("If-Match", "\"0\"")
                .delete("/v1/postings/" + id).then().statusCode(204);
        // errors stay problem+json
        given().auth().oauth2(recruiter).accept(PROBLEM).get("/v1/postings/" + id)
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void problemJsonBesideJsonIsAccepted() {
        String id = createDraft(recruiter, complete("Both Engineer"));
        given().auth().oauth2(recruiter).accept("application/json, " + PROBLEM).header("If-Match", "\"0\"")
                .delete("/v1/postings/" + id).then().statusCode(204);
    }

    /**
     * Java's HttpClient as generated clients use it by default: HTTP/2 preferred, so a cleartext POST goes out as an
     * HTTP/1.1 request with "Upgrade: h2c" whose body Vert.x has already taken in when the routes run.
     */
    @Test
    void aPostThatAsksForAnUpgradeToHttp2IsServed() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest create = HttpRequest.newBuilder(postings).header("Authorization", "Bearer " + recruiter)
                .header("Content-Type", "application/json").header("Accept", "application/json, " + PROBLEM)
                .POST(HttpRequest.BodyPublishers.ofString(complete("Upgrade Engineer"))).build();
        HttpResponse<String> response = client.send(create, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
    }
}
