package org.jobboard.search.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.jobboard.platform.openapi.ResponseSchemas;
import org.jobboard.platform.testing.Poll;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.jobboard.search.testing.Searches.awaitOrganization;
import static org.jobboard.search.testing.Searches.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response schemas list as required exactly what every response carries (a generated client types them as
 * always there): full and sparse real responses validate against the service's own document with its required
 * lists enforced, so a property marked required that a response can leave out fails here.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class RequiredPropertiesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theResponseSchemasListWhatIsAlwaysThere() throws Exception {
        ResponseSchemas schemas = schemas();
        assertEquals(Set.of("items", "total", "facets", "fuzzy"), schemas.required("SearchResponse"));
        assertEquals(Set.of("value", "relation"), schemas.required("Total"));
        assertEquals(Set.of("id", "title", "organization", "employmentTypes", "locations", "skills"),
                schemas.required("Hit"));
        assertEquals(Set.of("employmentType", "workplaceType", "seniority", "country", "city", "skills",
                "organization"), schemas.required("Facets"));
        assertEquals(Set.of("value", "count"), schemas.required("FacetValue"));
        assertEquals(Set.of("currency", "period", "buckets"), schemas.required("SalaryHistogram"));
        assertEquals(Set.of("min", "count"), schemas.required("SalaryBucket"));
        // the gateway names these two SearchOrganization and SearchSalary in the merged document
        assertEquals(Set.of("id"), schemas.required("Organization"));
        assertEquals(Set.of("currency"), schemas.required("Salary"));
        assertEquals(Set.of("items"), schemas.required("Suggestions"));
        assertEquals(Set.of("text", "type", "count"), schemas.required("Suggestion"));
        assertEquals(Set.of("documents", "tombstones", "segments", "sizeBytes", "committedOffsets", "appliedOffsets",
                "endOffsetsAtStart", "caughtUp"), schemas.required("IndexStatus"));
    }

    @Test
    void fullAndSparseResponsesHaveEveryRequiredProperty() throws Exception {
        ResponseSchemas schemas = schemas();
        String org = TestPosting.newOrganization();
        new TestPosting(org, "Quokka Keeper").description("Feed the **quokkas** every morning.")
                .location("AU", "WA", "Perth", -31.95, 115.86).salary("AUD", "60000", "80000", "YEAR")
                .skills("animals", "patience").seniority("SENIOR").publish();
        // nothing optional: no organization name, types, workplace, seniority, location, salary or skills
        new TestPosting(org, "Quokka Helper").organizationName(null).employmentTypes().workplaceType(null)
                .seniority(null).description(null).publish();
        awaitOrganization(org, 2);

        List<String> violations = new ArrayList<>();
        JsonNode full = get(given(), "/v1/search/postings", params("q", "quokka", "organizationId", org,
                "currency", "AUD"));
        assertEquals(2, full.path("items").size(), full.toString());
        assertTrue(full.path("facets").path("salary").path("buckets").size() > 0, full.toString());
        schemas.collectViolations("SearchResponse", "full", full, violations);
        JsonNode sparseHit = null;
        for (JsonNode hit : full.path("items")) {
            if (hit.path("title").asText().equals("Quokka Helper")) {
                sparseHit = hit;
            }
        }
        for (String absent : List.of("salary", "workplaceType", "seniority")) {
            assertFalse(sparseHit.has(absent), absent + ": " + sparseHit);
        }
        assertTrue(sparseHit.path("locations").isEmpty(), sparseHit.toString());
        schemas.collectViolations("SearchResponse", "near", get(given(), "/v1/search/postings",
                params("organizationId", org, "near", "-31.95,115.86")), violations);
        JsonNode firstPage = get(given(), "/v1/search/postings", params("organizationId", org, "limit", 1));
        assertTrue(firstPage.path("nextCursor").isTextual(), firstPage.toString());
        schemas.collectViolations("SearchResponse", "first page", firstPage, violations);
        JsonNode lastPage = get(given(), "/v1/search/postings", params("organizationId", org, "limit", 1,
                "cursor", firstPage.path("nextCursor").asText()));
        assertTrue(lastPage.path("nextCursor").isNull(), lastPage.toString());
        schemas.collectViolations("SearchResponse", "last page", lastPage, violations);
        JsonNode empty = get(given(), "/v1/search/postings", params("organizationId", TestPosting.newOrganization()));
        assertEquals(0, empty.path("items").size());
        assertTrue(empty.path("facets").path("salary").isNull(), empty.toString());
        schemas.collectViolations("SearchResponse", "empty", empty, violations);

        // the suggester is rebuilt after indexing, not with it: wait for the new words
        JsonNode suggestions = Poll.untilPresent("suggestions for quok", Duration.ofSeconds(10), () -> {
            try {
                JsonNode found = get(given(), "/v1/search/suggestions", params("prefix", "quok"));
                return found.path("items").isEmpty() ? null : found;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertFalse(suggestions.path("items").isEmpty(), suggestions.toString());
        schemas.collectViolations("Suggestions", "some", suggestions, violations);
        schemas.collectViolations("Suggestions", "none",
                get(given(), "/v1/search/suggestions", params("prefix", "zzqqxx")), violations);
        schemas.collectViolations("IndexStatus", "admin",
                get(given().auth().oauth2(TestTokens.admin("ada")), "/v1/search/index", Map.of()), violations);
        assertEquals(List.of(), violations, "responses missing a property their schema lists as required");

        // and a response without one of them fails
        for (String field : schemas.required("Hit")) {
            ObjectNode tampered = full.deepCopy();
            ((ObjectNode) tampered.path("items").get(0)).remove(field);
            assertFalse(schemas.violations("SearchResponse", tampered).isEmpty(), "without " + field);
        }
    }

    private static JsonNode get(RequestSpecification request, String path, Map<String, Object> params)
            throws Exception {
        return JSON.readTree(request.queryParams(params).get(path).then().statusCode(200).extract().asString());
    }

    private static ResponseSchemas schemas() throws Exception {
        return ResponseSchemas.of(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    @Test
    void everyResponseExampleIsAValidResponse() throws Exception {
        assertEquals(java.util.List.of(), schemas().exampleViolations());
    }
}
