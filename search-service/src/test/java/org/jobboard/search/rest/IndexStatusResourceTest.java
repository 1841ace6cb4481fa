package org.jobboard.search.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.platform.testing.Poll;
import org.jobboard.search.testing.Searches;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class IndexStatusResourceTest {
    @Test
    void onlyAdminsSeeTheIndexStatus() {
        given().get("/v1/search/index").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.candidate("alice")).get("/v1/search/index").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("ada")).get("/v1/search/index").then().statusCode(200);
    }

    @Test
    void theStatusReportsRealNumbers() {
        String org = TestPosting.newOrganization();
        new TestPosting(org, "Status Reporter").publish();
        Searches.awaitOrganization(org, 1);
        awaitReady();
        JsonPath status = awaitStatus();
        assertTrue(status.getLong("documents") >= 1, status.prettify());
        assertTrue(status.getLong("sizeBytes") > 0, status.prettify());
        Map<String, Object> applied = status.getMap("appliedOffsets");
        assertTrue(applied.size() >= 1, status.prettify());
        assertTrue(status.getBoolean("caughtUp"));
    }

    private static JsonPath awaitStatus() {
        return Poll.untilPresent("a commit of the index", Duration.ofSeconds(10), () -> {
            JsonPath status = given().auth().oauth2(TestTokens.admin("ada")).get("/v1/search/index").then()
                    .statusCode(200).extract().jsonPath();
            return status.getMap("committedOffsets").isEmpty() ? null : status;
        });
    }

    @Test
    void readinessWaitsForTheIndexAndTheBrokerHasAGroupOfItsOwn() {
        awaitReady();
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"),
                "checks.name", hasItem("Search index caught up"), "checks.name", not(hasItem(containsString("Kafka"))));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("Search index writable"));
        given().get("/q/health/group/broker").then().body("checks.name", hasItem("Kafka broker"));
    }

    static void awaitReady() {
        Poll.until("readiness", Duration.ofSeconds(60), () -> given().get("/q/health/ready").statusCode() == 200);
    }
}
