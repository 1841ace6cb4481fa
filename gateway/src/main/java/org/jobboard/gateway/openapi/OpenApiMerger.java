package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.gateway.security.AccessPolicy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the services' OpenAPI documents into the one integrators use: the gateway as the only server, the
 * Keycloak realm's OAuth2 / OpenID Connect security schemes, which operations need a token (the gateway's own
 * AccessPolicy), the rate-limit headers, and the error responses every operation can give (all problem+json).
 */
public final class OpenApiMerger {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiMerger() {
    }

    public record Settings(String publicUrl, String realmUrl, String version) {
    }

    public static ObjectNode merge(Map<String, JsonNode> documents, Settings settings) {
        ObjectNode merged = JSON.createObjectNode();
        // the services' generator writes OpenAPI 3.1; the merged document keeps their version
        merged.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText("3.1.0"))
                .findFirst().orElse("3.1.0"));
        ObjectNode info = merged.putObject("info");
        info.put("title", "Jobboard API");
        info.put("version", settings.version());
        info.put("description", "The public API of Jobboard: postings and organizations, job search, applications. "
                + "Errors are RFC 9457 problem+json naming the field; lists are cursor-paged (`limit`, `cursor`, "
                + "`Link: rel=\"next\"`); writes use ETag/If-Match; POSTs that create honour Idempotency-Key. "
                + "Every response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset; 429 comes with "
                + "Retry-After.");
        info.putObject("license").put("name", "Apache-2.0").put("url", "https://www.apache.org/licenses/LICENSE-2.0");
        info.putObject("contact").put("name", "Jobboard maintainers").put("url", settings.publicUrl());
        merged.putArray("servers").addObject().put("url", settings.publicUrl())
                .put("description", settings.publicUrl().startsWith("https://") ? "production gateway"
                        : "local development gateway")
                .put("x-internal", false);
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");

        documents.forEach((service, document) -> {
            copyTags(document, tags);
            JsonNode servicePaths = document.path("paths");
            servicePaths.fields().forEachRemaining(path -> {
                if (path.getKey().startsWith("/v1/")) {
                    paths.set(path.getKey(), path.getValue().deepCopy());
                }
            });
            document.path("components").path("schemas").fields().forEachRemaining(schema -> {
                JsonNode existing = schemas.get(schema.getKey());
                if (existing == null || existing.equals(schema.getValue())) {
                    schemas.set(schema.getKey(), schema.getValue().deepCopy());
                } else {
                    // same name, different shape in two services: keep both, disambiguated by the service
                    String renamed = service.substring(0, 1).toUpperCase() + service.substring(1) + schema.getKey();
                    schemas.set(renamed, schema.getValue().deepCopy());
                    renameRefs(paths, "#/components/schemas/" + schema.getKey(), "#/components/schemas/" + renamed,
                            document);
                }
            });
        });

        addSharedComponents(components, settings);
        documentBounds(paths, false);
        documentBounds(schemas, false);
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue().isObject()) {
                decorate(path.getKey(), operation.getKey(), (ObjectNode) operation.getValue());
            }
        }));
        return merged;
    }

    /**
     * States the bounds every value already has but the services' annotations do not spell out, so that clients and
     * fuzzers know them: integers their type's range, strings the size of what can reach a service (a query string
     * is at most 8 KiB, a body at most the gateway's 1 MiB limit; dates and ids their format's length).
     */
    private static void documentBounds(JsonNode node, boolean inParameter) {
        if (node.isArray()) {
            node.forEach(child -> documentBounds(child, inParameter));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.has("$ref") && object.size() > 1) {
            // a reference with siblings: keep the reference in allOf so the siblings (e.g. a description) stay valid
            ObjectNode reference = JSON.createObjectNode().put("$ref", object.remove("$ref").asText());
            object.remove("type");
            object.putArray("allOf").add(reference);
            return;
        }
        boolean parameter = inParameter || object.has("in");
        String type = object.path("type").asText("");
        if (type.equals("string") && !object.has("maxLength") && !object.has("enum") && !object.has("const")) {
            String format = object.path("format").asText("");
            int max = switch (format) {
                case "date-time" -> 64;
                case "date" -> 10;
                case "uuid" -> 36;
                case "uri" -> 2048;
                default -> parameter ? 8192 : 1048576;
            };
            object.put("maxLength", max);
        }
        if (type.equals("array") && !object.has("maxItems")) {
            // an element takes at least two bytes of a body the gateway caps at 1 MiB (or of an 8 KiB query string)
            object.put("maxItems", parameter ? 4096 : 524288);
        }
        if (type.equals("integer")) {
            boolean int32 = object.path("format").asText("").equals("int32");
            if (!object.has("format")) {
                object.put("format", "int64");
            }
            if (!object.has("minimum")) {
                object.put("minimum", int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
            }
            if (!object.has("maximum")) {
                object.put("maximum", int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
            }
        }
        object.elements().forEachRemaining(child -> documentBounds(child, parameter));
    }

    private static void copyTags(JsonNode document, ArrayNode tags) {
        for (JsonNode tag : document.path("tags")) {
            boolean present = false;
            for (JsonNode existing : tags) {
                present |= existing.path("name").equals(tag.path("name"));
            }
            if (!present) {
                tags.add(tag.deepCopy());
            }
        }
    }

    /** Only the paths that came from this service's document refer to its renamed schema. */
    private static void renameRefs(ObjectNode paths, String from, String to, JsonNode serviceDocument) {
        serviceDocument.path("paths").fieldNames().forEachRemaining(name -> {
            JsonNode node = paths.get(name);
            if (node != null) {
                replaceRefs(node, from, to);
            }
        });
    }

    private static void replaceRefs(JsonNode node, String from, String to) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (from.equals(object.path("$ref").asText(null))) {
                object.put("$ref", to);
            }
            object.elements().forEachRemaining(child -> replaceRefs(child, from, to));
        } else if (node.isArray()) {
            node.forEach(child -> replaceRefs(child, from, to));
        }
    }

    private static void addSharedComponents(ObjectNode components, Settings settings) {
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        ObjectNode oauth2 = securitySchemes.putObject("oauth2");
        oauth2.put("type", "oauth2");
        oauth2.put("description", "Keycloak realm jobboard: the authorization code flow with PKCE for front ends "
                + "(client jobboard-web), client credentials for aggregators. Access tokens are JWTs (RS256, "
                + "validated per RFC8725: algorithm, issuer, audience jobboard-api, expiry), valid for 5 minutes; "
                + "front ends renew them with refresh tokens.");
        ObjectNode flows = oauth2.putObject("flows");
        ObjectNode code = flows.putObject("authorizationCode");
        code.put("authorizationUrl", settings.realmUrl() + "/protocol/openid-connect/auth");
        code.put("tokenUrl", settings.realmUrl() + "/protocol/openid-connect/token");
        code.put("refreshUrl", settings.realmUrl() + "/protocol/openid-connect/token");
        code.putObject("scopes").put("openid", "OpenID Connect sign-in");
        ObjectNode clientCredentials = flows.putObject("clientCredentials");
        clientCredentials.put("tokenUrl", settings.realmUrl() + "/protocol/openid-connect/token");
        clientCredentials.put("refreshUrl", settings.realmUrl() + "/protocol/openid-connect/token");
        clientCredentials.putObject("scopes");
        securitySchemes.putObject("oidc").put("type", "openIdConnect")
                .put("description", "The same realm through OpenID Connect discovery; JWT access tokens per RFC8725.")
                .put("openIdConnectUrl", settings.realmUrl() + "/.well-known/openid-configuration");

        ObjectNode schemas = (ObjectNode) components.get("schemas");
        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "RFC 9457 problem details");
        problem.putArray("required").add("type").add("title").add("status");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri").put("maxLength", 200);
        properties.putObject("title").put("type", "string").put("maxLength", 200);
        properties.putObject("status").put("type", "integer").put("format", "int32").put("minimum", 100).put("maximum", 599);
        properties.putObject("detail").put("type", "string").put("maxLength", 2000);
        properties.putObject("instance").put("type", "string").put("maxLength", 2000);
        properties.putObject("traceId").put("type", "string").put("pattern", "^[0-9a-f]{32}$").put("maxLength", 32);
        ObjectNode errors = properties.putObject("errors");
        errors.put("type", "array").put("maxItems", 200);
        ObjectNode error = errors.putObject("items");
        error.put("type", "object");
        error.putObject("properties").<ObjectNode>set("field", JSON.createObjectNode().put("type", "string").put("maxLength", 500))
                .set("message", JSON.createObjectNode().put("type", "string").put("maxLength", 1000));

        ObjectNode headers = components.putObject("headers");
        header(headers, "RateLimit-Limit", "Requests allowed per window for this caller");
        header(headers, "RateLimit-Remaining", "Requests left in the current window");
        header(headers, "RateLimit-Reset", "Seconds until the window is full again");
        header(headers, "Retry-After", "Seconds to wait before retrying");
        ObjectNode cors = headers.putObject("Access-Control-Allow-Origin");
        cors.put("description", "The calling origin, when it is one of the configured front-end origins (never *)");
        cors.putObject("schema").put("type", "string").put("format", "uri").put("maxLength", 2048);

        ObjectNode responses = components.putObject("responses");
        for (var entry : List.of(Map.entry("BadRequest", "Invalid input; `errors` names each field"),
                Map.entry("Unauthorized", "No token, or an invalid or expired one"),
                Map.entry("Forbidden", "The token's role does not allow this"),
                Map.entry("NotFound", "Not found, or not visible to the caller"),
                Map.entry("TooManyRequests", "Rate limit reached; retry after Retry-After seconds"),
                Map.entry("InternalError", "Unexpected error (logged with the traceId; no details are exposed)"))) {
            ObjectNode response = responses.putObject(entry.getKey());
            response.put("description", entry.getValue());
            ObjectNode content = response.putObject("content").putObject("application/problem+json");
            content.putObject("schema").put("$ref", "#/components/schemas/Problem");
            ObjectNode responseHeaders = response.putObject("headers");
            rateLimitRefs(responseHeaders);
            responseHeaders.putObject("Access-Control-Allow-Origin").put("$ref", "#/components/headers/Access-Control-Allow-Origin");
            if (entry.getKey().equals("TooManyRequests")) {
                responseHeaders.putObject("Retry-After").put("$ref", "#/components/headers/Retry-After");
            }
        }
    }

    private static void header(ObjectNode headers, String name, String description) {
        ObjectNode header = headers.putObject(name);
        header.put("description", description);
        header.putObject("schema").put("type", "integer").put("format", "int64").put("minimum", 0)
                .put("maximum", 100000000);
    }

    private static void rateLimitRefs(ObjectNode headers) {
        for (String name : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
            headers.putObject(name).put("$ref", "#/components/headers/" + name);
        }
    }

    private static void decorate(String path, String method, ObjectNode operation) {
        boolean anonymous = AccessPolicy.anonymousAllowed(io.vertx.core.http.HttpMethod.valueOf(method.toUpperCase()),
                path.replaceAll("\\{[^}]+}", "x"));
        ArrayNode security = operation.putArray("security");
        if (anonymous) {
            security.addObject(); // a token is optional here
        }
        security.addObject().putArray("oauth2");
        ObjectNode responses = operation.with("responses");
        ref(responses, "400", "BadRequest");
        if (!anonymous) {
            ref(responses, "401", "Unauthorized");
            ref(responses, "403", "Forbidden");
        } else {
            ref(responses, "401", "Unauthorized"); // an invalid token is refused even where none is needed
        }
        if (path.contains("{")) {
            ref(responses, "404", "NotFound");
        }
        ref(responses, "429", "TooManyRequests");
        ref(responses, "500", "InternalError");
        // every answer of the gateway carries the rate-limit and (for allowed origins) CORS headers
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            if (response.getValue().isObject() && !response.getValue().has("$ref")) {
                ObjectNode headers = ((ObjectNode) response.getValue()).with("headers");
                if (response.getKey().startsWith("2") || response.getKey().startsWith("4")) {
                    rateLimitRefs(headers);
                }
                headers.putObject("Access-Control-Allow-Origin").put("$ref", "#/components/headers/Access-Control-Allow-Origin");
            }
        }
    }

    private static void ref(ObjectNode responses, String status, String component) {
        JsonNode existing = responses.get(status);
        // the services' own descriptions of these statuses are kept when they have content; bare ones are replaced
        if (existing == null || !existing.has("content")) {
            responses.putObject(status).put("$ref", "#/components/responses/" + component);
        }
    }
}
