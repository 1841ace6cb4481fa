package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Valid-looking values for a JSON schema: enough to get past the first validation, so that mutations of one field
 * reach the code behind it. Patterns are not interpreted; the few the API uses are recognised by their shape.
 */
final class SchemaSamples {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final FuzzSpec spec;

    SchemaSamples(FuzzSpec spec) {
        this.spec = spec;
    }

    JsonNode sample(JsonNode schema, Random random) {
        return sample(schema, random, 0);
    }

    private JsonNode sample(JsonNode schema, Random random, int depth) {
        schema = spec.resolve(schema);
        if (schema == null || schema.isMissingNode() || depth > 8) {
            return JSON.textNode("x");
        }
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).deepCopy();
        }
        if (schema.has("allOf")) {
            return mergedAllOf(schema.get("allOf"), random, depth);
        }
        for (String choice : List.of("anyOf", "oneOf")) {
            if (schema.has(choice)) {
                for (JsonNode option : schema.get(choice)) {
                    if (!"null".equals(spec.resolve(option).path("type").asText())) {
                        return sample(option, random, depth + 1);
                    }
                }
                return JSON.nullNode();
            }
        }
        switch (type(schema)) {
            case "object":
                return object(schema, random, depth);
            case "array": {
                ArrayNode array = JSON.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items; i++) {
                    array.add(sample(schema.path("items"), random, depth + 1));
                }
                return array;
            }
            case "integer":
                return JSON.numberNode(schema.has("minimum") ? Math.max(schema.get("minimum").asLong(), 1)
                        : 1 + random.nextInt(10));
            case "number":
                return JSON.numberNode(schema.has("minimum") ? schema.get("minimum").asDouble() + 1 : 1.5);
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            case "null":
                return JSON.nullNode();
            default:
                return JSON.textNode(string(schema, random));
        }
    }

    private JsonNode mergedAllOf(JsonNode parts, Random random, int depth) {
        if (parts.size() == 1) {
            return sample(parts.get(0), random, depth + 1);
        }
        ObjectNode merged = JSON.objectNode();
        for (JsonNode part : parts) {
            JsonNode value = sample(part, random, depth + 1);
            if (value instanceof ObjectNode object) {
                merged.setAll(object);
            }
        }
        return merged;
    }

    private ObjectNode object(JsonNode schema, Random random, int depth) {
        ObjectNode object = JSON.objectNode();
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            if (required.contains(property.getKey()) || random.nextInt(10) < 6) {
                object.set(property.getKey(), sample(property.getValue(), random, depth + 1));
            }
        }
        return object;
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
            return "null";
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static String string(JsonNode schema, Random random) {
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0).asText();
        }
        String pattern = schema.path("pattern").asText("");
        switch (schema.path("format").asText("")) {
            case "uuid":
                return new UUID(random.nextLong(), random.nextLong()).toString();
            case "date-time":
                return Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date":
                return "2026-12-24";
            case "email":
                return "fuzz" + random.nextInt(1000) + "@example.org";
            case "uri":
                return "https://example.org/fuzz/" + random.nextInt(1000);
            case "binary":
                return "binary";
            default:
                break;
        }
        if (pattern.contains("[A-Z]{2}")) {
            return "US";
        }
        if (pattern.contains("[A-Z]{3}")) {
            return "USD";
        }
        if (pattern.startsWith("^\\+")) {
            return "+14155550123";
        }
        if (pattern.startsWith("^[0-9]")) {
            return String.valueOf(40000 + random.nextInt(20000));
        }
        int min = schema.path("minLength").asInt(1);
        int max = schema.path("maxLength").asInt(40);
        String word = "fuzz value " + random.nextInt(100000);
        if (word.length() > max) {
            word = word.substring(0, Math.max(max, 1));
        }
        return word.length() < min ? word + "x".repeat(min - word.length()) : word;
    }
}
