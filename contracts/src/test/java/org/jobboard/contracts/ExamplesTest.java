package org.jobboard.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.contracts.testing.EventContracts.Example;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every example in the AsyncAPI documents is a valid instance of its message: schema, type header, topic. */
class ExamplesTest {
    @Test
    void everyExampleMatchesItsMessageSchema() {
        List<Example> examples = EventContracts.allExamples();
        assertFalse(examples.isEmpty());
        for (Example example : examples) {
            EventContracts.assertValid(example.type(), example.data());
            assertEquals(example.type(), example.headers().get("ce_type"), example.toString());
        }
    }

    @Test
    void aValueOutsideTheSchemaIsRefused() {
        Example published = EventContracts.examples(Topics.POSTINGS).get(0);
        ObjectNode broken = published.data().deepCopy();
        broken.put("status", "ARCHIVED");
        AssertionError error = assertThrows(AssertionError.class,
                () -> EventContracts.assertValid(published.type(), broken));
        assertTrue(error.getMessage().contains("status"), error.getMessage());
    }

    @Test
    void everyTopicHasExamples() {
        for (String topic : List.of(Topics.POSTINGS, Topics.APPLICATIONS, Topics.PRIVACY)) {
            assertFalse(EventContracts.examples(topic).isEmpty(), topic);
        }
    }
}
