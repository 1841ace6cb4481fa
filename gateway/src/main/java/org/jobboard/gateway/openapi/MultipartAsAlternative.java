package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An operation that takes JSON and, as an alternative for browsers, multipart/form-data (applying with a resume file)
 * keeps only the JSON in its request body; the multipart form, schema and encoding intact, moves to
 * {@code x-jobboard-multipart}, and the description says so.
 *
 * <p>Why: clients generated from the document use the first media type only, and openapi-generator (7.25) still
 * imports the model of the form it skipped, so the Java and TypeScript clients did not compile; and a multipart part
 * holding JSON cannot be sent correctly by its Java client at all (it sends the model's toString() as ISO-8859-1
 * text). The JSON body carries everything the form does (the resume base64-encoded), so generated clients lose
 * nothing; browsers keep their streamed upload, and tools that know the extension (our fuzzer) still test it.
 */
final class MultipartAsAlternative implements DocumentTransform {
    static final String EXTENSION = "x-jobboard-multipart";
    private static final String MULTIPART = "multipart/form-data";

    @Override
    public void apply(ObjectNode merged) {
        for (JsonNode path : merged.path("paths")) {
            for (JsonNode operation : path) {
                JsonNode content = operation.path("requestBody").path("content");
                if (content instanceof ObjectNode types && types.has(MULTIPART) && types.size() > 1) {
                    ((ObjectNode) operation).set(EXTENSION, types.remove(MULTIPART));
                    String description = operation.path("description").asText("");
                    ((ObjectNode) operation).put("description", description + (description.isEmpty() ? "" : " ")
                            + "Browsers may send the same as multipart/form-data instead (described in " + EXTENSION
                            + ": part 'application' as JSON, part 'resume' as the file).");
                }
            }
        }
    }
}
