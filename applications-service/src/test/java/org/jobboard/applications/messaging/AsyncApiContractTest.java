package org.jobboard.applications.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jobboard.applications.service.ApplicationEvents;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AsyncAPI file documents exactly the events the code writes, and its examples bind to the code's records. */
class AsyncApiContractTest {
    final ObjectMapper strict = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyMessageHasAnExampleThatTheEventRecordsRead() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/org/jobboard/contracts/asyncapi/applications.yaml")) {
            assertNotNull(in, "asyncapi.yaml on the classpath");
            doc = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
        assertEquals("3.0.0", doc.get("asyncapi").asText());
        assertEquals(ApplicationEvents.TOPIC, doc.at("/channels/applications/address").asText());
        assertEquals(ApplicationEvents.PRIVACY_TOPIC, doc.at("/channels/privacy/address").asText());
        Set<String> types = new HashSet<>();
        doc.get("components").get("messages").forEach(message -> {
            String type = message.get("name").asText();
            types.add(type);
            JsonNode examples = message.get("examples");
            assertTrue(examples != null && examples.size() > 0, type + " has an example");
            for (JsonNode example : examples) {
                assertEquals(type, example.at("/headers/ce_type").asText());
                assertEquals("/jobboard/applications-service", example.at("/headers/ce_source").asText());
                Class<?> record = type.equals(ApplicationEvents.ERASURE_REQUESTED)
                        ? ApplicationEvents.ErasureRequestedData.class : ApplicationEvents.ApplicationEventData.class;
                try {
                    strict.treeToValue(example.get("payload"), record);
                } catch (Exception e) {
                    throw new AssertionError(type + " example does not bind to " + record.getSimpleName(), e);
                }
            }
        });
        assertEquals(Set.of(ApplicationEvents.SUBMITTED, ApplicationEvents.STAGE_CHANGED, ApplicationEvents.WITHDRAWN,
                ApplicationEvents.ERASURE_REQUESTED), types);
    }
}
