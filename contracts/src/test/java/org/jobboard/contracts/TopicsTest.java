package org.jobboard.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.jobboard.contracts.testing.EventContracts;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The topic names in Java and the channel addresses of the AsyncAPI documents are the same set. */
class TopicsTest {
    @Test
    void everyTopicHasAChannelAndEveryChannelATopic() throws IllegalAccessException {
        Set<String> declared = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                declared.add((String) field.get(null));
            }
        }
        Set<String> documented = new TreeSet<>();
        for (String document : EventContracts.DOCUMENTS) {
            for (JsonNode channel : EventContracts.document(document).path("channels")) {
                documented.add(channel.path("address").asText());
            }
        }
        assertEquals(declared, documented);
    }
}
