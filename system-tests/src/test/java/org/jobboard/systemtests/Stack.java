package org.jobboard.systemtests;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** The running suite as a client sees it: the gateway, and real tokens from Keycloak. */
final class Stack {
    static final String GATEWAY = env("GATEWAY_URL", "http://127.0.0.1:8080");
    static final String KEYCLOAK = env("KEYCLOAK_URL", "http://127.0.0.1:8180");
    /** Acme's id, as the dev realm maps it into rita's token. */
    static final String ACME = "0193e0a0-0000-7000-8000-00000000ac3e";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Stack() {
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static RequestSpecification gateway() {
        return given().baseUri(GATEWAY).relaxedHTTPSValidation();
    }

    static RequestSpecification as(String user) {
        return gateway().auth().oauth2(userToken(user));
    }

    /** Password grant on the public client (enabled in the dev realm only, for scripts and tests). */
    static String userToken(String user) {
        return TOKENS.computeIfAbsent(user, u -> given().baseUri(KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", "jobboard-web")
                .formParam("username", u).formParam("password", u)
                .post("/realms/jobboard/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    static String aggregatorToken() {
        return TOKENS.computeIfAbsent("aggregator-demo", c -> given().baseUri(KEYCLOAK)
                .contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "aggregator-demo")
                .formParam("client_secret", "aggregator-demo-secret")
                .post("/realms/jobboard/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
    }

    /** Waits up to 30 s for something that happens through Kafka (eventual consistency between services). */
    static void eventually(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    static void ensureAcme() {
        int status = as("ada").contentType("application/json")
                .body("{\"id\":\"" + ACME + "\",\"name\":\"Acme Corporation\",\"website\":\"https://acme.example\","
                        + "\"logoUrl\":\"https://acme.example/logo.png\"}")
                .post("/v1/organizations").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("cannot register Acme: " + status);
        }
    }

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }
}
