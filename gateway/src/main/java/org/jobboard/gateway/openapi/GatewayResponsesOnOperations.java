package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import org.jobboard.gateway.security.AccessPolicy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.jobboard.gateway.openapi.ErrorCatalog.ErrorStatus;
import static org.jobboard.gateway.openapi.ErrorCatalog.GENERATED_DESCRIPTIONS;
import static org.jobboard.gateway.openapi.ErrorCatalog.PROBLEM_JSON;
import static org.jobboard.gateway.openapi.ErrorCatalog.problemExample;
import static org.jobboard.gateway.openapi.ErrorCatalog.problemResponse;
import static org.jobboard.gateway.openapi.ErrorCatalog.rateLimitRefs;
import static org.jobboard.gateway.openapi.Refs.HEADER_REF;
import static org.jobboard.gateway.openapi.Refs.RESPONSE_REF;

/**
 * What the gateway knows of every operation: who may call it (the gateway's AccessPolicy and the service's own role
 * checks, which the service documents as the operation's security requirement), and the errors the gateway, the
 * platform's problem mappers and JAX-RS give whatever the operation: 400, 401, 403 where a role is needed, 404
 * where the path names a resource, 413 and 415 where a body is read, 429, 500, 502, 504. The errors a service
 * declares itself (409, 412, 422, 428, ...) keep its description and become problem+json too.
 */
final class GatewayResponsesOnOperations implements DocumentTransform {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final AccessPolicy access;

    GatewayResponsesOnOperations(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public void apply(ObjectNode merged) {
        merged.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue().isObject()) {
                decorate(path.getKey(), operation.getKey(), (ObjectNode) operation.getValue());
            }
        }));
    }

    private void decorate(String path, String method, ObjectNode operation) {
        Set<String> roles = ServiceRoles.of(operation);
        // a token is optional only where both let a caller without one through: the gateway's route and the service
        boolean anonymous = ServiceRoles.anonymousInService(operation)
                && access.anonymousAllowed(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)),
                        path.replaceAll("\\{[^}]+}", "x"));
        ArrayNode security = operation.putArray("security");
        if (anonymous) {
            security.addObject(); // a token is optional here
        }
        security.addObject().putArray("oauth2");
        ServiceRoles.describe(operation, roles);
        ObjectNode responses = operation.with("responses");
        Set<Integer> statuses = new TreeSet<>(List.of(400, 401, 429, 500, 502, 504));
        if (!anonymous) {
            statuses.add(403);
        }
        if (path.contains("{")) {
            statuses.add(404);
        }
        if (operation.has("requestBody")) {
            statuses.add(413);
            statuses.add(415);
        }
        responses.fieldNames().forEachRemaining(code -> {
            if (code.matches("[45]\\d\\d")) {
                statuses.add(Integer.parseInt(code));
            }
        });
        String examplePath = path.replaceAll("\\{[^}]+}", "01a2206e-e027-759f-9c09-ec6468d522f6");
        for (int status : statuses) {
            ErrorStatus error = ErrorCatalog.of(status).orElse(new ErrorStatus(status, null, "request-failed",
                    "Request failed", "Request failed", "request failed"));
            JsonNode declared = responses.path(Integer.toString(status));
            String description = declared.path("description").asText("");
            if (!description.isEmpty() && !GENERATED_DESCRIPTIONS.contains(description)) {
                // the operation says when it gives this status: its words, with the shared body and an example
                ObjectNode response = problemResponse(error, description);
                ((ObjectNode) response.path("content").path(PROBLEM_JSON).path("examples").path(error.slug()))
                        .set("value", problemExample(error, examplePath));
                responses.set(Integer.toString(status), response);
            } else if (error.component() != null) {
                responses.putObject(Integer.toString(status)).put("$ref", RESPONSE_REF + error.component());
            }
        }
        // every answer of the gateway carries the rate-limit and (for allowed origins) CORS headers
        responses.fields().forEachRemaining(response -> {
            if (response.getKey().matches("[23]\\d\\d") && response.getValue().isObject()) {
                ObjectNode headers = ((ObjectNode) response.getValue()).with("headers");
                rateLimitRefs(headers);
                headers.putObject("Access-Control-Allow-Origin").put("$ref", HEADER_REF + "Access-Control-Allow-Origin");
            }
        });
        sortResponses(responses);
    }

    /** Status codes in ascending order, as readers expect them. */
    private static void sortResponses(ObjectNode responses) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        responses.fields().forEachRemaining(entry -> sorted.put(entry.getKey(), entry.getValue()));
        responses.removeAll();
        responses.setAll(sorted);
    }
}
