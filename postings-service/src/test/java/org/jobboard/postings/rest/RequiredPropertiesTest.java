package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.openapi.ResponseSchemas;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.postings.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The response schemas list as required exactly what every response carries (a generated client types them as
 * always there): full and sparse real responses validate against the service's own document with its required
 * lists enforced, so a property marked required that a response can leave out fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class RequiredPropertiesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MutableClock clock;

    @Inject
    PostingsConfig config;

    String organization;
    String recruiter;

    @BeforeEach
    void organization() {
        organization = PostingFixtures.newOrganization("Required & Co");
        recruiter = PostingFixtures.recruiter(organization);
    }

    @Test
    void theResponseSchemasListWhatIsAlwaysThere() throws Exception {
        DocumentedSchemas schemas = DocumentedSchemas.fromService();
        assertEquals(Set.of("id", "organizationId", "organization", "status", "title", "employmentTypes", "locations",
                "applicantLocationRequirements", "skills", "version", "createdAt", "updatedAt"),
                required(schemas, "Posting"));
        assertEquals(Set.of("id", "name"), required(schemas, "OrganizationSummary"));
        assertEquals(Set.of("id", "name", "version", "createdAt", "updatedAt"), required(schemas, "Organization"));
        assertEquals(Set.of("items", "nextCursor"), required(schemas, "PostingPage"));
        assertEquals(Set.of("items", "nextCursor"), required(schemas, "ChangePage"));
        assertEquals(Set.of("id", "change", "status", "version", "changedAt"), required(schemas, "Change"));
        assertEquals(Set.of("items", "created", "updated", "unchanged", "failed"),
                required(schemas, "PostingBatchResult"));
        assertEquals(Set.of("index", "outcome"), required(schemas, "PostingBatchItemResult"));
        assertEquals(Set.of("currency", "period"), required(schemas, "Salary"));
        assertEquals(Set.of("country"), required(schemas, "Location"));
        assertEquals(Set.of("type"), required(schemas, "ApplyMethod"));
        // marking a property required keeps its own schema (a reference stays a reference)
        assertEquals("#/components/schemas/OrganizationSummary", schemas.document()
                .at("/components/schemas/Posting/properties/organization/$ref").asText());
    }

    @Test
    void fullAndSparseResponsesHaveEveryRequiredProperty() throws Exception {
        DocumentedSchemas schemas = DocumentedSchemas.fromService();
        List<String> violations = new ArrayList<>();
        String admin = TestTokens.admin("admin-1");

        // postings: complete and published, closed, and a draft of nothing but a title
        String published = PostingFixtures.createPublished(recruiter, "Required Complete");
        String closed = PostingFixtures.createPublished(recruiter, "Required Closed");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                .post("/v1/postings/" + closed + "/close").then().statusCode(200);
        String draft = PostingFixtures.createDraft(recruiter, "{\"title\":\"Bare\"}");
        JsonNode bare = get(recruiter, "/v1/postings/" + draft);
        for (String field : List.of("description", "descriptionHtml", "salary", "applyMethod", "workplaceType",
                "publishedAt", "validThrough", "closedAt", "requisitionId", "seniority", "category")) {
            assertFalse(bare.has(field), "the bare draft leaves out " + field + ": " + bare);
        }
        check(schemas, "Posting", "bare draft", bare, violations);
        check(schemas, "Posting", "complete", get(recruiter, "/v1/postings/" + published), violations);
        check(schemas, "Posting", "closed", get(recruiter, "/v1/postings/" + closed), violations);

        // organizations: with everything, and with a name only
        check(schemas, "Organization", "complete", get(admin, "/v1/organizations/" + organization), violations);
        String nameOnly = Ids.newId();
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"id\":\"" + nameOnly + "\",\"name\":\"Name Only\"}")
                .post("/v1/organizations").then().statusCode(201);
        JsonNode sparseOrganization = get(admin, "/v1/organizations/" + nameOnly);
        assertFalse(sparseOrganization.has("website"));
        check(schemas, "Organization", "name only", sparseOrganization, violations);

        // pages: a full one with a next page, its last page, and an empty one
        JsonNode first = get(recruiter, "/v1/postings?limit=1");
        assertTrue(first.path("nextCursor").isTextual(), first.toString());
        check(schemas, "PostingPage", "first page", first, violations);
        JsonNode last = get(recruiter, "/v1/postings?limit=100");
        assertTrue(last.path("nextCursor").isNull(), last.toString());
        check(schemas, "PostingPage", "last page", last, violations);
        JsonNode empty = get(recruiter, "/v1/postings?status=EXPIRED");
        assertEquals(0, empty.path("items").size());
        check(schemas, "PostingPage", "empty page", empty, violations);

        // the change feed: published (with its posting) and closed (without)
        clock.advance(config.changeFeedSettleDelay().plusMillis(500));
        String aggregator = TestTokens.aggregator("agg");
        String cursor = null;
        Set<String> changes = new TreeSet<>();
        while (true) {
            JsonNode page = get(aggregator, "/v1/feeds/changes?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            check(schemas, "ChangePage", "change feed", page, violations);
            page.path("items").forEach(item -> changes.add(item.path("change").asText()));
            if (page.path("items").isEmpty()) {
                break;
            }
            cursor = page.path("nextCursor").asText();
        }
        assertTrue(changes.containsAll(Set.of("PUBLISHED", "CLOSED")), changes.toString());

        // a batch with created and failed items (one without a requisition id)
        String good = PostingFixtures.complete("Batch Required")
                .replaceAll("\"requisitionId\":\"[^\"]+\"", "\"requisitionId\":\"REQ-B1\"");
        JsonNode batch = JSON.readTree(given().auth().oauth2(recruiter).contentType(ContentType.JSON)
                .body("{\"items\":[" + good + ",{\"title\":\"No key\"},\"not a posting\"]}")
                .post("/v1/postings/batch").then().statusCode(200).extract().asString());
        assertFalse(batch.path("items").get(1).has("requisitionId"), batch.toString());
        check(schemas, "PostingBatchResult", "batch", batch, violations);

        assertEquals(List.of(), violations, "responses missing a property their schema lists as required");
    }

    @Test
    void aResponseWithoutARequiredPropertyFails() throws Exception {
        DocumentedSchemas schemas = DocumentedSchemas.fromService();
        String id = PostingFixtures.createDraft(recruiter, "{\"title\":\"Bare\"}");
        for (String field : required(schemas, "Posting")) {
            ObjectNode posting = (ObjectNode) get(recruiter, "/v1/postings/" + id);
            posting.remove(field);
            assertFalse(schemas.violations("Posting", posting).isEmpty(), "without " + field);
        }
    }

    private static JsonNode get(String token, String path) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).accept(ContentType.JSON).get(path)
                .then().statusCode(200).extract().asString());
    }

    private static void check(DocumentedSchemas schemas, String schema, String sample, JsonNode value,
            List<String> violations) {
        schemas.violations(schema, value).forEach(error -> violations.add(schema + " " + sample + ": " + error));
    }

    private static Set<String> required(DocumentedSchemas schemas, String name) {
        Set<String> required = new TreeSet<>();
        schemas.document().path("components").path("schemas").path(name).path("required")
                .forEach(property -> required.add(property.asText()));
        return required;
    }

    @Test
    void everyResponseExampleIsAValidResponse() throws Exception {
        assertEquals(java.util.List.of(), ResponseSchemas.of(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString()).exampleViolations());
    }
}
