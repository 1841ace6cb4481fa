package org.jobboard.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.jobboard.systemtests.Stack.as;
import static org.jobboard.systemtests.Stack.eventually;
import static org.jobboard.systemtests.Stack.gateway;

/** Publish in postings-service, find it in search-service through the gateway; close it, and it is gone. */
class SearchEndToEndTest {
    @BeforeAll
    static void acme() {
        Stack.ensureAcme();
    }

    /**
     * Polled while waiting, so with rita's token: an anonymous caller's bucket (60 a minute per IP) would be empty
     * after a few seconds of polling and turn a slow index into a 429. The anonymous search is checked below.
     */
    private static List<String> idsFor(String query) {
        return as("rita").queryParam("q", query).queryParam("organizationId", Stack.ACME).get("/v1/search/postings")
                .then().statusCode(200).extract().jsonPath().getList("items.id");
    }

    @Test
    void aPublishedPostingBecomesSearchableAndAClosedOneDisappears() throws Exception {
        String word = "zyx" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String posting = """
                {"title":"Observability Engineer %s","description":"Dashboards and alerts.","employmentTypes":["FULL_TIME"],
                 "workplaceType":"HYBRID","locations":[{"country":"US","region":"TX","city":"Austin","latitude":30.2672,"longitude":-97.7431}],
                 "skills":["Prometheus"],"applyMethod":{"type":"EXTERNAL","url":"https://acme.example/jobs/1"}}""".formatted(word);
        String id = as("rita").contentType("application/json").body(posting).post("/v1/postings")
                .then().statusCode(201).extract().path("id");
        as("rita").contentType("application/json").body("{}").post("/v1/postings/" + id + "/publish").then().statusCode(200);
        eventually(() -> idsFor(word).contains(id), "the posting to be searchable");
        gateway().queryParam("q", word).get("/v1/search/postings").then().statusCode(200)
                .body("items[0].title", equalTo("Observability Engineer " + word),
                        "items[0].organization.id", equalTo(Stack.ACME));
        gateway().queryParam("q", word).queryParam("near", "30.27,-97.74").queryParam("radiusKm", "25")
                .get("/v1/search/postings").then().statusCode(200).body("items.id", hasItem(id));
        gateway().queryParam("q", word).queryParam("near", "40.71,-74.00").queryParam("radiusKm", "25")
                .get("/v1/search/postings").then().statusCode(200).body("items.id", not(hasItem(id)));
        gateway().queryParam("radiusKm", "25").get("/v1/search/postings").then().statusCode(400)
                .contentType("application/problem+json");

        as("rita").contentType("application/json").body("{\"reason\":\"FILLED\"}").post("/v1/postings/" + id + "/close")
                .then().statusCode(200);
        eventually(() -> !idsFor(word).contains(id), "the closed posting to leave the index");
    }
}
