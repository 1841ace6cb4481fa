package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jobboard.gateway.openapi.MergedOpenApi;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Health, metrics and the like are served on the management port only; the public port keeps the API documents. */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class ManagementInterfaceTest {
    @TestHTTPResource(value = "/health/ready", management = true) // under the management root, /q
    URL managementReady;

    @TestHTTPResource(value = "/metrics", management = true)
    URL managementMetrics;

    @Test
    void managementEndpointsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/metrics", "/q/health", "/q/health/ready", "/q/health/live",
                "/q/health/started", "/q/dev-ui", "/q/dev", "/q/info"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Inject
    MergedOpenApi mergedOpenApi;

    @Test
    void theApiDocumentsStayOnThePublicPort() throws Exception {
        // the merged document is there once a service's document has been fetched: by this refresh (done when every
        // fetch is, one of which fails here: an instance that is down), or by the one at start
        mergedOpenApi.refresh().otherwiseEmpty().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/openapi-gateway").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        given().get(managementReady).then().statusCode(200).body("status", equalTo("UP"));
        given().get(managementMetrics).then().statusCode(200);
    }

    @Test
    void requestMetricsHaveOneSeriesPerRouteNotPerId() {
        given().get("/v1/postings/metrics-check-1").then().statusCode(200);
        given().get("/v1/postings/metrics-check-2").then().statusCode(200);
        String metrics = given().get(managementMetrics).then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("http_server_requests_seconds_count{") && metrics.contains("uri=\"/v1/postings/*\""),
                "no series for the route");
        assertFalse(metrics.contains("metrics-check"), "a series per posting id");
        assertTrue(metrics.contains("gateway_requests_seconds_count{route=\"/v1/postings\""), "no gateway timer");
    }
}
