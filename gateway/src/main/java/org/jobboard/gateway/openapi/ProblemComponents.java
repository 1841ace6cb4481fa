package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.jobboard.gateway.openapi.ErrorCatalog.ERRORS;
import static org.jobboard.gateway.openapi.ErrorCatalog.ErrorStatus;
import static org.jobboard.gateway.openapi.ErrorCatalog.header;
import static org.jobboard.gateway.openapi.ErrorCatalog.problemResponse;
import static org.jobboard.gateway.openapi.Refs.JSON;
import static org.jobboard.gateway.openapi.Refs.SCHEMA_REF;

/**
 * What every answer shares: the Problem and FieldError schemas, the rate-limit, CORS and WWW-Authenticate headers, and
 * one response component per error status of the {@link ErrorCatalog}.
 */
final class ProblemComponents implements DocumentTransform {
    @Override
    public void apply(ObjectNode merged) {
        ObjectNode components = (ObjectNode) merged.get("components");
        ObjectNode schemas = (ObjectNode) components.get("schemas");
        schemas.set("FieldError", fieldErrorSchema());
        schemas.set("Problem", problemSchema());

        ObjectNode headers = Refs.objectIn(components, "headers");
        header(headers, "RateLimit-Limit", "Requests allowed per window for this caller");
        header(headers, "RateLimit-Remaining", "Requests left in the current window");
        header(headers, "RateLimit-Reset", "Seconds until the window is full again");
        header(headers, "Retry-After", "Seconds to wait before retrying");
        ObjectNode cors = headers.putObject("Access-Control-Allow-Origin");
        cors.put("description", "The calling origin, when it is one of the configured front-end origins (never *)");
        cors.putObject("schema").put("type", "string").put("format", "uri").put("maxLength", 2048);
        ObjectNode authenticate = headers.putObject("WWW-Authenticate");
        authenticate.put("description", "The authentication scheme to use: Bearer");
        authenticate.putObject("schema").put("type", "string").put("const", "Bearer");

        ObjectNode responses = Refs.objectIn(components, "responses");
        for (ErrorStatus error : ERRORS) {
            responses.set(error.component(), problemResponse(error, error.description()));
        }
    }

    private static ObjectNode fieldErrorSchema() {
        ObjectNode schema = JSON.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "One invalid input: the JSON path (salary.max, items[1].title) or parameter name, "
                + "and what is wrong with it");
        schema.putArray("required").add("field").add("message");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("field").put("type", "string").put("maxLength", 500);
        properties.putObject("message").put("type", "string").put("maxLength", 1000);
        return schema;
    }

    private static ObjectNode problemSchema() {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "object");
        problem.put("description", "RFC 9457 problem details, with the extension members some errors carry.");
        problem.putArray("required").add("type").add("title").add("status").add("detail");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri").put("maxLength", 200)
                .put("description", "urn:jobboard:problem: and a slug naming the kind of error");
        properties.putObject("title").put("type", "string").put("maxLength", 200);
        properties.putObject("status").put("type", "integer").put("format", "int32").put("minimum", 400)
                .put("maximum", 599);
        properties.putObject("detail").put("type", "string").put("maxLength", 2000);
        properties.putObject("instance").put("type", "string").put("format", "uri-reference").put("maxLength", 2048)
                .put("description", "The path of the request");
        properties.putObject("traceId").put("type", "string").put("pattern", "^[0-9a-f]{32}$").put("maxLength", 32)
                .put("description", "The W3C trace id of the request, as in the logs");
        ObjectNode errors = properties.putObject("errors");
        errors.put("type", "array").put("maxItems", 200).put("description", "Validation failures, one per field");
        errors.putObject("items").put("$ref", SCHEMA_REF + "FieldError");
        // the extension members some errors carry, so that clients read them typed
        properties.putObject("existingApplicationId").put("type", "string").put("format", "uuid").put("maxLength", 36)
                .put("description", "On 409 to an application: the caller's active application to the same posting");
        properties.putObject("stage").put("type", "string").put("maxLength", 40)
                .put("description", "On 409 to a pipeline move: the stage the application is in now");
        return problem;
    }
}
