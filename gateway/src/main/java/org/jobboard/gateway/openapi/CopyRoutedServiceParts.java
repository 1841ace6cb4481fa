package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.gateway.route.Route;
import org.jobboard.gateway.route.RouteTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each service's tags, the paths the route table sends to that service (not its internal /q ones), and its shared
 * components (its security schemes are replaced by the realm's), a schema whose name another service already uses
 * for another shape renamed after the service.
 */
final class CopyRoutedServiceParts implements DocumentTransform {
    /** The component kinds taken over from the services. */
    static final List<String> SHARED_KINDS = List.of("schemas", "parameters", "headers", "examples",
            "requestBodies", "responses");

    private final Map<String, JsonNode> documents;
    private final RouteTable routes;

    /** @param documents by upstream name, as the route table names them */
    CopyRoutedServiceParts(Map<String, JsonNode> documents, RouteTable routes) {
        this.documents = documents;
        this.routes = routes;
    }

    @Override
    public void apply(ObjectNode merged) {
        ArrayNode tags = (ArrayNode) merged.get("tags");
        ObjectNode paths = (ObjectNode) merged.get("paths");
        ObjectNode components = (ObjectNode) merged.get("components");
        documents.forEach((service, original) -> {
            JsonNode document = withoutNameClashes(service, original, components);
            copyTags(document, tags);
            document.path("paths").fields().forEachRemaining(path -> {
                if (routes.match(path.getKey()).map(Route::upstream).filter(service::equals).isPresent()) {
                    paths.set(path.getKey(), path.getValue().deepCopy());
                }
            });
            document.path("components").fields().forEachRemaining(kind -> {
                if (SHARED_KINDS.contains(kind.getKey())) {
                    ObjectNode target = Refs.objectIn(components, kind.getKey());
                    kind.getValue().fields().forEachRemaining(c -> target.set(c.getKey(), c.getValue().deepCopy()));
                }
            });
        });
    }

    private static void copyTags(JsonNode document, ArrayNode tags) {
        for (JsonNode tag : document.path("tags")) {
            boolean present = false;
            for (JsonNode existing : tags) {
                present |= existing.path("name").equals(tag.path("name"));
            }
            if (!present) {
                tags.add(tag.deepCopy());
            }
        }
    }

    /**
     * A copy of a service's document in which every schema that shares its name with an already merged schema of
     * another shape is renamed after the service (search's Location becomes SearchLocation), and every reference to
     * it, in the service's paths and in its other schemas, follows. A rename can change the shape of a schema that
     * refers to the renamed one, so this repeats until no clash is left.
     */
    private static JsonNode withoutNameClashes(String service, JsonNode original, ObjectNode mergedComponents) {
        ObjectNode document = original.deepCopy();
        String prefix = service.substring(0, 1).toUpperCase() + service.substring(1);
        boolean renamed = true;
        while (renamed) {
            renamed = false;
            for (String kind : SHARED_KINDS) {
                if (!(document.path("components").path(kind) instanceof ObjectNode own)) {
                    continue;
                }
                JsonNode merged = mergedComponents.path(kind);
                List<String> names = new ArrayList<>();
                own.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    JsonNode existing = merged.get(name);
                    if (existing != null && !existing.equals(own.get(name)) && !name.startsWith(prefix)) {
                        own.set(prefix + name, own.remove(name));
                        String base = "#/components/" + kind + "/";
                        Refs.replace(document, base + name, base + prefix + name);
                        renamed = true;
                    }
                }
            }
        }
        return document;
    }
}
