package org.jobboard.platform.rest;

import org.jobboard.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EtagsTest {
    @Test
    void ifMatchIsRequiredAndMustNameTheCurrentVersion() {
        assertEquals(428, assertThrows(ApiException.class, () -> Etags.requireMatch(null, 3)).status());
        assertEquals(412, assertThrows(ApiException.class, () -> Etags.requireMatch("\"2\"", 3)).status());
        assertDoesNotThrow(() -> Etags.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> Etags.requireMatch("W/\"3\"", 3));
        assertDoesNotThrow(() -> Etags.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> Etags.requireMatch("*", 3));
        assertDoesNotThrow(() -> Etags.checkMatch(null, 3));
        assertEquals(412, assertThrows(ApiException.class, () -> Etags.checkMatch("\"30\"", 3)).status());
    }
}
