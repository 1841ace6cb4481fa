package org.jobboard.applications.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.applications.support.Documents;
import org.jobboard.applications.support.Fixtures;
import org.jobboard.contracts.Topics;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.openapi.ResponseSchemas;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:" + Topics.POSTINGS) })
class RequiredPropertiesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theResponseSchemasListWhatIsAlwaysThere() throws Exception {
        ResponseSchemas schemas = schemas();
        assertEquals(Set.of("id", "postingId", "status", "version", "createdAt", "updatedAt"),
                schemas.required("CandidateApplication"));
        assertEquals(Set.of("status", "at"), schemas.required("StatusChange"));
        assertEquals(Set.of("id", "postingId", "stage", "erased", "version", "createdAt", "updatedAt"),
                schemas.required("RecruiterApplication"));
        assertEquals(Set.of("to", "byRole", "at"), schemas.required("HistoryEntry"));
        assertEquals(Set.of("items", "nextCursor"), schemas.required("CandidateApplicationPage"));
        assertEquals(Set.of("items", "nextCursor"), schemas.required("RecruiterApplicationPage"));
        assertEquals(Set.of("mediaType", "sizeBytes", "href"), schemas.required("Resume"));
        assertEquals(Set.of("subject", "exportedAt", "service", "applications"),
                schemas.required("PersonalDataExport"));
        assertEquals(Set.of("id", "postingId", "status", "statusHistory", "createdAt", "updatedAt"),
                schemas.required("ExportedApplication"));
    }

    @Test
    void fullAndSparseResponsesHaveEveryRequiredProperty() throws Exception {
        ResponseSchemas schemas = schemas();
        String organization = Ids.newId();
        String posting = Fixtures.publishedPosting(organization);
        String second = Fixtures.publishedPosting(organization);
        String recruiter = TestTokens.recruiter("rita", organization);

        // full: a resume, moved on and rejected; sparse: no phone, no resume, just submitted; erased
        String full = Fixtures.newCandidate("fiona");
        String withResume = Fixtures.applyMultipart(full, Fixtures.application(posting, "Fiona Full",
                        "fiona@example.org", "+442071838750", Fixtures.VALID_ANSWERS), "cv.pdf",
                Documents.pdf("Fiona resume text"), "application/pdf").statusCode(201).extract().path("id");
        Fixtures.apply(full, second);
        Fixtures.move(recruiter, withResume, "{\"to\":\"SCREENING\",\"note\":\"looks good\"}").statusCode(200);
        Fixtures.move(recruiter, withResume, "{\"to\":\"REJECTED\",\"reason\":\"POSITION_FILLED\"}").statusCode(200);
        Fixtures.awaitTextExtraction(recruiter, withResume);
        String sparse = Fixtures.newCandidate("sam");
        String withoutResume = Fixtures.applyJson(sparse, Fixtures.application(posting, "Sam Sparse",
                "sam@example.org", null, Fixtures.VALID_ANSWERS)).statusCode(201).extract().path("id");
        String erased = Fixtures.newCandidate("erin");
        String erasedApplication = Fixtures.apply(erased, second);
        given().auth().oauth2(erased).delete("/v1/me").then().statusCode(204);

        List<String> violations = new ArrayList<>();
        JsonNode candidateFull = get(full, "/v1/me/applications/" + withResume);
        assertTrue(candidateFull.has("resume"), candidateFull.toString());
        schemas.collectViolations("CandidateApplication", "with resume", candidateFull, violations);
        JsonNode candidateSparse = get(sparse, "/v1/me/applications/" + withoutResume);
        for (String absent : List.of("resume", "phone")) {
            assertFalse(candidateSparse.has(absent), absent + ": " + candidateSparse);
        }
        schemas.collectViolations("CandidateApplication", "without resume", candidateSparse, violations);
        JsonNode firstPage = get(full, "/v1/me/applications?limit=1");
        assertTrue(firstPage.path("nextCursor").isTextual(), firstPage.toString());
        schemas.collectViolations("CandidateApplicationPage", "first page", firstPage, violations);
        JsonNode lastPage = get(full, "/v1/me/applications?limit=100");
        assertTrue(lastPage.path("nextCursor").isNull(), lastPage.toString());
        schemas.collectViolations("CandidateApplicationPage", "last page", lastPage, violations);
        schemas.collectViolations("CandidateApplicationPage", "empty",
                get(Fixtures.newCandidate("nobody"), "/v1/me/applications"), violations);

        schemas.collectViolations("RecruiterApplication", "with resume", get(recruiter, "/v1/applications/" + withResume),
                violations);
        schemas.collectViolations("RecruiterApplication", "without resume",
                get(recruiter, "/v1/applications/" + withoutResume), violations);
        JsonNode erasedView = get(recruiter, "/v1/applications/" + erasedApplication);
        assertFalse(erasedView.has("name"), erasedView.toString());
        schemas.collectViolations("RecruiterApplication", "erased", erasedView, violations);
        JsonNode recruiterFirst = get(recruiter, "/v1/applications?postingId=" + posting + "&limit=1");
        assertTrue(recruiterFirst.path("nextCursor").isTextual(), recruiterFirst.toString());
        schemas.collectViolations("RecruiterApplicationPage", "first page", recruiterFirst, violations);
        JsonNode recruiterAll = get(recruiter, "/v1/applications?limit=100");
        assertTrue(recruiterAll.path("nextCursor").isNull(), recruiterAll.toString());
        schemas.collectViolations("RecruiterApplicationPage", "last page", recruiterAll, violations);

        JsonNode export = get(full, "/v1/me/data");
        assertEquals(2, export.path("applications").size(), export.toString());
        schemas.collectViolations("PersonalDataExport", "two applications", export, violations);
        schemas.collectViolations("PersonalDataExport", "sparse", get(sparse, "/v1/me/data"), violations);
        schemas.collectViolations("PersonalDataExport", "none", get(Fixtures.newCandidate("nobody"), "/v1/me/data"), violations);
        assertEquals(List.of(), violations, "responses missing a property their schema lists as required");

        // and a response without one of them fails
        for (String field : schemas.required("RecruiterApplication")) {
            ObjectNode tampered = (ObjectNode) get(recruiter, "/v1/applications/" + withoutResume);
            tampered.remove(field);
            assertFalse(schemas.violations("RecruiterApplication", tampered).isEmpty(), "without " + field);
        }
    }

    private static JsonNode get(String token, String path) throws Exception {
        return JSON.readTree(given().auth().oauth2(token).get(path).then().statusCode(200).extract().asString());
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
