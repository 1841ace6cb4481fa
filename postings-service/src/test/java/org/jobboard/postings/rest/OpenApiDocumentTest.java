package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jobboard.platform.openapi.NullableValues;
import org.jobboard.platform.openapi.OperationDocumentation;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.postings.domain.ApplyMethod;
import org.jobboard.contracts.postings.ApplyType;
import org.jobboard.postings.domain.Location;
import org.jobboard.contracts.postings.PostingStatus;
import org.jobboard.postings.domain.Question;
import org.jobboard.contracts.postings.QuestionType;
import org.jobboard.postings.domain.Salary;
import org.jobboard.contracts.postings.SalaryPeriod;
import org.jobboard.postings.api.Change;
import org.jobboard.postings.api.OrganizationView;
import org.jobboard.postings.config.PostingsConfig;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public operation is documented for integrators: an operation added without its documentation fails here. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class OpenApiDocumentTest {
    @Inject
    ObjectMapper json;

    @Inject
    PostingsConfig config;

    @Test
    void everyOperationHasSummaryDescriptionExamplesAndItsErrors() throws Exception {
        List<String> gaps = OperationDocumentation.gaps(document());
        assertEquals(List.of(), gaps, String.join("\n", gaps));
    }

    /**
     * The nulls the API really sends (the nested records are written with every field, so an absent optional field
     * travels as null) are allowed by the document: a client generated strictly from it accepts real responses.
     */
    @Test
    void everyNullTheApiSendsIsAllowedByItsSchema() throws Exception {
        NullableValues schemas = NullableValues.of(document());
        Location countryOnly = new Location("DE", null, null, null, null, null);
        Question yesNo = new Question("relocate", "Can you relocate?", QuestionType.YES_NO, true, null, null);
        Map<String, Object> samples = Map.of(
                "Location", countryOnly,
                "ApplyMethod", new ApplyMethod(ApplyType.DIRECT, null, List.of(yesNo)),
                "Question", yesNo,
                "Salary", new Salary("EUR", null, new BigDecimal("90000"), SalaryPeriod.YEAR),
                "Change", new Change("01a2206e-e027-759f-9c09-ec6468d522f6", Change.ChangeType.CLOSED,
                        PostingStatus.CLOSED, 4, Instant.parse("2026-01-05T10:00:00Z"), null),
                "Organization", new OrganizationView("01a2206e-e027-759f-9c09-ec6468d522f7", "Acme", null, null, null,
                        countryOnly, 1, Instant.parse("2026-01-05T10:00:00Z"), Instant.parse("2026-01-05T10:00:00Z")));
        List<String> forbidden = new ArrayList<>();
        samples.forEach((schema, sample) -> schemas.nullsNotAllowed(schema, json.valueToTree(sample))
                .forEach(at -> forbidden.add(schema + " " + at)));
        assertEquals(List.of(), forbidden, "sent as null but not nullable in the OpenAPI document");
    }

    /** Generated clients name their methods by operationId: these names are part of the API. */
    @Test
    void everyOperationHasItsAgreedOperationId() throws Exception {
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("GET /v1/postings", "listPostings"),
                Map.entry("POST /v1/postings", "createPosting"),
                Map.entry("POST /v1/postings/batch", "createPostingsBatch"),
                Map.entry("GET /v1/postings/{id}", "getPosting"),
                Map.entry("PATCH /v1/postings/{id}", "patchPosting"),
                Map.entry("POST /v1/postings/{id}/publish", "publishPosting"),
                Map.entry("POST /v1/postings/{id}/close", "closePosting"),
                Map.entry("POST /v1/postings/{id}/reopen", "reopenPosting"),
                Map.entry("DELETE /v1/postings/{id}", "deletePosting"),
                Map.entry("GET /v1/postings/{id}/json-ld", "getPostingJsonLd"),
                Map.entry("POST /v1/organizations", "createOrganization"),
                Map.entry("GET /v1/organizations/{id}", "getOrganization"),
                Map.entry("PATCH /v1/organizations/{id}", "patchOrganization"),
                Map.entry("GET /v1/organizations/{id}/json-ld", "getOrganizationJsonLd"),
                Map.entry("GET /v1/feeds/jobs.xml", "getJobsXmlFeed"),
                Map.entry("GET /v1/feeds/changes", "listChanges")));
        Map<String, String> actual = new TreeMap<>();
        operations(json.readTree(document())).forEach((name, operation) -> actual.put(name,
                operation.path("operationId").asText(null)));
        assertEquals(expected, actual);
    }

    /**
     * A generated client reads a response by its first documented media type: the posting's JSON and its JSON-LD
     * are separate operations, each with one media type and its own schema.
     */
    @Test
    void jsonLdHasOperationsOfItsOwn() throws Exception {
        JsonNode paths = json.readTree(document()).path("paths");
        JsonNode posting = paths.path("/v1/postings/{id}").path("get");
        assertEquals(List.of("application/json"), mediaTypes(posting.path("responses").path("200")));
        assertTrue(posting.path("description").asText().contains("getPostingJsonLd"), posting.path("description").asText());
        JsonNode postingJsonLd = paths.path("/v1/postings/{id}/json-ld").path("get").path("responses").path("200");
        assertEquals(List.of("application/ld+json"), mediaTypes(postingJsonLd));
        assertEquals("#/components/schemas/JobPostingJsonLd",
                postingJsonLd.path("content").path("application/ld+json").path("schema").path("$ref").asText());
        assertEquals("#/components/headers/ETag", postingJsonLd.path("headers").path("ETag").path("$ref").asText());
        JsonNode organizationJsonLd = paths.path("/v1/organizations/{id}/json-ld").path("get").path("responses").path("200");
        assertEquals(List.of("application/ld+json"), mediaTypes(organizationJsonLd));
        assertEquals("#/components/schemas/OrganizationJsonLd",
                organizationJsonLd.path("content").path("application/ld+json").path("schema").path("$ref").asText());
        for (String path : List.of("/v1/postings/{id}/json-ld", "/v1/organizations/{id}/json-ld")) {
            JsonNode responses = paths.path(path).path("get").path("responses");
            assertTrue(responses.has("304") && responses.has("404"), path + ": " + responses.fieldNames());
        }
    }

    /** A client generated from a string schema parses the body as JSON; binary hands over the bytes. */
    @Test
    void theXmlFeedIsABinaryXmlBody() throws Exception {
        JsonNode ok = json.readTree(document()).path("paths").path("/v1/feeds/jobs.xml").path("get").path("responses")
                .path("200");
        assertEquals(List.of("application/xml"), mediaTypes(ok));
        JsonNode xml = ok.path("content").path("application/xml");
        assertEquals("string", xml.path("schema").path("type").asText());
        assertEquals("binary", xml.path("schema").path("format").asText());
        assertFalse(xml.path("schema").path("description").asText().isBlank());
        assertTrue(xml.path("examples").elements().next().path("value").asText().startsWith("<?xml"));
    }

    @Test
    void theChangeFeedDocumentsItsSettleDelayAndItsLinkHeader() throws Exception {
        JsonNode changes = json.readTree(document()).path("paths").path("/v1/feeds/changes").path("get");
        String description = changes.path("description").asText();
        // the documented default is the configured one (the tests run with the default)
        long seconds = config.changeFeedSettleDelay().toSeconds();
        assertEquals(2, seconds);
        for (String fact : List.of("jobboard.postings.change-feed-settle-delay", "JOBBOARD_POSTINGS_CHANGE_FEED_SETTLE_DELAY",
                seconds + " s", "earlier than now minus the delay")) {
            assertTrue(description.contains(fact), "no " + fact + " in: " + description);
        }
        assertEquals("#/components/headers/Link",
                changes.path("responses").path("200").path("headers").path("Link").path("$ref").asText());
    }

    /** The gateway adds the problem+json body; what the error means for this operation is the service's to say. */
    @Test
    void everyClientErrorKeepsItsDescription() throws Exception {
        List<String> bare = new ArrayList<>();
        int clientErrors = 0;
        for (Map.Entry<String, JsonNode> operation : operations(json.readTree(document())).entrySet()) {
            for (Map.Entry<String, JsonNode> response : operation.getValue().path("responses").properties()) {
                if (response.getKey().startsWith("4")) {
                    clientErrors++;
                    if (response.getValue().path("description").asText("").isBlank()) {
                        bare.add(operation.getKey() + " " + response.getKey());
                    }
                }
            }
        }
        assertEquals(List.of(), bare, "4xx without a description");
        assertTrue(clientErrors >= 16, "every operation documents a 4xx: " + clientErrors);
    }

    /**
     * openapi-generator's Java clients do not compile a oneOf or anyOf with an array among its alternatives (its
     * issues 12911 and 17745): a value that is sometimes one item and sometimes several is always an array here.
     */
    @Test
    void noAlternativeIsAnArray() throws Exception {
        JsonNode document = json.readTree(document());
        List<String> found = new ArrayList<>();
        arrayAlternatives(document, document, "#", found);
        assertEquals(List.of(), found);
    }

    private static void arrayAlternatives(JsonNode document, JsonNode node, String at, List<String> found) {
        for (String choice : List.of("oneOf", "anyOf")) {
            for (JsonNode alternative : node.path(choice)) {
                JsonNode resolved = alternative;
                for (int hops = 0; hops < 10 && resolved.has("$ref"); hops++) {
                    resolved = document.at(resolved.get("$ref").asText().substring(1));
                }
                if (resolved.path("type").asText("").equals("array") || resolved.path("type").toString().contains("\"array\"")) {
                    found.add(at + "/" + choice);
                }
            }
        }
        if (node.isObject()) {
            node.properties().forEach(field -> arrayAlternatives(document, field.getValue(), at + "/" + field.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                arrayAlternatives(document, node.get(i), at + "/" + i, found);
            }
        }
    }

    /** "GET /v1/postings" -> the operation, for every /v1 operation of the document. */
    private static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (List.of("get", "put", "post", "delete", "patch").contains(operation.getKey())) {
                    operations.put(operation.getKey().toUpperCase() + " " + path.getKey(), operation.getValue());
                }
            }
        }
        return operations;
    }

    private static List<String> mediaTypes(JsonNode response) {
        List<String> types = new ArrayList<>();
        response.path("content").fieldNames().forEachRemaining(types::add);
        return types;
    }

    private static String document() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        // kept for offline linting (Spectral) of what the gateway merges
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), document);
        return document;
    }
}
