package org.jobboard.systemtests.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The operations of the merged OpenAPI document (3.1), with their parameters and request bodies resolved. */
final class FuzzSpec {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    record Body(String mediaType, JsonNode schema, JsonNode example) {
    }

    record Operation(String method, String path, String operationId, List<Parameter> parameters, List<Body> bodies,
            boolean bodyRequired) {
        String key() {
            return method + " " + path;
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }
    }

    private final JsonNode document;
    final List<Operation> operations;

    FuzzSpec(JsonNode document) {
        this.document = document;
        this.operations = readOperations();
    }

    static FuzzSpec parse(String json) throws java.io.IOException {
        return new FuzzSpec(new ObjectMapper().readTree(json));
    }

    /** Follows a local {@code $ref} (also chains of them); other nodes are returned as they are. */
    JsonNode resolve(JsonNode node) {
        int hops = 0;
        while (node != null && node.has("$ref") && hops++ < 20) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    private List<Operation> readOperations() {
        List<Operation> result = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode raw : path.getValue().path("parameters")) {
                    parameters.add(parameter(resolve(raw)));
                }
                for (JsonNode raw : operation.path("parameters")) {
                    parameters.add(parameter(resolve(raw)));
                }
                List<Body> bodies = new ArrayList<>();
                JsonNode requestBody = resolve(operation.path("requestBody"));
                Iterator<Map.Entry<String, JsonNode>> contents = requestBody.path("content").fields();
                while (contents.hasNext()) {
                    Map.Entry<String, JsonNode> content = contents.next();
                    bodies.add(new Body(content.getKey(), content.getValue().path("schema"), example(content.getValue())));
                }
                // the multipart alternative the gateway moves out of the content generators read (MultipartAsAlternative)
                JsonNode multipart = operation.path("x-jobboard-multipart");
                if (multipart.isObject()) {
                    bodies.add(new Body("multipart/form-data", multipart.path("schema"), example(multipart)));
                }
                result.add(new Operation(method.toUpperCase(), path.getKey(), operation.path("operationId").asText(),
                        parameters, bodies, requestBody.path("required").asBoolean(false)));
            }
        }
        return result;
    }

    private static Parameter parameter(JsonNode node) {
        JsonNode example = node.has("example") ? node.get("example") : null;
        return new Parameter(node.path("name").asText(), node.path("in").asText(), node.path("required").asBoolean(false),
                node.path("schema"), example);
    }

    private static JsonNode example(JsonNode mediaType) {
        if (mediaType.has("example")) {
            return mediaType.get("example");
        }
        Iterator<JsonNode> examples = mediaType.path("examples").elements();
        return examples.hasNext() ? examples.next().get("value") : null;
    }
}
