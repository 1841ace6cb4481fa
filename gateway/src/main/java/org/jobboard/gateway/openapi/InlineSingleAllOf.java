package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The services' generator wraps a reference in a one-element {@code allOf} wherever a field adds a description or a
 * bound to a referenced schema. OpenAPI 3.1 allows keywords beside {@code $ref}, and a composition of one schema
 * reads as a modelling mistake to linters and generators alike, so the one schema takes the allOf's place.
 */
final class InlineSingleAllOf implements DocumentTransform {
    @Override
    public void apply(ObjectNode merged) {
        inline(merged);
    }

    private static void inline(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode allOf = object.get("allOf");
            if (allOf != null && allOf.isArray() && allOf.size() == 1 && allOf.get(0) instanceof ObjectNode only
                    && noSharedKeys(object, only)) {
                object.remove("allOf");
                object.setAll(only);
            }
            List<JsonNode> children = new ArrayList<>();
            object.elements().forEachRemaining(children::add);
            children.forEach(InlineSingleAllOf::inline);
        } else if (node != null && node.isArray()) {
            node.forEach(InlineSingleAllOf::inline);
        }
    }

    private static boolean noSharedKeys(ObjectNode object, ObjectNode only) {
        List<String> names = new ArrayList<>();
        only.fieldNames().forEachRemaining(names::add);
        return names.stream().noneMatch(name -> !name.equals("allOf") && object.has(name));
    }
}
