package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.jobboard.gateway.openapi.Refs.JSON;
import static org.jobboard.gateway.openapi.Refs.SCHEMA_REF;

/**
 * A JSON Merge Patch body is a partial object in which null removes a field: the services name the writable
 * fields' schema (PostingInput), so the patch gets a copy of it without required fields and with null allowed
 * (PostingInputPatch). What the patched result must satisfy stays the service's check (400/422).
 */
final class PartialSchemasForMergePatch implements DocumentTransform {
    @Override
    public void apply(ObjectNode merged) {
        ObjectNode paths = (ObjectNode) merged.get("paths");
        ObjectNode schemas = (ObjectNode) merged.get("components").get("schemas");
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
                    schemas.set(name, patchOf(schemas.get(ref.substring(SCHEMA_REF.length())),
                            ref.substring(SCHEMA_REF.length())));
                }
                ((ObjectNode) media.path("schema")).put("$ref", SCHEMA_REF + name);
            });
        }));
    }

    private static ObjectNode patchOf(JsonNode input, String inputName) {
        ObjectNode patch = input.deepCopy();
        patch.remove("required");
        patch.put("description", "JSON Merge Patch (RFC 7396) of " + inputName
                + ": any subset of its fields; null removes a field");
        patch.path("properties").elements().forEachRemaining(property -> {
            ObjectNode field = (ObjectNode) property;
            JsonNode alternatives = JSON.createArrayNode().add(field.deepCopy())
                    .add(JSON.createObjectNode().put("type", "null"));
            field.removeAll();
            field.set("anyOf", alternatives);
        });
        return patch;
    }
}
