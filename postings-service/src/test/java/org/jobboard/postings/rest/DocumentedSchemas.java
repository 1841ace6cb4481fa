package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

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
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String COMPONENTS = "#/components/schemas/";

    private final JsonNode document;

    private DocumentedSchemas(JsonNode document) {
        this.document = document;
    }

    static DocumentedSchemas fromService() throws Exception {
        return new DocumentedSchemas(JSON.readTree(
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString()));
    }

    JsonNode document() {
        return document;
    }

    /** The violations of {@code value} against component schema {@code name}, formats asserted; empty when valid. */
    List<Error> violations(String name, JsonNode value) {
        if (!document.path("components").path("schemas").has(name)) {
            throw new IllegalArgumentException("no component schema " + name);
        }
        ObjectNode definitions = document.path("components").path("schemas").deepCopy();
        closeObjects(definitions);
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/$defs/" + name);
        root.set("$defs", definitions);
        Schema schema = REGISTRY.getSchema(root);
        return schema.validate(value, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
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

    /** additionalProperties false on every object schema that lists its properties; references into $defs. */
    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            // the type the generator writes beside a reference, or beside anyOf [reference, null] of a nullable one,
            // would reject the null; the gateway's merged document drops it (StateImplicitBounds), and so does this
            if (object.has("type") && (object.has("$ref") || object.has("anyOf"))) {
                object.remove("type");
            }
            if (object.path("$ref").isTextual() && object.get("$ref").asText().startsWith(COMPONENTS)) {
                object.put("$ref", "#/$defs/" + object.get("$ref").asText().substring(COMPONENTS.length()));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(DocumentedSchemas::closeObjects);
        }
    }
}
