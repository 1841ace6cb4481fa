package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * States the bounds every value already has but the services' annotations do not spell out, so that clients and
 * fuzzers know them: integers their type's range, strings the size of what can reach a service (a query string
 * is at most 8 KiB, a body at most the gateway's 1 MiB limit; dates and ids their format's length).
 */
final class StateImplicitBounds implements DocumentTransform {
    @Override
    public void apply(ObjectNode merged) {
        documentBounds(merged.get("paths"), false);
        documentBounds(merged.get("components").get("schemas"), false);
    }

    private static void documentBounds(JsonNode node, boolean inParameter) {
        if (node.isArray()) {
            node.forEach(child -> documentBounds(child, inParameter));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) node;
        if (object.has("$ref")) {
            // OpenAPI 3.1 lets keywords (a description, say) stand beside a reference; a type there would restate,
            // or contradict, the referenced schema's own
            object.remove("type");
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
}
