package org.jobboard.platform.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documentation every public operation of a service's OpenAPI document must have (issue 6: one API document
 * for integrators): a summary, a description, an operationId, examples of its request body and of its success
 * response, and at least one 4xx response; and no null in a response example that its schema forbids. The gateway adds the problem+json bodies and the errors every operation
 * shares when it merges the documents; what only the operation knows must be here.
 */
public final class OperationDocumentation {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OperationDocumentation() {
    }

    /** What is missing, one line per gap ("GET /v1/postings: no summary"); empty when all is documented. */
    public static List<String> gaps(String openApiJson) throws IOException {
        JsonNode document = new ObjectMapper().readTree(openApiJson);
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/v1/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                for (String field : List.of("summary", "description", "operationId")) {
                    if (operation.path(field).asText("").isBlank()) {
                        gaps.add(name + ": no " + field);
                    }
                }
                operation.path("requestBody").path("content").fields().forEachRemaining(media -> {
                    if (!hasExample(media.getValue())) {
                        gaps.add(name + ": no example of the " + media.getKey() + " request body");
                    }
                });
                boolean successWithExample = false;
                boolean bodilessSuccessOnly = true;
                boolean clientError = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    String status = response.getKey();
                    if (status.startsWith("2") && response.getValue().has("content")) {
                        bodilessSuccessOnly = false;
                        successWithExample |= response.getValue().path("content").elements().hasNext();
                        for (JsonNode media : response.getValue().path("content")) {
                            if (!hasExample(media) && !media.path("schema").path("format").asText("").equals("binary")) {
                                successWithExample = false;
                            }
                        }
                    }
                    clientError |= status.startsWith("4");
                }
                if (!successWithExample && !bodilessSuccessOnly) {
                    gaps.add(name + ": no example of every success response body");
                }
                if (!operation.path("responses").fieldNames().hasNext()
                        || operation.path("responses").has("200") && !operation.path("responses").path("200").has("content")) {
                    gaps.add(name + ": its success response is not described with its body");
                }
                if (!clientError) {
                    gaps.add(name + ": no 4xx response");
                }
            }
        }
        // a null an example shows must be one the schema allows, or strict clients reject real responses
        for (String at : new NullableValues(document).nullsNotAllowedInResponseExamples()) {
            gaps.add(at + " is null but its schema does not allow null");
        }
        if (operations == 0) {
            gaps.add("no /v1 operation in the document");
        }
        return gaps;
    }

    private static boolean hasExample(JsonNode media) {
        return media.path("examples").size() > 0 || media.has("example");
    }
}
