package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.jobboard.gateway.openapi.Refs.JSON;

/** Jackson's tree type as the generator sees it (its getters) is not what travels: any JSON value does. */
final class JsonNodeAsAnyValue implements DocumentTransform {
    @Override
    public void apply(ObjectNode merged) {
        ObjectNode schemas = (ObjectNode) merged.get("components").get("schemas");
        if (schemas.has("JsonNode")) {
            schemas.set("JsonNode", JSON.createObjectNode().put("description", "Any JSON value"));
        }
    }
}
