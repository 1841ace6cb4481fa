package org.jobboard.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import static org.hamcrest.Matchers.equalTo;
import static org.jobboard.systemtests.Stack.as;
import static org.jobboard.systemtests.Stack.eventually;

/**
 * The hiring story through the gateway with real tokens: rita publishes, alice applies, rita moves her to INTERVIEW,
 * alice sees INTERVIEWING; bob and ralph see nothing of it.
 */
class HiringEndToEndTest {
    @BeforeAll
    static void acme() {
        Stack.ensureAcme();
    }

    @Test
    void ritaPublishesAliceAppliesAndFollowsHerApplication() throws Exception {
        String posting = """
                {"title":"Platform Engineer","description":"Run **Kubernetes** for us.","employmentTypes":["FULL_TIME"],
                 "workplaceType":"ON_SITE","locations":[{"country":"US","region":"TX","city":"Austin"}],
                 "applyMethod":{"type":"DIRECT","questions":[
                   {"id":"authorized","label":"Authorized to work in the US?","type":"YES_NO","required":true,"knockoutAnswer":"NO"}]}}""";
        String postingId = as("rita").contentType("application/json").body(posting).post("/v1/postings")
                .then().statusCode(201).extract().path("id");
        as("rita").contentType("application/json").body("{}").post("/v1/postings/" + postingId + "/publish")
                .then().statusCode(200);

        String application = """
                {"postingId":"%s","name":"Alice Candidate","email":"alice@example.org","phone":"+14155550123",
                 "answers":{"authorized":"YES"},"coverLetter":"I love clusters.",
                 "consent":{"privacyPolicyVersion":"2026-01","marketing":false},"source":{"utmSource":"e2e"}}"""
                .formatted(postingId);
        // the applications replica learns of the posting from Kafka (applying is refused until then); wait with a
        // read so that the candidate's tight apply rate limit is not spent on polling
        eventually(() -> as("rita").queryParam("postingId", postingId).get("/v1/applications").statusCode() == 200,
                "the posting to reach applications-service");
        String[] applicationId = { as("alice").contentType("application/json").body(application).post("/v1/applications")
                .then().statusCode(201).extract().path("id") };

        // candidates read theirs in their own space; the recruiters' view is not theirs
        as("alice").get("/v1/me/applications/" + applicationId[0]).then().statusCode(200)
                .body("status", equalTo("SUBMITTED"));
        as("alice").get("/v1/applications/" + applicationId[0]).then().statusCode(403);
        as("bob").get("/v1/me/applications/" + applicationId[0]).then().statusCode(404);
        as("ralph").get("/v1/applications/" + applicationId[0]).then().statusCode(404);

        for (String stage : new String[] { "SCREENING", "INTERVIEW" }) {
            String etag = as("rita").get("/v1/applications/" + applicationId[0]).then().statusCode(200)
                    .extract().header("ETag");
            as("rita").contentType("application/json").header("If-Match", etag)
                    .body("{\"to\":\"" + stage + "\",\"note\":\"strong profile\"}")
                    .post("/v1/applications/" + applicationId[0] + "/transitions").then().statusCode(200)
                    .body("stage", equalTo(stage));
        }
        as("alice").get("/v1/me/applications/" + applicationId[0]).then().statusCode(200)
                .body("status", equalTo("INTERVIEWING"), "note", equalTo(null));
        as("alice").get("/v1/me/applications").then().statusCode(200)
                .body("items.find { it.id == '" + applicationId[0] + "' }.status", equalTo("INTERVIEWING"));
    }
}
