package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import static org.jobboard.gateway.openapi.Refs.RESPONSE_REF;
import static org.jobboard.gateway.openapi.Refs.SCHEMA_REF;

/**
 * Schemas no operation reaches (Jackson's JsonNode internals, say) would only puzzle client generators; nor are the
 * shared error responses an operation does not use (it describes that status itself) kept.
 */
final class RemoveUnreachableComponents implements DocumentTransform {
    @Override
    public void apply(ObjectNode merged) {
        // the shared error responses an operation does not use (it describes that status itself) go first
        Set<String> usedResponses = new HashSet<>();
        Refs.collect(merged.path("paths"), RESPONSE_REF, usedResponses);
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
}
