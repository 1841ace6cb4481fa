package org.jobboard.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The component schemas of a service's own OpenAPI 3.1 document as JSON Schema 2020-12, to validate real responses
 * against what the document promises, {@code required} lists included: a property listed as required that a response
 * leaves out fails, and so does one the response sends but the schema does not name (objects are closed).
 */
public final class ResponseSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final String COMPONENTS = "#/components/schemas/";

    private final JsonNode document;

    private ResponseSchemas(JsonNode document) {
        this.document = document;
    }

    public static ResponseSchemas of(String openApiJson) throws IOException {
        return new ResponseSchemas(JSON.readTree(openApiJson));
    }

    /** The required properties component schema {@code name} lists. */
    public Set<String> required(String name) {
        Set<String> required = new TreeSet<>();
        schema(name).path("required").forEach(property -> required.add(property.asText()));
        return required;
    }

    /** The violations of {@code value} against component schema {@code name} ("/items/0: required property 'id' not found"). */
    public List<String> violations(String name, JsonNode value) {
        schema(name);
        ObjectNode definitions = document.path("components").path("schemas").deepCopy();
        prepare(definitions);
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$ref", "#/$defs/" + name);
        root.set("$defs", definitions);
        Schema schema = REGISTRY.getSchema(root);
        return schema.validate(value, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))
                .stream().map(Object::toString).toList();
    }

    /** Adds the violations of {@code value} against schema {@code name} to {@code into}, each labelled with the sample. */
    public void collectViolations(String name, String sample, JsonNode value, List<String> into) {
        violations(name, value).forEach(violation -> into.add(name + " " + sample + ": " + violation));
    }

    /**
     * Every response example of the document checked against its media type's schema, where that schema is a
     * component: "GET /v1/postings/{id} 200 closed: /organization: required property ...". An example is what
     * integrators copy and linters check (Spectral's oas3-valid-media-example), so it must be a valid response.
     */
    public List<String> exampleViolations() {
        List<String> violations = new java.util.ArrayList<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("responses").properties().forEach(response ->
                        response.getValue().path("content").properties().forEach(media -> {
                            String ref = media.getValue().path("schema").path("$ref").asText("");
                            if (!ref.startsWith(COMPONENTS)) {
                                return;
                            }
                            String name = ref.substring(COMPONENTS.length());
                            media.getValue().path("examples").properties().forEach(example -> violations(name,
                                    example.getValue().path("value")).forEach(violation -> violations.add(
                                            operation.getKey().toUpperCase() + " " + path.getKey() + " "
                                                    + response.getKey() + " " + example.getKey() + ": " + violation)));
                        }))));
        return violations;
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no component schema " + name);
        }
        return schema;
    }

    /**
     * Closes every object schema that lists its properties and points references into $defs. The type the generator
     * writes beside a reference, or beside anyOf [reference, null] of a nullable one, would reject the null; the
     * gateway's merged document drops it (StateImplicitBounds), and so does this.
     */
    private static void prepare(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            if (object.has("type") && (object.has("$ref") || object.has("anyOf"))) {
                object.remove("type");
            }
            if (object.path("$ref").isTextual() && object.get("$ref").asText().startsWith(COMPONENTS)) {
                object.put("$ref", "#/$defs/" + object.get("$ref").asText().substring(COMPONENTS.length()));
            }
        }
        if (node.isContainerNode()) {
            node.forEach(ResponseSchemas::prepare);
        }
    }
}
