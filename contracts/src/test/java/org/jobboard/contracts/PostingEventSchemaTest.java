package org.jobboard.contracts;

import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jobboard.contracts.postings.PostingEventTypes;
import org.jobboard.contracts.testing.EventContracts;
import org.jobboard.contracts.testing.EventContracts.Example;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The posting event schema is closed: no field slips in unnoticed, no draft is published, a deletion has no data. */
class PostingEventSchemaTest {
    private static Example example(String type) {
        return EventContracts.examples(Topics.POSTINGS).stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow();
    }

    @Test
    void anUndeclaredFieldIsRefused() {
        ObjectNode data = example(PostingEventTypes.PUBLISHED).data().deepCopy();
        data.put("descriptionHtml", "<p>x</p>");
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(PostingEventTypes.PUBLISHED, data));
    }

    @Test
    void aDraftIsNeverAnEvent() {
        ObjectNode data = example(PostingEventTypes.UPDATED).data().deepCopy();
        data.put("status", "DRAFT");
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(PostingEventTypes.UPDATED, data));
    }

    @Test
    void aClosedPostingNamesItsReason() {
        ObjectNode data = example(PostingEventTypes.CLOSED).data().deepCopy();
        data.remove("closeReason");
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(PostingEventTypes.CLOSED, data));
    }

    @Test
    void aDeletionIsATombstone() {
        Example deleted = example(PostingEventTypes.DELETED);
        assertTrue(deleted.isTombstone());
        EventContracts.assertValid(PostingEventTypes.DELETED, NullNode.getInstance());
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(PostingEventTypes.DELETED,
                example(PostingEventTypes.PUBLISHED).data()));
    }
}
