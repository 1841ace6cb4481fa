package org.jobboard.platform.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.math.BigDecimal;

/**
 * The parameters and headers several services' operations share, defined once and referenced by name from their
 * resources ({@code @Parameter(ref = "Idempotency-Key")}); the gateway's merged document keeps these names because every
 * service defines them alike. A service enables it with {@code mp.openapi.filter} in its configuration.
 */
public class SharedOpenApiComponents implements OASFilter {
    /** Description of a required If-Match, for operations that insist on it. */
    public static final String IF_MATCH_REQUIRED = "The ETag you read; 428 when missing, 412 when the resource changed since";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addParameter("Idempotency-Key", header("Idempotency-Key",
                "Any unique string (a UUID is fine): a retry with the same key and body within 24 h replays the first "
                        + "response; the same key with another body is 422",
                string(255, "\\S").minLength(1)).example("5b1f0a4e-3c1d-4a8e-9f3a-2d6c7e8f9a01"));
        components.addParameter("If-Match", header("If-Match",
                "The ETag you read: optional on commands, but when sent the resource must still have that version "
                        + "(412 otherwise)", string(1024, "\\S")).example("\"3\""));
        components.addParameter("cursor", OASFactory.createParameter().name("cursor").in(Parameter.In.QUERY)
                .description("nextCursor of the previous page of the same list (opaque)")
                .schema(string(1024, "^[A-Za-z0-9_-]+$")));
        components.addParameter("limit", OASFactory.createParameter().name("limit").in(Parameter.In.QUERY)
                .description("Page size, 1 to 100")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .minimum(BigDecimal.ONE).maximum(BigDecimal.valueOf(100)).defaultValue(20)));
        components.addHeader("ETag", responseHeader("The resource's version, for If-Match",
                string(24, "^\"[0-9]+\"$")));
        components.addHeader("Link", responseHeader("<URL of the next page>; rel=\"next\", when more items follow",
                string(4096, "^<[^>]+>; rel=\"next\"$")));
    }

    private static Parameter header(String name, String description, Schema schema) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).description(description).schema(schema);
    }

    private static Header responseHeader(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string(int maxLength, String pattern) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength).pattern(pattern);
    }
}
