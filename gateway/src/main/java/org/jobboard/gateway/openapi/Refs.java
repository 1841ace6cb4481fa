package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/** {@code $ref}s in a document: finding and renaming them. */
final class Refs {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA_REF = "#/components/schemas/";
    static final String RESPONSE_REF = "#/components/responses/";
    static final String HEADER_REF = "#/components/headers/";

    private Refs() {
    }

    /** The names after {@code prefix} of every reference under {@code node}. */
    static void collect(JsonNode node, String prefix, Set<String> names) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith(prefix)) {
            names.add(ref.substring(prefix.length()));
        }
        node.elements().forEachRemaining(child -> collect(child, prefix, names));
    }

    static void replace(JsonNode node, String from, String to) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (from.equals(object.path("$ref").asText(null))) {
                object.put("$ref", to);
            }
            object.elements().forEachRemaining(child -> replace(child, from, to));
        } else if (node.isArray()) {
            node.forEach(child -> replace(child, from, to));
        }
    }

    static ObjectNode objectIn(ObjectNode parent, String name) {
        return parent.has(name) ? (ObjectNode) parent.get(name) : parent.putObject(name);
    }
}
