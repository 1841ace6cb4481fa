package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class GatewayProxyTest {

    @Test
    void publicReadsPassAnonymouslyWithARequestId() {
        given().get("/v1/postings/123?x=1").then().statusCode(200)
                .header("X-Upstream", "echo")
                .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                .body("method", equalTo("GET"), "uri", equalTo("/v1/postings/123?x=1"),
                        "headers.authorization", nullValue(),
                        "headers.x-request-id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", "client-chosen-1").get("/v1/search/postings").then().statusCode(200)
                .header("X-Request-Id", "client-chosen-1").body("headers.x-request-id", equalTo("client-chosen-1"));
    }

    @Test
    void writesNeedAValidTokenWhichIsForwardedUnchanged() throws Exception {
        given().contentType("application/json").body("{}").post("/v1/postings").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().auth().oauth2(TestTokens.forged("x")).get("/v1/postings").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired("x")).get("/v1/postings").then().statusCode(401);
        String token = TestTokens.recruiter("rita", "org-1");
        byte[] body = new byte[3 * 1024 * 1024];
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().auth().oauth2(token).contentType("application/octet-stream").body(body).post("/v1/postings")
                .then().statusCode(200)
                .body("method", equalTo("POST"), "size", equalTo(body.length), "sha256", equalTo(sha),
                        "headers.authorization", equalTo("Bearer " + token));
    }

    @Test
    void clientForwardingAndHopByHopHeadersAreNotPassedOn() {
        given().header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Host", "evil.example")
                .header("Proxy-Authorization", "secret").header("TE", "trailers")
                .get("/v1/organizations/1").then().statusCode(200)
                .header("Connection", not(equalTo("keep-alive, x"))).header("Server", nullValue())
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"),
                        "headers.x-forwarded-host", not(equalTo("evil.example")),
                        "headers.proxy-authorization", nullValue(),
                        "headers.te", nullValue(),
                        "headers.traceparent", notNullValue());
    }

    @Test
    void aSilentUpstreamIs504AndADownOneIs502() {
        long started = System.currentTimeMillis();
        given().get("/v1/search/slow").then().statusCode(504).contentType("application/problem+json")
                .body("status", equalTo(504));
        org.hamcrest.MatcherAssert.assertThat(System.currentTimeMillis() - started, lessThan(4000L));
        given().auth().oauth2(TestTokens.candidate("alice")).get("/v1/me/applications").then().statusCode(502)
                .contentType("application/problem+json").body("detail", equalTo("the applications service is unavailable"));
    }

    @Test
    void unknownPathsAre404Problems() {
        given().get("/v1/unknown").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/postingsX").then().statusCode(404);
    }
}
