package org.jobboard.tools.openapi;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What changed between two versions of an OpenAPI document, from a client's side: a change is breaking when a client
 * generated from the old document can fail against the new one (an operation or a field it uses is gone, a request it
 * sends is now refused, a response carries a value its generated enum does not know, a token is now needed).
 */
public final class OpenApiDiff {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    public record Change(boolean breaking, String where, String what) {
        @Override
        public String toString() {
            return (breaking ? "BREAKING  " : "          ") + where + ": " + what;
        }
    }

    private enum Direction { REQUEST, RESPONSE }

    private final JsonNode before;
    private final JsonNode after;
    private final List<Change> changes = new ArrayList<>();
    private final Set<String> compared = new HashSet<>();

    private OpenApiDiff(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    public static List<Change> compare(JsonNode before, JsonNode after) {
        OpenApiDiff diff = new OpenApiDiff(before, after);
        diff.operations();
        return List.copyOf(diff.changes);
    }

    private void operations() {
        Set<String> paths = new TreeSet<>();
        before.path("paths").fieldNames().forEachRemaining(paths::add);
        after.path("paths").fieldNames().forEachRemaining(paths::add);
        for (String path : paths) {
            for (String method : METHODS) {
                JsonNode old = before.path("paths").path(path).path(method);
                JsonNode now = after.path("paths").path(path).path(method);
                String where = method.toUpperCase() + " " + path;
                if (old.isMissingNode() && !now.isMissingNode()) {
                    add(false, where, "new operation " + now.path("operationId").asText());
                } else if (!old.isMissingNode() && now.isMissingNode()) {
                    add(true, where, "operation removed");
                } else if (!old.isMissingNode()) {
                    operation(where, old, now);
                }
            }
        }
    }

    private void operation(String where, JsonNode old, JsonNode now) {
        if (!old.path("operationId").equals(now.path("operationId"))) {
            add(true, where, "operationId " + old.path("operationId").asText() + " became "
                    + now.path("operationId").asText() + " (generated method names change)");
        }
        if (optionalToken(old) && !optionalToken(now)) {
            add(true, where, "a token is now required");
        }
        Set<String> newRoles = values(now.path("x-jobboard-roles"));
        for (String role : values(old.path("x-jobboard-roles"))) {
            if (!newRoles.isEmpty() && !newRoles.contains(role)) {
                add(true, where, "the role " + role + " may no longer call it");
            }
        }
        parameters(where, old, now);
        JsonNode oldBody = resolve(before, old.path("requestBody"));
        JsonNode newBody = resolve(after, now.path("requestBody"));
        if (!oldBody.path("required").asBoolean() && newBody.path("required").asBoolean()) {
            add(true, where, "the request body is now required");
        }
        content(where + " request", oldBody.path("content"), newBody.path("content"), Direction.REQUEST);
        Iterator<String> statuses = old.path("responses").fieldNames();
        while (statuses.hasNext()) {
            String status = statuses.next();
            JsonNode oldResponse = resolve(before, old.path("responses").path(status));
            JsonNode newResponse = resolve(after, now.path("responses").path(status));
            if (newResponse.isMissingNode()) {
                add(status.startsWith("2"), where, "response " + status + " no longer documented");
            } else {
                content(where + " " + status, oldResponse.path("content"), newResponse.path("content"), Direction.RESPONSE);
            }
        }
    }

    private static boolean optionalToken(JsonNode operation) {
        for (JsonNode requirement : operation.path("security")) {
            if (requirement.isEmpty()) {
                return true;
            }
        }
        return !operation.has("security");
    }

    private void parameters(String where, JsonNode old, JsonNode now) {
        List<JsonNode> oldParameters = new ArrayList<>();
        old.path("parameters").forEach(p -> oldParameters.add(resolve(before, p)));
        List<JsonNode> newParameters = new ArrayList<>();
        now.path("parameters").forEach(p -> newParameters.add(resolve(after, p)));
        for (JsonNode p : newParameters) {
            JsonNode previous = find(oldParameters, p);
            String name = p.path("in").asText() + " parameter " + p.path("name").asText();
            if (previous == null) {
                add(p.path("required").asBoolean(), where, "new " + (p.path("required").asBoolean() ? "required " : "") + name);
            } else {
                if (!previous.path("required").asBoolean() && p.path("required").asBoolean()) {
                    add(true, where, name + " is now required");
                }
                schema(where + " " + name, previous.path("schema"), p.path("schema"), Direction.REQUEST);
            }
        }
        for (JsonNode p : oldParameters) {
            if (find(newParameters, p) == null) {
                add(true, where, p.path("in").asText() + " parameter " + p.path("name").asText() + " removed");
            }
        }
    }

    private static JsonNode find(List<JsonNode> parameters, JsonNode wanted) {
        for (JsonNode p : parameters) {
            if (p.path("name").asText().equalsIgnoreCase(wanted.path("name").asText())
                    && p.path("in").equals(wanted.path("in"))) {
                return p;
            }
        }
        return null;
    }

    private void content(String where, JsonNode old, JsonNode now, Direction direction) {
        old.fieldNames().forEachRemaining(mediaType -> {
            if (!now.has(mediaType)) {
                add(true, where, mediaType + " no longer " + (direction == Direction.REQUEST ? "accepted" : "answered"));
            } else {
                schema(where + " " + mediaType, old.path(mediaType).path("schema"), now.path(mediaType).path("schema"),
                        direction);
            }
        });
    }

    private void schema(String where, JsonNode oldSchema, JsonNode newSchema, Direction direction) {
        String oldRef = oldSchema.path("$ref").asText("");
        String newRef = newSchema.path("$ref").asText("");
        if (!oldRef.isEmpty() && oldRef.equals(newRef)) {
            // a named schema is compared once per direction, and reported under its own name
            if (!compared.add(direction + oldRef)) {
                return;
            }
            where = oldRef.substring(oldRef.lastIndexOf('/') + 1) + " (" + direction.name().toLowerCase() + ")";
        }
        JsonNode old = resolve(before, oldSchema);
        JsonNode now = resolve(after, newSchema);
        if (old.isMissingNode() || now.isMissingNode()) {
            return;
        }
        if (old.has("type") && now.has("type") && !old.path("type").equals(now.path("type"))) {
            add(true, where, "type " + old.path("type") + " became " + now.path("type"));
            return;
        }
        enums(where, old, now, direction);
        bounds(where, old, now, direction);
        properties(where, old, now, direction);
        if (old.has("items") && now.has("items")) {
            schema(where + "[]", old.path("items"), now.path("items"), direction);
        }
        for (String choice : List.of("anyOf", "oneOf", "allOf")) {
            for (int i = 0; i < Math.min(old.path(choice).size(), now.path(choice).size()); i++) {
                schema(where, old.path(choice).get(i), now.path(choice).get(i), direction);
            }
        }
    }

    private void enums(String where, JsonNode old, JsonNode now, Direction direction) {
        if (!old.has("enum") || !now.has("enum")) {
            return;
        }
        Set<String> oldValues = values(old.path("enum"));
        Set<String> newValues = values(now.path("enum"));
        for (String value : oldValues) {
            if (!newValues.contains(value)) {
                add(direction == Direction.REQUEST, where, "enum value " + value + " removed");
            }
        }
        for (String value : newValues) {
            if (!oldValues.contains(value)) {
                // a generated enum cannot read a value it does not know
                add(direction == Direction.RESPONSE, where, "enum value " + value + " added");
            }
        }
    }

    private void bounds(String where, JsonNode old, JsonNode now, Direction direction) {
        if (direction != Direction.REQUEST) {
            return;
        }
        for (String upper : List.of("maxLength", "maximum", "maxItems")) {
            if (now.has(upper) && (!old.has(upper) || now.path(upper).asDouble() < old.path(upper).asDouble())) {
                add(true, where, upper + " lowered to " + now.path(upper).asText());
            }
        }
        for (String lower : List.of("minLength", "minimum", "minItems")) {
            if (now.has(lower) && (!old.has(lower) || now.path(lower).asDouble() > old.path(lower).asDouble())) {
                add(true, where, lower + " raised to " + now.path(lower).asText());
            }
        }
    }

    private void properties(String where, JsonNode old, JsonNode now, Direction direction) {
        Set<String> oldRequired = values(old.path("required"));
        Set<String> newRequired = values(now.path("required"));
        old.path("properties").fieldNames().forEachRemaining(name -> {
            JsonNode property = now.path("properties").path(name);
            if (property.isMissingNode()) {
                add(true, where, "property " + name + " removed");
            } else {
                schema(where + "." + name, old.path("properties").path(name), property, direction);
            }
        });
        for (String name : newRequired) {
            if (!oldRequired.contains(name) && direction == Direction.REQUEST) {
                add(true, where, "property " + name + " is now required");
            }
        }
        for (String name : oldRequired) {
            if (!newRequired.contains(name) && direction == Direction.RESPONSE) {
                add(true, where, "property " + name + " may now be absent");
            }
        }
        now.path("properties").fieldNames().forEachRemaining(name -> {
            if (!old.path("properties").has(name)) {
                add(false, where, "new property " + name);
            }
        });
    }

    private static Set<String> values(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Follows local references (#/components/...) until a node that is not one. */
    private static JsonNode resolve(JsonNode document, JsonNode node) {
        int hops = 0;
        while (node.has("$ref") && node.path("$ref").asText().startsWith("#/") && hops++ < 20) {
            node = document.at(node.path("$ref").asText().substring(1));
        }
        return node;
    }

    private void add(boolean breaking, String where, String what) {
        changes.add(new Change(breaking, where, what));
    }
}
