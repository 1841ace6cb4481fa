package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI examples are what the service really sends: each example binds strictly to the event data type. */
class AsyncApiContractTest {
    @Test
    void everyExampleMatchesTheEventShape() throws Exception {
        JsonNode asyncApi;
        try (InputStream in = getClass().getResourceAsStream("/org/jobboard/contracts/asyncapi/postings.yaml")) {
            asyncApi = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        int examples = 0;
        Iterator<Map.Entry<String, JsonNode>> messages = asyncApi.get("components").get("messages").fields();
        while (messages.hasNext()) {
            Map.Entry<String, JsonNode> message = messages.next();
            for (JsonNode example : message.getValue().get("examples")) {
                PostingView view = strict.treeToValue(example.get("payload"), PostingView.class);
                assertEquals("jobboard.posting." + message.getKey() + ".v1", example.get("headers").get("ce_type").asText());
                assertEquals("postings/" + view.id(), example.get("headers").get("ce_subject").asText());
                examples++;
            }
        }
        assertEquals(6, examples);
        assertTrue(asyncApi.get("channels").get("postings").get("address").asText().equals("jobboard.postings.v1"));
    }
}
