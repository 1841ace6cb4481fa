package org.jobboard.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** CORS as Quarkus answers it for configured origins, and a problem+json 403 (not an empty body) for the others. */
@QuarkusTest
@QuarkusTestResource(EchoUpstreams.class)
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "stack", value = "none"))
class CorsTest {
    private static final String ALLOWED = "http://localhost:3000";

    @Test
    void aRejectedOriginIsA403ProblemNamingTheOriginHeader() {
        String token = TestTokens.recruiter("rita", "org-1");
        for (String origin : new String[] {"https://evil.example", "null"}) {
            given().auth().oauth2(token).header("Origin", origin).contentType("application/json").body("{}")
                    .post("/v1/postings/42/publish").then().statusCode(403)
                    .contentType("application/problem+json")
                    .header("Access-Control-Allow-Origin", nullValue())
                    .header("Vary", containsStringIgnoringCase("origin"))
                    .body("status", equalTo(403), "title", equalTo("Forbidden"),
                            "type", containsString("origin-not-allowed"), "detail", containsString("origin not allowed"),
                            "detail", containsString("Origin header"));
        }
        // refused before authentication: an anonymous caller learns nothing else
        given().header("Origin", "https://evil.example").get("/v1/postings/1").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anAllowedOriginIsProxiedAndReflectedWithCredentials() {
        given().auth().oauth2(TestTokens.recruiter("rita", "org-1")).header("Origin", ALLOWED)
                .contentType("application/json").body("{}").post("/v1/postings/42/publish").then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Vary", containsStringIgnoringCase("origin"))
                .body("uri", equalTo("/v1/postings/42/publish"), "headers.origin", equalTo(ALLOWED));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnswered() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options("/v1/postings").then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED)
                .header("Access-Control-Allow-Credentials", "true")
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Vary", containsStringIgnoringCase("origin"));
    }

    @Test
    void aPreflightFromARejectedOriginIsA403Problem() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/v1/postings").then().statusCode(403)
                .contentType("application/problem+json")
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue())
                .body("status", equalTo(403), "detail", containsString("origin not allowed"));
    }

    @Test
    void aMethodOutsideTheConfiguredOnesIsA403Problem() {
        // quarkus.http.cors.methods has no PUT: Quarkus's filter would answer an empty 403
        given().header("Origin", ALLOWED).contentType("application/json").body("{}").put("/v1/postings/1")
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403), "detail", containsString("PUT"));
    }

    @Test
    void theGatewaysOwnOriginIsNotCrossOrigin() {
        // the public URL (https://api.jobboard.example in these tests) is not the scheme and Host this server sees
        given().header("Origin", "https://api.jobboard.example").contentType("application/json").body("{}")
                .auth().oauth2(TestTokens.recruiter("rita", "org-1"))
                .post("/v1/postings/42/publish").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
        // nor is the origin of the Host the request was sent to
        String own = "http://localhost:" + RestAssured.port;
        given().header("Origin", own).get("/v1/postings/1").then().statusCode(200);
    }
}
