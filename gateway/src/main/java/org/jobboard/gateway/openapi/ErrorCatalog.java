package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.jobboard.gateway.openapi.Refs.HEADER_REF;
import static org.jobboard.gateway.openapi.Refs.JSON;
import static org.jobboard.gateway.openapi.Refs.SCHEMA_REF;

/** The error statuses every Jobboard service and the gateway answer with problem+json, and how they are documented. */
final class ErrorCatalog {
    static final String PROBLEM_JSON = "application/problem+json";

    private ErrorCatalog() {
    }

    /** An error status, what it means, and the shared response component documenting it (null: none). */
    record ErrorStatus(int status, String component, String slug, String title, String description,
            String detail) {
    }

    static final List<ErrorStatus> ERRORS = List.of(
            new ErrorStatus(400, "BadRequest", "validation", "Invalid request",
                    "Invalid input: a body, parameter or header that is malformed or breaks a constraint; `errors` names "
                            + "each field", "title: size must be between 3 and 200"),
            new ErrorStatus(401, "Unauthorized", "unauthorized", "Unauthorized",
                    "No token, or an invalid or expired one (a presented token must be valid even where none is "
                            + "needed); `WWW-Authenticate: Bearer`", "a valid bearer token is required"),
            new ErrorStatus(403, "Forbidden", "forbidden", "Forbidden",
                    "The token's role (or its missing organization) does not allow this operation",
                    "your role does not allow this operation"),
            new ErrorStatus(404, "NotFound", "not-found", "Not found",
                    "Not found, or not visible to the caller (existence is never revealed across organizations)",
                    "posting 01a2206e-e027-759f-9c09-ec6468d522f6 was not found"),
            new ErrorStatus(409, "Conflict", "conflict", "Conflict",
                    "The resource's state does not allow this (duplicate, illegal transition)",
                    "a closed posting cannot be published again; reopen it instead"),
            new ErrorStatus(412, "PreconditionFailed", "precondition-failed", "Precondition failed",
                    "If-Match names another version: the resource changed since you read it",
                    "the resource changed since you read it (current ETag \"3\"); read it again and retry"),
            new ErrorStatus(413, "PayloadTooLarge", "too-large", "Payload too large",
                    "The request body is larger than allowed", "the request body may be at most 1048576 bytes"),
            new ErrorStatus(415, "UnsupportedMediaType", "unsupported-media-type", "Unsupported Media Type",
                    "Content-Type is not one this operation accepts", "this media type is not accepted here"),
            new ErrorStatus(422, "Unprocessable", "business-rule", "Unprocessable request",
                    "Well-formed, but breaks a business rule; `errors` names each field",
                    "the posting cannot be published yet"),
            new ErrorStatus(428, "PreconditionRequired", "precondition-required", "Precondition required",
                    "If-Match with the current ETag is required",
                    "this request needs an If-Match header with the current ETag"),
            new ErrorStatus(429, "TooManyRequests", "rate-limited", "Too many requests",
                    "Rate limit reached; retry after Retry-After seconds", "rate limit reached; retry in 12 seconds"),
            new ErrorStatus(500, "InternalError", "internal", "Internal error",
                    "Unexpected error (logged with the traceId; the body carries no details)",
                    "an unexpected error occurred; it has been logged"),
            new ErrorStatus(502, "BadGateway", "upstream-unavailable", "Bad gateway",
                    "The service behind the gateway cannot be reached", "the postings service is unavailable"),
            new ErrorStatus(504, "GatewayTimeout", "upstream-timeout", "Gateway timeout",
                    "The service behind the gateway did not answer in time", "the postings service did not answer in time"));

    /** Descriptions the services' generator writes by itself; an operation's own words are kept instead. */
    static final Set<String> GENERATED_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed",
            "Not Found", "Internal Server Error");

    static Optional<ErrorStatus> of(int status) {
        return ERRORS.stream().filter(e -> e.status() == status).findFirst();
    }

    static ObjectNode problemExample(ErrorStatus error, String path) {
        ObjectNode example = JSON.createObjectNode();
        example.put("type", "urn:jobboard:problem:" + error.slug());
        example.put("title", error.title());
        example.put("status", error.status());
        example.put("detail", error.detail());
        if (path != null) {
            example.put("instance", path);
        }
        if (error.status() == 400 || error.status() == 422) {
            String[] field = error.status() == 400 ? new String[] { "title", "size must be between 3 and 200" }
                    : new String[] { "salary", "is required by the pay-transparency rules of US-CO" };
            example.putArray("errors").addObject().put("field", field[0]).put("message", field[1]);
        }
        example.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        return example;
    }

    /** An error response: problem+json with the Problem schema and an example, and the headers every answer has. */
    static ObjectNode problemResponse(ErrorStatus error, String description) {
        ObjectNode response = JSON.createObjectNode();
        response.put("description", description);
        ObjectNode headers = response.putObject("headers");
        if (error.status() != 500 && error.status() < 502) {
            rateLimitRefs(headers);
        }
        headers.putObject("Access-Control-Allow-Origin").put("$ref", HEADER_REF + "Access-Control-Allow-Origin");
        if (error.status() == 429) {
            headers.putObject("Retry-After").put("$ref", HEADER_REF + "Retry-After");
        }
        if (error.status() == 401) {
            headers.putObject("WWW-Authenticate").put("$ref", HEADER_REF + "WWW-Authenticate");
        }
        ObjectNode content = response.putObject("content").putObject(PROBLEM_JSON);
        content.putObject("schema").put("$ref", SCHEMA_REF + "Problem");
        content.putObject("examples").putObject(error.slug()).put("summary", error.title())
                .set("value", problemExample(error, null));
        return response;
    }

    static void header(ObjectNode headers, String name, String description) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.putObject("schema").put("type", "integer").put("format", "int64").put("minimum", 0)
                .put("maximum", 100000000);
    }

    static void rateLimitRefs(ObjectNode headers) {
        for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
            headers.putObject(name).put("$ref", HEADER_REF + name);
        }
    }
}
