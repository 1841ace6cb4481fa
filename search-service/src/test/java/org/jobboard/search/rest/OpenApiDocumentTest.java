package org.jobboard.search.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.jobboard.platform.openapi.NullableValues;
import org.jobboard.platform.openapi.OperationDocumentation;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.search.api.SearchResponse;
import org.jobboard.search.domain.Facets;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchHit;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every public operation is documented for integrators: an operation added without its documentation fails here. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class OpenApiDocumentTest {
    @Inject
    ObjectMapper json;

    @Test
    void everyOperationHasSummaryDescriptionExamplesAndItsErrors() throws Exception {
        List<String> gaps = OperationDocumentation.gaps(document());
        assertEquals(List.of(), gaps, String.join("\n", gaps));
    }

    /**
     * The nulls a search really answers with (nested records are written with every field) are allowed by the
     * document: a client generated strictly from it accepts real responses.
     */
    @Test
    void everyNullASearchSendsIsAllowedByItsSchema() throws Exception {
        PostingSummary.Location countryOnly = new PostingSummary.Location("DE", null, null, null, null, null);
        SearchResponse.Hit hit = new SearchResponse.Hit("01a2206e-e027-759f-9c09-ec6468d522f6", "Java Developer",
                new PostingSummary.Organization("01a2206e-e027-759f-9c09-ec6468d522f7", null, null), List.of("FULL_TIME"),
                "REMOTE", "SENIOR", List.of(countryOnly), new PostingSummary.Salary("EUR", null, "90000", "YEAR"),
                List.of("java"), "Engineering", Instant.parse("2026-01-05T10:00:00Z"), null, null,
                new SearchHit.Highlights(null, "a <em>Java</em> team"));
        Facets facets = new Facets(List.of(new Facets.FacetValue("FULL_TIME", null, 1)), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null);
        SearchResponse lastPage = new SearchResponse(List.of(hit), null, new SearchResponse.Total(1, "eq"), facets,
                null, false);
        List<String> forbidden = NullableValues.of(document()).nullsNotAllowed("SearchResponse", json.valueToTree(lastPage));
        assertEquals(List.of(), forbidden, "sent as null but not nullable in the OpenAPI document");
    }

    private static String document() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        // kept for offline linting (Spectral) of what the gateway merges
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), document);
        return document;
    }
}
