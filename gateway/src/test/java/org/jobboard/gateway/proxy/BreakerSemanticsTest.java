package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jobboard.gateway.config.GatewayConfig;
import org.jobboard.gateway.time.ManualTicker;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The breaker opens on failures of an instance only (EchoUpstreams: threshold 3, open 1 s, search timeout 1 s, client
 * idle timeout 1 s): one caller's bad requests must not take the service away from everyone else. The breaker's open
 * time passes on the {@link ManualTicker}; the timeouts are real socket timeouts.
 */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class BreakerSemanticsTest {
    @Inject
    Upstreams upstreams;

    @Inject
    ManualTicker ticker;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "echo.url")
    String echo;

    private CircuitBreaker searchBreaker() {
        return upstreams.get("search").instances().get(0).breaker();
    }

    @Test
    void fiftyBadRequestsFromOneCallerLeaveTheServiceToEveryoneElse() throws Exception {
        String token = TestTokens.candidate("mallory");
        String mallory = "Authorization: Bearer " + token;
        // answers of the application: the instance is alive
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get("/v1/search/status/500").then().statusCode(500);
        }
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/v1/search/status/504").then().statusCode(504);
        }
        // the service shedding load (a burst of uploads): 503 with Retry-After is its answer, passed on as it is
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/v1/search/busy").then().statusCode(503).header("Retry-After", "5");
        }
        // bodies the client breaks off, with and without Content-Length
        for (int i = 0; i < 15; i++) {
            try (RawHttp raw = new RawHttp(RestAssured.port)) {
                if (i % 3 == 0) {
                    raw.head("POST", "/v1/search/upload", mallory, "Transfer-Encoding: chunked")
                            .write("400\r\n".getBytes()).write(new byte[100]);
                } else {
                    raw.head("POST", "/v1/search/upload", mallory, "Content-Length: 100000").write(new byte[1000]);
                }
            }
        }
        // bodies that stop arriving: each is the client's 408, none a failure of the instance
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<RawHttp.Response>> stalled = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                stalled.add(pool.submit(() -> {
                    try (RawHttp raw = new RawHttp(RestAssured.port)) {
                        return raw.head("POST", "/v1/search/upload", mallory, "Content-Length: 100000")
                                .write(new byte[1000]).read();
                    }
                }));
            }
            for (Future<RawHttp.Response> response : stalled) {
                assertEquals(408, response.get(20, TimeUnit.SECONDS).status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(CircuitBreaker.State.CLOSED, searchBreaker().state());
        given().auth().oauth2(TestTokens.candidate("alice")).get("/v1/search/postings").then().statusCode(200);
        given().get("/v1/search/postings").then().statusCode(200);
    }

    @Test
    void anInstanceThatIsDownOpensItsBreaker() {
        String candidate = TestTokens.candidate("alice");
        control("down");
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(502)
                        .body("detail", equalTo("the applications service is unavailable"));
            }
            given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(502)
                    .body("detail", containsString("circuit open"));
        } finally {
            control("up");
        }
        servedAfterTheOpenDuration(candidate, "/v1/me/applications");
    }

    @Test
    void anInstanceSilentAfterTheWholeRequestOpensItsBreaker() {
        String candidate = TestTokens.candidate("alice");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(candidate).contentType("application/octet-stream").body(new byte[10_000])
                    .post("/v1/search/slow").then().statusCode(504).contentType("application/problem+json");
        }
        assertEquals(CircuitBreaker.State.OPEN, searchBreaker().state());
        given().auth().oauth2(candidate).get("/v1/search/postings").then().statusCode(502)
                .body("detail", containsString("circuit open"));
        ticker.advance(config.breaker().openDuration().minusMillis(1));
        assertEquals(CircuitBreaker.State.OPEN, searchBreaker().state(), "open for its whole open duration");
        servedAfterTheOpenDuration(candidate, "/v1/search/postings");
    }

    private void control(String action) {
        given().baseUri(echo).get("/__control/applications/" + action).then().statusCode(200);
    }

    /** Once the open time has passed, the breaker lets a probe through, which closes it again. */
    private void servedAfterTheOpenDuration(String token, String path) {
        ticker.advance(config.breaker().openDuration());
        given().auth().oauth2(token).get(path).then().statusCode(200);
        given().auth().oauth2(token).get(path).then().statusCode(200);
    }
}
