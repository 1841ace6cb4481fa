package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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

    @Test
    void theApiDocumentsStayOnThePublicPort() throws InterruptedException {
        // the merged document is there once the first service's document has been fetched after start
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (given().get("/q/openapi").statusCode() == 503 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/openapi-gateway").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void probesAndMetricsAreOnTheManagementPort() {
        given().get(managementReady).then().statusCode(200).body("status", equalTo("UP"));
        given().get(managementMetrics).then().statusCode(200);
    }
}
