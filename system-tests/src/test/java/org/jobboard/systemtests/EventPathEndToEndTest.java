package org.jobboard.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.hamcrest.Matchers.equalTo;
import static org.jobboard.systemtests.Stack.as;

/**
 * The event path across services: a posting published in postings-service (outbox -> relay -> Kafka) is consumed by
 * applications-service, whose replica then knows the posting belongs to Acme.
 */
class EventPathEndToEndTest {
    @BeforeAll
    static void acme() {
        Stack.ensureAcme();
    }

    @Test
    void aPublishedPostingReachesTheApplicationsReplica() throws Exception {
        String body = """
                {"title":"Kafka Plumber","description":"Keep events flowing.","employmentTypes":["FULL_TIME"],
                 "workplaceType":"ON_SITE","locations":[{"country":"US","region":"TX","city":"Austin"}],
                 "applyMethod":{"type":"DIRECT"}}""";
        String id = as("rita").contentType("application/json").body(body).post("/v1/postings")
                .then().statusCode(201).extract().path("id");
        // not yet public: the replica does not know it, so for rita it does not exist
        as("rita").queryParam("postingId", id).get("/v1/applications").then().statusCode(404);
        as("rita").contentType("application/json").body("{}").post("/v1/postings/" + id + "/publish")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        Stack.eventually(() -> as("rita").queryParam("postingId", id).get("/v1/applications").statusCode() == 200,
                "the posting to reach applications-service");
        // another organization's recruiter still cannot see it
        as("ralph").queryParam("postingId", id).get("/v1/applications").then().statusCode(404);
    }
}
