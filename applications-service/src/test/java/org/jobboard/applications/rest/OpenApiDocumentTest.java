package org.jobboard.applications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.applications.domain.Stage;
import org.jobboard.contracts.Topics;
import org.jobboard.contracts.applications.CandidateStatus;
import org.jobboard.platform.openapi.OperationDocumentation;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public operation is documented for integrators (an operation added without its documentation fails here), in a
 * shape clients generated from the document can use: an operationId each, one schema per response, an apply body
 * whose first media type carries everything.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class OpenApiDocumentTest {
    @Test
    void everyOperationHasSummaryDescriptionExamplesAndItsErrors() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        List<String> gaps = OperationDocumentation.gaps(document);
        assertEquals(List.of(), gaps, String.join("\n", gaps));
    }

    /** The schema names the gateway's merged document and its clients know, and the enumerations from contracts. */
    @Test
    void theSchemaNamesAndEnumerationsStayAsPublished() throws Exception {
        JsonNode schemas = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().asString()).path("components").path("schemas");
        for (String name : List.of("ApplicationInput", "ResumeUpload", "CandidateApplication", "CandidateApplicationPage",
                "RecruiterApplication", "RecruiterApplicationPage", "PersonalDataExport", "Resume", "TransitionInput",
                "CandidateStatus", "Stage", "RejectReason")) {
            assertTrue(schemas.has(name), name + " in " + names(schemas));
        }
        assertEquals(Arrays.stream(CandidateStatus.values()).map(Enum::name).toList(),
                values(schemas.path("CandidateStatus").path("enum")));
        assertEquals(Arrays.stream(Stage.values()).map(Enum::name).toList(), values(schemas.path("Stage").path("enum")));
    }

    /** Generated clients name their methods after these: each operation has its own, stable operationId. */
    @Test
    void everyOperationHasItsOperationId() throws Exception {
        JsonNode paths = document().path("paths");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("get /v1/applications", "listApplications");
        expected.put("post /v1/applications", "applyToPosting");
        expected.put("get /v1/applications/{id}", "getApplication");
        expected.put("get /v1/applications/{id}/resume", "downloadResume");
        expected.put("post /v1/applications/{id}/transitions", "transitionApplication");
        expected.put("post /v1/applications/{id}/withdraw", "withdrawApplication");
        expected.put("get /v1/me/applications", "listMyApplications");
        expected.put("get /v1/me/applications/{id}", "getMyApplication");
        expected.put("get /v1/me/data", "exportMyData");
        expected.put("delete /v1/me", "eraseMyData");
        Map<String, String> actual = new LinkedHashMap<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (operation.getValue().has("responses")) {
                actual.put(operation.getKey() + " " + path.getKey(), operation.getValue().path("operationId").asText(null));
            }
        }));
        assertEquals(new TreeMap<>(expected), new TreeMap<>(actual));
    }

    /**
     * One path, one view, one schema: recruiters read GET /v1/applications/{id} as RecruiterApplication, candidates
     * GET /v1/me/applications/{id} as CandidateApplication (no anyOf a generated client cannot type).
     */
    @Test
    void eachSingleViewHasExactlyOneResponseSchema() throws Exception {
        JsonNode paths = document().path("paths");
        JsonNode recruiter = paths.path("/v1/applications/{id}").path("get").path("responses").path("200")
                .path("content").path("application/json");
        assertEquals("#/components/schemas/RecruiterApplication", recruiter.path("schema").path("$ref").asText(),
                recruiter.toString());
        assertEquals(1, recruiter.path("schema").size(), "only the reference: " + recruiter.path("schema"));
        assertEquals(1, recruiter.path("examples").size(), recruiter.path("examples").toString());
        assertTrue(recruiter.path("examples").elements().next().path("value").has("stage"));
        JsonNode candidate = paths.path("/v1/me/applications/{id}").path("get").path("responses").path("200");
        assertEquals("#/components/schemas/CandidateApplication",
                candidate.path("content").path("application/json").path("schema").path("$ref").asText(), candidate.toString());
        assertEquals("#/components/headers/ETag", candidate.path("headers").path("ETag").path("$ref").asText());
        for (String path : List.of("/v1/applications/{id}", "/v1/me/applications/{id}")) {
            assertTrue(paths.path(path).path("get").path("responses").has("404"), path + " documents its 404");
        }
    }

    /**
     * The apply body: JSON first (a generator that takes one media type takes the one that carries everything, resume
     * included), multipart second with its schema inline, so no model exists that only the multipart body uses.
     */
    @Test
    void applyTakesJsonFirstWithABase64ResumeAndAnInlineMultipartForm() throws Exception {
        JsonNode document = document();
        JsonNode content = document.path("paths").path("/v1/applications").path("post").path("requestBody").path("content");
        assertEquals(List.of("application/json", "multipart/form-data"), names(content));
        JsonNode json = content.path("application/json");
        assertEquals("#/components/schemas/ApplicationInput", json.path("schema").path("$ref").asText());
        JsonNode firstExample = json.path("examples").elements().next().path("value");
        assertTrue(firstExample.path("resume").path("content").asText().matches("[A-Za-z0-9+/]+=*"), firstExample.toString());
        assertTrue(firstExample.path("resume").path("fileName").isTextual(), firstExample.toString());

        JsonNode multipart = content.path("multipart/form-data");
        assertFalse(multipart.path("schema").has("$ref"), "inline, not a named component: " + multipart.path("schema"));
        assertEquals("object", multipart.path("schema").path("type").asText());
        assertEquals("#/components/schemas/ApplicationInput",
                multipart.path("schema").path("properties").path("application").path("$ref").asText(), multipart.toString());
        assertEquals("binary", multipart.path("schema").path("properties").path("resume").path("format").asText());
        assertEquals("application/json", multipart.path("encoding").path("application").path("contentType").asText());
        assertTrue(multipart.path("encoding").path("resume").path("contentType").asText().contains("application/pdf"));
        assertFalse(document.path("components").path("schemas").has("ApplyMultipart"));
        assertFalse(document.toString().contains("ApplyMultipart"));

        JsonNode schemas = document.path("components").path("schemas");
        assertEquals("#/components/schemas/ResumeUpload",
                schemas.path("ApplicationInput").path("properties").path("resume").path("$ref").asText());
        assertFalse(values(schemas.path("ApplicationInput").path("required")).contains("resume"), "the resume is optional");
        JsonNode upload = schemas.path("ResumeUpload");
        assertEquals(List.of("fileName", "content"), values(upload.path("required")));
        JsonNode fileName = upload.path("properties").path("fileName");
        assertEquals("string", fileName.path("type").asText());
        assertEquals(1, fileName.path("minLength").asInt());
        assertEquals(255, fileName.path("maxLength").asInt());
        java.util.regex.Pattern namePattern = java.util.regex.Pattern.compile(fileName.path("pattern").asText());
        assertTrue(namePattern.matcher("Alice CV (2026).pdf").matches());
        for (String bad : List.of("../cv.pdf", "dir\\cv.pdf", "cv\u0000.pdf", "cv\n.pdf", "")) {
            assertFalse(namePattern.matcher(bad).matches(), bad);
        }
        JsonNode bytes = upload.path("properties").path("content");
        assertEquals("string", bytes.path("type").asText());
        assertEquals("byte", bytes.path("format").asText());
        assertEquals("base64", bytes.path("contentEncoding").asText());
        // the base64 of 5 MB: 4 characters per 3 bytes, the last group padded
        assertEquals(4 * ((5 * 1024 * 1024 + 2) / 3), bytes.path("maxLength").asInt());
    }

    /** The gateway turns documented errors into Problem responses: each keeps what it means, and what it carries. */
    @Test
    void everyErrorResponseIsDescribed() throws Exception {
        JsonNode paths = document().path("paths");
        List<String> undescribed = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation ->
                operation.getValue().path("responses").fields().forEachRemaining(response -> {
                    if (response.getKey().matches("[45]..") && response.getValue().path("description").asText("").isBlank()) {
                        undescribed.add(operation.getKey() + " " + path.getKey() + " " + response.getKey());
                    }
                })));
        assertEquals(List.of(), undescribed);
        assertTrue(paths.path("/v1/applications").path("post").path("responses").path("409").path("description").asText()
                .contains("existingApplicationId"));
        assertTrue(paths.path("/v1/applications/{id}/transitions").path("post").path("responses").path("409")
                .path("description").asText().contains("stage"));
    }

    private static JsonNode document() throws Exception {
        return new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
