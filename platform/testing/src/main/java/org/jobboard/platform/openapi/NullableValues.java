package org.jobboard.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds the nulls in a response body that its schema in an OpenAPI 3.1 document does not allow: a client generated
 * strictly from the document would reject such a body. Only nulls are judged here (other mismatches are the
 * generator's business), so a finding always means "mark this property nullable".
 */
public final class NullableValues {
    private final JsonNode document;

    NullableValues(JsonNode document) {
        this.document = document;
    }

    public static NullableValues of(String openApiJson) throws IOException {
        return new NullableValues(new ObjectMapper().readTree(openApiJson));
    }

    /** The JSON paths ("$.items[0].region") of the nulls in {@code value} that the named component schema forbids. */
    public List<String> nullsNotAllowed(String schemaName, JsonNode value) {
        JsonNode schema = document.path("components").path("schemas").path(schemaName);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("no component schema " + schemaName);
        }
        List<String> found = new ArrayList<>();
        check(schema, value, "$", found);
        return found;
    }

    /** The same for every example of every success response of the /v1 operations: "GET /v1/x 200 example a: $.b". */
    public List<String> nullsNotAllowedInResponseExamples() {
        List<String> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(operation -> operation.getValue().path("responses").fields()
                    .forEachRemaining(response -> resolve(response.getValue()).path("content").fields()
                            .forEachRemaining(media -> {
                                String name = operation.getKey().toUpperCase() + " " + path.getKey() + " "
                                        + response.getKey() + " " + media.getKey();
                                JsonNode schema = media.getValue().path("schema");
                                if (media.getValue().has("example")) {
                                    checkExample(schema, media.getValue().get("example"), name + " example", found);
                                }
                                media.getValue().path("examples").fields().forEachRemaining(example ->
                                        checkExample(schema, resolve(example.getValue()).path("value"),
                                                name + " example " + example.getKey(), found));
                            })));
        }
        return found;
    }

    private void checkExample(JsonNode schema, JsonNode example, String name, List<String> found) {
        if (example.isMissingNode() || schema.isMissingNode()) {
            return;
        }
        if (example.isTextual() && (example.asText().startsWith("{") || example.asText().startsWith("["))) {
            // an example written as a JSON string in an annotation
            try {
                example = new ObjectMapper().readTree(example.asText());
            } catch (IOException notJson) {
                return;
            }
        }
        List<String> nulls = new ArrayList<>();
        check(schema, example, "$", nulls);
        nulls.forEach(at -> found.add(name + ": " + at));
    }

    private void check(JsonNode declared, JsonNode value, String at, List<String> found) {
        if (value.isNull()) {
            if (!allowsNull(declared)) {
                found.add(at);
            }
            return;
        }
        JsonNode schema = resolve(declared);
        for (JsonNode part : schema.path("allOf")) {
            check(part, value, at, found);
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                // the value matches one alternative: report what the closest one (fewest findings) forbids
                List<String> best = null;
                for (JsonNode alternative : schema.get(choice)) {
                    if (resolve(alternative).path("type").asText("").equals("null")) {
                        continue;
                    }
                    List<String> attempt = new ArrayList<>();
                    check(alternative, value, at, attempt);
                    if (best == null || attempt.size() < best.size()) {
                        best = attempt;
                    }
                }
                if (best != null) {
                    found.addAll(best);
                }
            }
        }
        if (value.isObject()) {
            value.fields().forEachRemaining(field -> {
                JsonNode property = schema.path("properties").path(field.getKey());
                if (property.isMissingNode()) {
                    property = schema.path("additionalProperties");
                }
                if (property.isObject()) {
                    check(property, field.getValue(), at + "." + field.getKey(), found);
                }
            });
        } else if (value.isArray() && schema.path("items").isObject()) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), at + "[" + i + "]", found);
            }
        }
    }

    /**
     * JSON Schema 2020-12 as OpenAPI 3.1 uses it (and OpenAPI 3.0's nullable, should a generator write it). A $ref
     * with siblings means both apply.
     */
    private boolean allowsNull(JsonNode schema) {
        if (schema.has("$ref") && !allowsNull(resolve(schema))) {
            return false;
        }
        if (schema.path("nullable").asBoolean(false)) {
            return true;
        }
        if (schema.has("const") && !schema.get("const").isNull()) {
            return false;
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) {
                listed |= option.isNull();
            }
            if (!listed) {
                return false;
            }
        }
        for (JsonNode part : schema.path("allOf")) {
            if (!allowsNull(part)) {
                return false;
            }
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                boolean any = false;
                for (JsonNode alternative : schema.get(choice)) {
                    any |= allowsNull(alternative);
                }
                if (!any) {
                    return false;
                }
            }
        }
        if (schema.has("type") && (schema.has("anyOf") || schema.has("oneOf"))) {
            // the services' generator writes a nullable reference as type object beside anyOf [$ref, null]; the
            // gateway publishes it without that type (OpenApiMerger, tested there), so the alternatives decide
            return true;
        }
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asText().equals("null")) {
                    return true;
                }
            }
            return false;
        }
        // no type keyword: any JSON value, null included
        return type.isMissingNode() || type.asText().equals("null");
    }

    private JsonNode resolve(JsonNode node) {
        for (int hops = 0; hops < 20 && node.has("$ref"); hops++) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            node = target;
        }
        return node;
    }
}
