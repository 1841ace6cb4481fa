package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jobboard.gateway.time.ManualTicker;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * In-memory token buckets: headers on every response, 429 with Retry-After when empty, recovery as tokens return
 * (time moved on the {@link ManualTicker}).
 */
@QuarkusTest
@TestProfile(RateLimitTest.TightLimits.class)
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class RateLimitTest {
    public static class TightLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("jobboard.gateway.trusted-proxies", "127.0.0.1",
                    "jobboard.gateway.rate-limit.limits.anonymous", "3/6s",
                    "jobboard.gateway.rate-limit.limits.candidate", "100/1m",
                    "jobboard.gateway.rate-limit.limits.candidate-apply", "2/1m");
        }
    }

    @Inject
    ManualTicker ticker;

    @Test
    void anonymousCallersAreLimitedByIpAndRecover() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().get("/v1/search/postings").then().statusCode(200)
                    .header("RateLimit-Limit", "3").header("RateLimit-Remaining", Integer.toString(remaining));
        }
        given().get("/v1/search/postings").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", "2").header("RateLimit-Reset", "6").header("RateLimit-Remaining", "0")
                .body("status", equalTo(429));
        // 3 per 6 s: a token returns every 2 s
        ticker.advance(Duration.ofSeconds(1));
        given().get("/v1/search/postings").then().statusCode(429).header("Retry-After", "1");
        ticker.advance(Duration.ofSeconds(1));
        given().get("/v1/search/postings").then().statusCode(200).header("RateLimit-Remaining", "0");
        given().get("/v1/search/postings").then().statusCode(429);
        // another caller (a token) has its own bucket
        given().auth().oauth2(TestTokens.candidate("bob")).get("/v1/search/postings").then().statusCode(200)
                .header("RateLimit-Limit", "100");
    }

    @Test
    void refusedRequestsAreLimitedPerClientAddressToo() {
        given().auth().oauth2(TestTokens.candidate("warm-2")).get("/v1/search/postings").then().statusCode(200);
        // another client address (told by the trusted proxy in front): its own anonymous bucket
        String client = "203.0.113.7";
        given().header("X-Forwarded-For", client).auth().oauth2(TestTokens.forged("x")).get("/v1/postings")
                .then().statusCode(401).contentType("application/problem+json")
                .header("RateLimit-Limit", "3").header("RateLimit-Remaining", "2");
        given().header("X-Forwarded-For", client).header("Authorization", "Bearer ").get("/v1/postings/1")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .header("RateLimit-Remaining", "1");
        given().header("X-Forwarded-For", client).contentType("application/json").body("{}").post("/v1/postings")
                .then().statusCode(401).header("RateLimit-Remaining", "0");
        given().header("X-Forwarded-For", client).auth().oauth2(TestTokens.forged("x")).get("/v1/postings")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", notNullValue());
    }

    @Test
    void applyingHasItsOwnTighterLimitPerCandidate() {
        String carol = TestTokens.candidate("carol");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(carol).contentType("application/json").body("{}").post("/v1/applications")
                    .then().statusCode(200).header("RateLimit-Limit", "2");
        }
        given().auth().oauth2(carol).contentType("application/json").body("{}").post("/v1/applications")
                .then().statusCode(429);
        given().auth().oauth2(TestTokens.candidate("dave")).contentType("application/json").body("{}")
                .post("/v1/applications").then().statusCode(200);
        given().auth().oauth2(carol).get("/v1/me/applications").then().statusCode(200);
    }
}
