package org.jobboard.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.jobboard.systemtests.Stack.as;
import static org.jobboard.systemtests.Stack.gateway;

/** One protected endpoint per service, through the gateway, with real Keycloak tokens: 401, 403, then success. */
class GatewaySecurityEndToEndTest {
    @BeforeAll
    static void acme() {
        Stack.ensureAcme();
    }

    @Test
    void gatewayServesTheApiDocumentsButNoManagementEndpoints() {
        gateway().get("/q/openapi").then().statusCode(200);
        // health and metrics are on the management port only (./dev waits on it), never through the public one
        gateway().get("/q/health/ready").then().statusCode(404);
        gateway().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void postingsService() {
        String body = "{\"title\":\"End to end engineer\"}";
        gateway().contentType("application/json").body(body).post("/v1/postings").then().statusCode(401)
                .contentType("application/problem+json").body("status", equalTo(401));
        as("alice").contentType("application/json").body(body).post("/v1/postings").then().statusCode(403)
                .contentType("application/problem+json");
        as("rita").contentType("application/json").body(body).post("/v1/postings").then().statusCode(201)
                .body("organizationId", equalTo(Stack.ACME), "status", equalTo("DRAFT"));
    }

    @Test
    void applicationsService() {
        gateway().get("/v1/me/applications").then().statusCode(401).contentType("application/problem+json");
        as("rita").get("/v1/me/applications").then().statusCode(403).contentType("application/problem+json");
        as("alice").get("/v1/me/applications").then().statusCode(200);
    }

    @Test
    void searchService() {
        gateway().get("/v1/search/index").then().statusCode(401).contentType("application/problem+json");
        as("alice").get("/v1/search/index").then().statusCode(403);
        as("ada").get("/v1/search/index").then().statusCode(200);
    }

    @Test
    void aggregatorClientCredentialsAreAccepted() {
        gateway().auth().oauth2(Stack.aggregatorToken()).get("/v1/postings?limit=1").then().statusCode(200);
        gateway().auth().oauth2(Stack.aggregatorToken()).contentType("application/json").body("{\"title\":\"Nope\"}")
                .post("/v1/postings").then().statusCode(403);
    }

    @Test
    void anInvalidTokenIsRejectedByTheGatewayItself() {
        gateway().auth().oauth2("not.a.token").get("/v1/postings").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
