package org.jobboard.platform.concurrency;

import org.jobboard.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IfMatchTest {
    @Test
    void ifMatchIsRequiredAndComparesStronglyAWeakTagNeverMatches() {
        assertEquals(428, assertThrows(ApiException.class, () -> IfMatch.requireMatch(null, 3)).status());
        assertEquals(428, assertThrows(ApiException.class, () -> IfMatch.requireMatch(" ", 3)).status());
        assertDoesNotThrow(() -> IfMatch.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> IfMatch.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> IfMatch.requireMatch("*", 3));
        assertDoesNotThrow(() -> IfMatch.requireMatch("3", 3)); // quotes forgotten: still the same tag
        for (String other : List.of("W/\"3\"", "\"30\"", "\"2\", W/\"3\"", "\"", "W/", "\"3", "\"3 \"")) {
            assertEquals(412, assertThrows(ApiException.class, () -> IfMatch.requireMatch(other, 3)).status(), other);
        }
    }

    @Test
    void onCommandsIfMatchIsOptionalButMustMatchWhenSent() {
        assertDoesNotThrow(() -> IfMatch.checkMatch(null, 3));
        assertDoesNotThrow(() -> IfMatch.checkMatch("\"3\"", 3));
        assertEquals(412, assertThrows(ApiException.class, () -> IfMatch.checkMatch("\"30\"", 3)).status());
        assertEquals(412, assertThrows(ApiException.class, () -> IfMatch.checkMatch("W/\"3\"", 3)).status());
    }

    @Test
    void entityTagListsKeepCommasInsideQuotes() {
        assertEquals(List.of(new EntityTagList.Tag(false, "a,b"), new EntityTagList.Tag(true, "c")),
                EntityTagList.parse("\"a,b\" , W/\"c\""));
    }
}
