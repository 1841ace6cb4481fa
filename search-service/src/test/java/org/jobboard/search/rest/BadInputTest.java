package org.jobboard.search.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.search.testing.Searches;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.jobboard.search.testing.Searches.params;

/** Every unusable parameter is a 400 problem+json naming it; none is a 500. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class BadInputTest {

    static Stream<Arguments> badSearches() {
        return Stream.of(
                Arguments.of(params("sort", "popularity"), "sort"),
                Arguments.of(params("sort", "distance"), "sort"),
                Arguments.of(params("employmentType", "FULLTIME"), "employmentType"),
                Arguments.of(params("employmentType", List.of("FULL_TIME", "NAP")), "employmentType"),
                Arguments.of(params("workplaceType", "MOON"), "workplaceType"),
                Arguments.of(params("seniority", "GURU"), "seniority"),
                Arguments.of(params("postedWithin", "2d"), "postedWithin"),
                Arguments.of(params("radiusKm", "10"), "radiusKm"),
                Arguments.of(params("near", "39.7,-104.9", "radiusKm", "-1"), "radiusKm"),
                Arguments.of(params("near", "39.7,-104.9", "radiusKm", "ten"), "radiusKm"),
                Arguments.of(params("near", "39.7,-104.9", "radiusKm", "NaN"), "radiusKm"),
                Arguments.of(params("near", "91,0"), "near"),
                Arguments.of(params("near", "-90.5,0"), "near"),
                Arguments.of(params("near", "0,181"), "near"),
                Arguments.of(params("near", "abc"), "near"),
                Arguments.of(params("near", "1,2,3"), "near"),
                Arguments.of(params("near", "NaN,Infinity"), "near"),
                Arguments.of(params("q", "x".repeat(256)), "q"),
                Arguments.of(params("limit", "101"), "limit"),
                Arguments.of(params("limit", "0"), "limit"),
                Arguments.of(params("limit", "many"), "limit"),
                Arguments.of(params("cursor", "garbage"), "cursor"),
                Arguments.of(params("cursor", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), "cursor"),
                Arguments.of(params("country", "USA"), "country"),
                Arguments.of(params("salaryMin", "-1", "currency", "USD"), "salaryMin"),
                Arguments.of(params("salaryMin", "lots", "currency", "USD"), "salaryMin"),
                Arguments.of(params("salaryMin", "50000"), "currency"),
                Arguments.of(params("currency", "US$"), "currency"),
                Arguments.of(params("organizationId", "acme"), "organizationId"),
                Arguments.of(params("city", "x".repeat(101)), "city"),
                Arguments.of(params("skills", "x".repeat(101)), "skills"),
                Arguments.of(params("colour", "blue"), "colour"),
                Arguments.of(params("country", List.of("US", "DE")), "country"));
    }

    @ParameterizedTest
    @MethodSource("badSearches")
    void badSearchParametersAreNamed(Map<String, Object> params, String field) {
        Searches.request(params).get("/v1/search/postings").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400), "errors[0].field", equalTo(field), "traceId", notNullValue());
    }

    @Test
    void aCursorFromAnotherSearchIsRefused() {
        // the cursor is signed for its own query and filters
        String cursor = foreignCursor();
        if (cursor != null) {
            given().queryParam("q", "something else").queryParam("cursor", cursor).get("/v1/search/postings").then()
                    .statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
    }

    private static String foreignCursor() {
        return given().queryParam("limit", 1).get("/v1/search/postings").then().statusCode(200).extract().jsonPath()
                .getString("nextCursor");
    }

    @Test
    void suggestionsNeedAPrefix() {
        given().get("/v1/search/suggestions").then().statusCode(400).body("errors[0].field", equalTo("prefix"));
        given().queryParam("prefix", " ").get("/v1/search/suggestions").then().statusCode(400)
                .body("errors[0].field", equalTo("prefix"));
        given().queryParam("prefix", "x".repeat(101)).get("/v1/search/suggestions").then().statusCode(400)
                .body("errors[0].field", equalTo("prefix"));
        given().queryParam("prefix", "java").queryParam("limit", "5").get("/v1/search/suggestions").then()
                .statusCode(400).body("errors[0].field", equalTo("limit"));
    }
}
