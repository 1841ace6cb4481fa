package org.jobboard.search.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class IndexStatusResourceTest {
    @Test
    void onlyAdminsSeeTheIndexStatus() {
        given().get("/v1/search/index").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.candidate("alice")).get("/v1/search/index").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin("ada")).get("/v1/search/index").then().statusCode(200);
    }

    @Test
    void readinessIncludesTheRealKafkaBroker() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"),
                "checks.name", hasItem("Kafka connection health check"));
    }
}
