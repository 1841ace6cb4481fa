package org.jobboard.postings.rest;

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
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every public operation is documented for integrators: an operation added without its documentation fails here. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class OpenApiDocumentTest {
    @Inject
    ObjectMapper json;

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

    private static String document() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        // kept for offline linting (Spectral) of what the gateway merges
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), document);
        return document;
    }
}
