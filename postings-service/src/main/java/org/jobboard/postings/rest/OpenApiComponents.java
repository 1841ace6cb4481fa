package org.jobboard.postings.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Parameters and headers several operations share, referenced by name from the resources (the gateway's merged
 * document keeps these names: the services define them alike). The OpenAPI scanner reads this definition from a
 * JAX-RS Application class; it declares no path and no classes, so every resource is deployed as before.
 */
@OpenAPIDefinition(info = @Info(title = "Jobboard postings API", version = "1.0.0"), components = @Components(
        parameters = {
                @Parameter(name = "Idempotency-Key", in = ParameterIn.HEADER,
                        description = "Any unique string (a UUID is fine): a retry with the same key and body within "
                                + "24 h replays the first response; the same key with another body is 422",
                        example = "5b1f0a4e-3c1d-4a8e-9f3a-2d6c7e8f9a01",
                        schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = "\\S")),
                @Parameter(name = "If-Match", in = ParameterIn.HEADER,
                        description = "The ETag you read: optional on commands, but when sent the resource must "
                                + "still have that version (412 otherwise)",
                        example = "\"3\"", schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "\\S")),
                @Parameter(name = "cursor", in = ParameterIn.QUERY,
                        description = "nextCursor of the previous page of the same list (opaque)",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 1024, pattern = "^[A-Za-z0-9_-]+$")),
                @Parameter(name = "limit", in = ParameterIn.QUERY, description = "Page size, 1 to 100",
                        schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "100",
                                defaultValue = "20")) },
        headers = {
                @Header(name = "ETag", description = "The resource's version, for If-Match",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 24, pattern = "^\"[0-9]+\"$")),
                @Header(name = "Link", description = "<URL of the next page>; rel=\"next\", when more items follow",
                        schema = @Schema(type = SchemaType.STRING, maxLength = 4096, pattern = "^<[^>]+>; rel=\"next\"$")) }))
public class OpenApiComponents extends Application {
    static final String IF_MATCH_REQUIRED = "The ETag you read; 428 when missing, 412 when the resource changed since";
}
