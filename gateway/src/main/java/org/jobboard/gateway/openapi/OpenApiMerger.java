package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.gateway.security.AccessPolicy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into the one integrators use: the gateway as the only server, the
 * Keycloak realm's OAuth2 / OpenID Connect security schemes, which operations need a token (the gateway's own
 * AccessPolicy), the rate-limit headers, and the error responses every operation can give (all problem+json).
 */
public final class OpenApiMerger {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The component kinds taken over from the services (their security schemes are replaced by the realm's). */
    private static final List<String> SHARED_KINDS = List.of("schemas", "parameters", "headers", "examples",
            "requestBodies", "responses");

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

        documents.forEach((service, original) -> {
            JsonNode document = withoutNameClashes(service, original, components);
            copyTags(document, tags);
            document.path("paths").fields().forEachRemaining(path -> {
                if (path.getKey().startsWith("/v1/")) {
                    paths.set(path.getKey(), path.getValue().deepCopy());
                }
            });
            document.path("components").fields().forEachRemaining(kind -> {
                if (SHARED_KINDS.contains(kind.getKey())) {
                    ObjectNode target = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                            : components.putObject(kind.getKey());
                    kind.getValue().fields().forEachRemaining(c -> target.set(c.getKey(), c.getValue().deepCopy()));
                }
            });
        });
        mergePatchSchemas(paths, schemas);
        if (schemas.has("JsonNode")) {
            // Jackson's tree type as the generator sees it (its getters) is not what travels: any JSON value does
            schemas.set("JsonNode", JSON.createObjectNode().put("description", "Any JSON value"));
        }

        addSharedComponents(components, settings);
        documentBounds(paths, false);
        documentBounds(schemas, false);
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            if (METHODS.contains(operation.getKey()) && operation.getValue().isObject()) {
                decorate(path.getKey(), operation.getKey(), (ObjectNode) operation.getValue());
            }
        }));
        removeUnusedSchemas(merged);
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
        if ((object.has("anyOf") || object.has("oneOf"))
                && (object.path("type").isArray() || object.has("type") && allowsNullAlternative(object))) {
            // a nullable reference comes as type [string, null] or type object next to anyOf [$ref, null]: the
            // alternatives carry the types (a type object beside them would forbid the null they allow)
            object.remove("type");
        }
        String type = object.path("type").isArray() && object.path("type").toString().contains("\"string\"")
                ? "string" : object.path("type").asText("");
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

    private static boolean allowsNullAlternative(ObjectNode schema) {
        for (String choice : List.of("anyOf", "oneOf")) {
            for (JsonNode alternative : schema.path(choice)) {
                if (alternative.path("type").asText("").equals("null")) {
                    return true;
                }
            }
        }
        return false;
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

    /**
     * A copy of a service's document in which every schema that shares its name with an already merged schema of
     * another shape is renamed after the service (search's Location becomes SearchLocation), and every reference to
     * it, in the service's paths and in its other schemas, follows. A rename can change the shape of a schema that
     * refers to the renamed one, so this repeats until no clash is left.
     */
    private static JsonNode withoutNameClashes(String service, JsonNode original, ObjectNode mergedComponents) {
        ObjectNode document = original.deepCopy();
        String prefix = service.substring(0, 1).toUpperCase() + service.substring(1);
        boolean renamed = true;
        while (renamed) {
            renamed = false;
            for (String kind : SHARED_KINDS) {
                if (!(document.path("components").path(kind) instanceof ObjectNode own)) {
                    continue;
                }
                JsonNode merged = mergedComponents.path(kind);
                List<String> names = new ArrayList<>();
                own.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode existing = merged.get(name);
                    if (existing != null && !existing.equals(own.get(name)) && !name.startsWith(prefix)) {
                        own.set(prefix + name, own.remove(name));
                        String base = "#/components/" + kind + "/";
                        replaceRefs(document, base + name, base + prefix + name);
                        renamed = true;
                    }
                }
            }
        }
        return document;
    }

    /**
     * A JSON Merge Patch body is a partial object in which null removes a field: the services name the writable
     * fields' schema (PostingInput), so the patch gets a copy of it without required fields and with null allowed
     * (PostingInputPatch). What the patched result must satisfy stays the service's check (400/422).
     */
    private static void mergePatchSchemas(ObjectNode paths, ObjectNode schemas) {
        paths.elements().forEachRemaining(path -> path.fields().forEachRemaining(operation -> {
            JsonNode content = operation.getValue().path("requestBody").path("content");
            if (!content.has("application/merge-patch+json")) {
                return;
            }
            content.elements().forEachRemaining(media -> {
                String ref = media.path("schema").path("$ref").asText("");
                if (!ref.startsWith(SCHEMA_REF) || !schemas.has(ref.substring(SCHEMA_REF.length()))) {
                    return;
                }
                String name = ref.substring(SCHEMA_REF.length()) + "Patch";
                if (!schemas.has(name)) {
                    ObjectNode patch = schemas.get(ref.substring(SCHEMA_REF.length())).deepCopy();
                    patch.remove("required");
                    patch.put("description", "JSON Merge Patch (RFC 7396) of " + ref.substring(SCHEMA_REF.length())
                            + ": any subset of its fields; null removes a field");
                    patch.path("properties").elements().forEachRemaining(property -> {
                        ObjectNode field = (ObjectNode) property;
                        JsonNode alternatives = JSON.createArrayNode().add(field.deepCopy())
                                .add(JSON.createObjectNode().put("type", "null"));
                        field.removeAll();
                        field.set("anyOf", alternatives);
                    });
                    schemas.set(name, patch);
                }
                ((ObjectNode) media.path("schema")).put("$ref", SCHEMA_REF + name);
            });
        }));
    }

    /** Schemas no operation reaches (Jackson's JsonNode internals, say) would only puzzle client generators. */
    private static void removeUnusedSchemas(ObjectNode merged) {
        // the shared error responses an operation does not use (it describes that status itself) go first
        Set<String> usedResponses = new HashSet<>();
        collectRefs(merged.path("paths"), "#/components/responses/", usedResponses);
        ((ObjectNode) merged.path("components").path("responses")).retain(usedResponses);
        ObjectNode schemas = (ObjectNode) merged.path("components").path("schemas");
        Set<String> reached = new HashSet<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.add(merged.path("paths"));
        merged.path("components").fields().forEachRemaining(part -> {
            if (!part.getKey().equals("schemas")) {
                pending.add(part.getValue());
            }
        });
        while (!pending.isEmpty()) {
            JsonNode node = pending.poll();
            String ref = node.path("$ref").asText("");
            if (ref.startsWith(SCHEMA_REF)) {
                String name = ref.substring(SCHEMA_REF.length());
                if (reached.add(name) && schemas.has(name)) {
                    pending.add(schemas.get(name));
                }
            }
            node.elements().forEachRemaining(pending::add);
        }
        schemas.retain(reached);
    }

    private static void collectRefs(JsonNode node, String prefix, Set<String> names) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith(prefix)) {
            names.add(ref.substring(prefix.length()));
        }
        node.elements().forEachRemaining(child -> collectRefs(child, prefix, names));
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

    /** An error status every Jobboard service and the gateway answer with problem+json, and what it means. */
    private record ErrorStatus(int status, String component, String slug, String title, String description,
            String detail) {
    }

    private static final List<ErrorStatus> ERRORS = List.of(
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
    private static final Set<String> GENERATED_DESCRIPTIONS = Set.of("Bad Request", "Not Authorized", "Not Allowed",
            "Not Found", "Internal Server Error");

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
        schemas.set("FieldError", fieldErrorSchema());
        schemas.set("Problem", problemSchema());

        ObjectNode headers = components.has("headers") ? (ObjectNode) components.get("headers")
                : components.putObject("headers");
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

        ObjectNode responses = components.has("responses") ? (ObjectNode) components.get("responses")
                : components.putObject("responses");
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
        problem.put("description", "RFC 9457 problem details. Other members may appear on some errors (e.g. "
                + "existingApplicationId on a duplicate application).");
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
        return problem;
    }

    private static ObjectNode problemExample(ErrorStatus error, String path) {
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
    private static ObjectNode problemResponse(ErrorStatus error, String description) {
        ObjectNode response = JSON.createObjectNode();
        response.put("description", description);
        ObjectNode headers = response.putObject("headers");
        if (error.status() != 500 && error.status() < 502) {
            rateLimitRefs(headers);
        }
        headers.putObject("Access-Control-Allow-Origin").put("$ref", "#/components/headers/Access-Control-Allow-Origin");
        if (error.status() == 429) {
            headers.putObject("Retry-After").put("$ref", "#/components/headers/Retry-After");
        }
        if (error.status() == 401) {
            headers.putObject("WWW-Authenticate").put("$ref", "#/components/headers/WWW-Authenticate");
        }
        ObjectNode content = response.putObject("content").putObject(PROBLEM_JSON);
        content.putObject("schema").put("$ref", SCHEMA_REF + "Problem");
        content.putObject("examples").putObject(error.slug()).put("summary", error.title())
                .set("value", problemExample(error, null));
        return response;
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

    /**
     * What the gateway knows of every operation: who may call it (its AccessPolicy), and the errors the gateway, the
     * platform's problem mappers and JAX-RS give whatever the operation: 400, 401, 403 where a role is needed, 404
     * where the path names a resource, 413 and 415 where a body is read, 429, 500, 502, 504. The errors a service
     * declares itself (409, 412, 422, 428, ...) keep its description and become problem+json too.
     */
    private static void decorate(String path, String method, ObjectNode operation) {
        boolean anonymous = AccessPolicy.anonymousAllowed(io.vertx.core.http.HttpMethod.valueOf(method.toUpperCase()),
                path.replaceAll("\\{[^}]+}", "x"));
        ArrayNode security = operation.putArray("security");
        if (anonymous) {
            security.addObject(); // a token is optional here
        }
        security.addObject().putArray("oauth2");
        ObjectNode responses = operation.with("responses");
        Set<Integer> statuses = new java.util.TreeSet<>(List.of(400, 401, 429, 500, 502, 504));
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
            ErrorStatus error = ERRORS.stream().filter(e -> e.status() == status).findFirst()
                    .orElse(new ErrorStatus(status, null, "request-failed", "Request failed", "Request failed",
                            "request failed"));
            JsonNode declared = responses.path(Integer.toString(status));
            String description = declared.path("description").asText("");
            if (!description.isEmpty() && !GENERATED_DESCRIPTIONS.contains(description)) {
                // the operation says when it gives this status: its words, with the shared body and an example
                ObjectNode response = problemResponse(error, description);
                ((ObjectNode) response.path("content").path(PROBLEM_JSON).path("examples").path(error.slug()))
                        .set("value", problemExample(error, examplePath));
                responses.set(Integer.toString(status), response);
            } else if (error.component() != null) {
                responses.putObject(Integer.toString(status)).put("$ref", "#/components/responses/" + error.component());
            }
        }
        // every answer of the gateway carries the rate-limit and (for allowed origins) CORS headers
        responses.fields().forEachRemaining(response -> {
            if (response.getKey().matches("[23]\\d\\d") && response.getValue().isObject()) {
                ObjectNode headers = ((ObjectNode) response.getValue()).with("headers");
                rateLimitRefs(headers);
                headers.putObject("Access-Control-Allow-Origin").put("$ref", "#/components/headers/Access-Control-Allow-Origin");
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
