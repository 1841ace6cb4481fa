package org.jobboard.search.testing;

import org.jobboard.platform.testing.Poll;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;

/** Calls {@code GET /v1/search/postings} and waits for the index to show what a test published. */
public final class Searches {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private Searches() {
    }

    /** Name/value pairs; a {@link Collection} value repeats the parameter. */
    public static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    public static JsonPath search(Map<String, Object> params) {
        return request(params).get("/v1/search/postings").then().statusCode(200).extract().jsonPath();
    }

    public static RequestSpecification request(Map<String, Object> params) {
        RequestSpecification request = given();
        params.forEach((name, value) -> {
            if (value instanceof Collection<?> values) {
                request.queryParam(name, values);
            } else {
                request.queryParam(name, value);
            }
        });
        return request;
    }

    /** Searches until {@code until} holds (the index is near-real-time, not synchronous), or fails. */
    public static JsonPath awaitSearch(Map<String, Object> params, Predicate<JsonPath> until) {
        JsonPath[] last = new JsonPath[1];
        try {
            return Poll.untilPresent("the search " + params, PATIENCE, () -> {
                last[0] = search(params);
                return until.test(last[0]) ? last[0] : null;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last response: " + (last[0] == null ? null : last[0].prettify()));
        }
    }

    /** Waits until the organization's open postings number {@code count}. */
    public static JsonPath awaitOrganization(String organizationId, int count) {
        return awaitSearch(params("organizationId", organizationId, "limit", 100),
                r -> r.getInt("total.value") == count);
    }
}
