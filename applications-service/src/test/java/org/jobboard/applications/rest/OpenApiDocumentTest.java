package org.jobboard.applications.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.jobboard.platform.openapi.OperationDocumentation;
import org.jobboard.platform.testing.StackTestResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every public operation is documented for integrators: an operation added without its documentation fails here. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "applications"),
        @ResourceArg(name = "consumeFromNow", value = "applications-service-test:jobboard.postings.v1") })
class OpenApiDocumentTest {
    @Test
    void everyOperationHasSummaryDescriptionExamplesAndItsErrors() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        List<String> gaps = OperationDocumentation.gaps(document);
        assertEquals(List.of(), gaps, String.join("\n", gaps));
    }
}
