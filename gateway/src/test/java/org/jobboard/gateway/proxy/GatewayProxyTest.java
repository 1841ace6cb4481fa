package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        byte[] body = new byte[1000 * 1000]; // streamed; the 1 MB limit allows it
        new Random(7).nextBytes(body);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        given().auth().oauth2(token).contentType("application/octet-stream").body(body).post("/v1/postings")
                .then().statusCode(200)
                .body("method", equalTo("POST"), "size", equalTo(body.length), "sha256", equalTo(sha),
                        "headers.authorization", equalTo("Bearer " + token));
    }

    @TestHTTPResource("/v1/postings")
    URI postings;

    /** Java's HttpClient as generated clients use it by default asks to upgrade a cleartext POST to HTTP/2. */
    @Test
    void aPostThatAsksForAnUpgradeToHttp2IsProxied() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        HttpRequest post = HttpRequest.newBuilder(postings)
                .header("Authorization", "Bearer " + TestTokens.recruiter("rita", "org-1"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build();
        HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"size\":7"), response.body());
    }

    @Inject
    AccessLog accessLog;

    @Test
    void everyRequestGetsOneJsonAccessLogLineWithoutItsTokenOrQuery() throws Exception {
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        accessLog.redirect(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            String token = TestTokens.recruiter("rita", "org-1");
            given().auth().oauth2(token).header("X-Request-Id", "log-check-1").get("/v1/postings/42?email=a@b.example")
                    .then().statusCode(200);
            given().header("X-Request-Id", "log-check-2\"x").get("/v1/nowhere").then().statusCode(404);
            accessLog.flush();
        } finally {
            accessLog.redirect(System.out);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var lines = log.lines().map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }).toList();
        var first = lines.stream().filter(l -> l.path("requestId").asText().equals("log-check-1")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals("GET", first.get("method").asText());
        org.junit.jupiter.api.Assertions.assertEquals("/v1/postings", first.get("route").asText());
        org.junit.jupiter.api.Assertions.assertEquals("/v1/postings/42", first.get("path").asText());
        org.junit.jupiter.api.Assertions.assertEquals(200, first.get("status").asInt());
        org.junit.jupiter.api.Assertions.assertEquals("postings", first.get("upstream").asText());
        org.junit.jupiter.api.Assertions.assertTrue(first.get("durationMs").asDouble() >= 0);
        var second = lines.stream().filter(l -> l.path("requestId").asText().startsWith("log-check-2")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(404, second.get("status").asInt());
        org.junit.jupiter.api.Assertions.assertFalse(log.contains("Bearer") || log.contains("eyJ"), "a token was logged");
        org.junit.jupiter.api.Assertions.assertFalse(log.contains("a@b.example"), "a query string was logged");
    }

    @ConfigProperty(name = "jobboard.gateway.public-url")
    String publicUrl;

    @Test
    void linksTheServiceBuildsFromItsOwnAddressNameThePublicUrlWhateverTheHost() {
        given().get("/v1/postings/created").then().statusCode(201)
                .header("Location", equalTo(publicUrl + "/v1/postings/abc"))
                .header("Link", equalTo("<" + publicUrl + "/v1/postings?cursor=x>; rel=\"next\""));
        // a hostile Host (or X-Forwarded-Host) does not make the gateway hand out links to the attacker's host
        given().header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "http").get("/v1/postings/created").then().statusCode(201)
                .header("Location", equalTo(publicUrl + "/v1/postings/abc"))
                .header("Link", not(org.hamcrest.Matchers.containsString("evil")))
                .body("headers.x-forwarded-host", equalTo(publicUrl.replace("https://", "")),
                        "headers.x-forwarded-proto", equalTo("https"));
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
    void aSilentUpstreamIs504() {
        long started = System.currentTimeMillis();
        given().get("/v1/search/slow").then().statusCode(504).contentType("application/problem+json")
                .body("status", equalTo(504));
        org.hamcrest.MatcherAssert.assertThat(System.currentTimeMillis() - started, lessThan(4000L));
    }

    @ConfigProperty(name = "echo.url")
    String echo;

    @Inject
    org.jobboard.gateway.time.ManualTicker ticker;

    @Inject
    org.jobboard.gateway.config.GatewayConfig config;

    private int control(String action) {
        return Integer.parseInt(given().baseUri(echo).get("/__control/applications/" + action).asString());
    }

    @Test
    void aDownUpstreamIs502AndTheBreakerOpensThenClosesWhenItReturns() {
        String candidate = TestTokens.candidate("alice");
        control("down");
        try {
            given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(502)
                    .contentType("application/problem+json").body("detail", equalTo("the applications service is unavailable"));
        } finally {
            control("up");
        }
        ticker.advance(config.breaker().openDuration()); // an open breaker would let a probe through by now
        given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(200);
        control("failing");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(503);
        }
        int hits = control("healthy");
        // open: the gateway answers itself, the upstream is not called
        given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(502)
                .body("detail", org.hamcrest.Matchers.containsString("circuit open"));
        org.junit.jupiter.api.Assertions.assertEquals(hits, control("healthy"));
        ticker.advance(config.breaker().openDuration().minusMillis(1));
        given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(502);
        org.junit.jupiter.api.Assertions.assertEquals(hits, control("healthy"));
        ticker.advance(java.time.Duration.ofMillis(1));
        // half-open: one probe succeeds and closes the breaker
        given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(200);
        given().auth().oauth2(candidate).get("/v1/me/applications").then().statusCode(200);
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutContentLength() {
        String token = TestTokens.recruiter("rita", "org-1");
        given().auth().oauth2(token).contentType("application/json").body(new byte[1024 * 1024 + 1])
                .post("/v1/postings").then().statusCode(413).contentType("application/problem+json");
        // chunked: no Content-Length, the gateway counts while streaming. Just over the limit: the client has written
        // it all by the time the gateway answers and closes (with 2 MB it was sometimes still writing: broken pipe)
        java.io.InputStream chunked = new java.io.ByteArrayInputStream(new byte[1024 * 1024 + 64 * 1024]);
        given().auth().oauth2(token).contentType("application/octet-stream").body(chunked)
                .post("/v1/postings").then().statusCode(413);
        // the apply route takes up to 6 MB
        given().auth().oauth2(TestTokens.candidate("alice")).contentType("application/octet-stream")
                .body(new byte[5 * 1024 * 1024]).post("/v1/applications").then().statusCode(200);
    }

    @Test
    void anEmptyBearerTokenIs401() {
        given().header("Authorization", "Bearer ").get("/v1/postings/1").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().header("Authorization", "Bearer").get("/v1/search/postings").then().statusCode(401);
    }

    @Test
    void securityHeadersOnEveryResponse() {
        given().get("/v1/postings/1").then().header("X-Content-Type-Options", "nosniff").header("Server", nullValue());
        given().get("/v1/nope").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void unknownPathsAre404Problems() {
        given().get("/v1/unknown").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/postingsX").then().statusCode(404);
    }
}
