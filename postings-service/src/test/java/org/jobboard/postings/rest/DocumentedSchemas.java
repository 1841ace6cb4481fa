package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jobboard.platform.openapi.ResponseSchemas;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;

/**
 * The component schemas of the service's own OpenAPI document (/q/openapi) as JSON Schema 2020-12, to validate real
 * responses against what the document promises. Closed: an object may hold only the properties its schema names, so
 * a property the service sends but the document does not know fails too.
 */
final class DocumentedSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENTS = "#/components/schemas/";

    private final JsonNode document;
    private final ResponseSchemas schemas;

    private DocumentedSchemas(String document) throws java.io.IOException {
        this.document = JSON.readTree(document);
        this.schemas = ResponseSchemas.of(document);
    }

    static DocumentedSchemas fromService() throws Exception {
        return new DocumentedSchemas(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
    }

    JsonNode document() {
        return document;
    }

    /** The violations of {@code value} against component schema {@code name}, formats asserted; empty when valid. */
    List<String> violations(String name, JsonNode value) {
        return schemas.violations(name, value);
    }

    /**
     * Every property path component schema {@code name} documents, through references, alternatives and arrays
     * ("jobLocation.address.addressCountry").
     */
    Set<String> documentedPaths(String name) {
        Set<String> paths = new TreeSet<>();
        schemaPaths(document.path("components").path("schemas").path(name), "", paths, 0);
        return paths;
    }

    /** Every property path present in {@code value}, arrays looked through as in {@link #documentedPaths}. */
    static Set<String> presentPaths(JsonNode value) {
        Set<String> paths = new TreeSet<>();
        valuePaths(value, "", paths);
        return paths;
    }

    private void schemaPaths(JsonNode schema, String prefix, Set<String> paths, int depth) {
        if (depth > 20) {
            throw new IllegalStateException("schema nesting too deep at " + prefix);
        }
        JsonNode resolved = schema;
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            resolved = document.path("components").path("schemas").path(ref.substring(COMPONENTS.length()));
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode alternative : resolved.path(combinator)) {
                schemaPaths(alternative, prefix, paths, depth + 1);
            }
        }
        if (resolved.has("items")) {
            schemaPaths(resolved.get("items"), prefix, paths, depth + 1);
        }
        for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
            String path = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
            paths.add(path);
            schemaPaths(property.getValue(), path, paths, depth + 1);
        }
    }

    private static void valuePaths(JsonNode value, String prefix, Set<String> paths) {
        if (value.isArray()) {
            value.forEach(item -> valuePaths(item, prefix, paths));
        } else if (value.isObject()) {
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                valuePaths(field.getValue(), path, paths);
            }
        }
    }
}
