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
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every public operation is documented for integrators: an operation added without its documentation fails here. */
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
        for (String name : List.of("ApplicationInput", "ApplyMultipart", "CandidateApplication", "CandidateApplicationPage",
                "RecruiterApplication", "RecruiterApplicationPage", "PersonalDataExport", "Resume", "TransitionInput",
                "CandidateStatus", "Stage", "RejectReason")) {
            assertTrue(schemas.has(name), name + " in " + schemas.fieldNames());
        }
        assertEquals(Arrays.stream(CandidateStatus.values()).map(Enum::name).toList(),
                values(schemas.path("CandidateStatus").path("enum")));
        assertEquals(Arrays.stream(Stage.values()).map(Enum::name).toList(), values(schemas.path("Stage").path("enum")));
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
