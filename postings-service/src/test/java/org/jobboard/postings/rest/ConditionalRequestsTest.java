package org.jobboard.postings.rest;

import jakarta.ws.rs.core.EntityTag;
import org.jobboard.platform.problem.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalRequestsTest {
    @Test
    void ifMatchComparesStronglyAWeakTagNeverMatches() {
        assertEquals(428, assertThrows(ApiException.class, () -> ConditionalRequests.requireMatch(null, 3)).status());
        assertEquals(428, assertThrows(ApiException.class, () -> ConditionalRequests.requireMatch(" ", 3)).status());
        assertDoesNotThrow(() -> ConditionalRequests.requireMatch("\"3\"", 3));
        assertDoesNotThrow(() -> ConditionalRequests.requireMatch("\"1\", \"3\"", 3));
        assertDoesNotThrow(() -> ConditionalRequests.requireMatch("*", 3));
        assertDoesNotThrow(() -> ConditionalRequests.requireMatch("3", 3)); // quotes forgotten: still the same tag
        for (String other : List.of("W/\"3\"", "\"30\"", "\"2\", W/\"3\"", "\"", "W/", "\"3", "\"3 \"")) {
            assertEquals(412, assertThrows(ApiException.class, () -> ConditionalRequests.requireMatch(other, 3)).status(),
                    other);
        }
        assertDoesNotThrow(() -> ConditionalRequests.checkMatch(null, 3));
        assertEquals(412, assertThrows(ApiException.class, () -> ConditionalRequests.checkMatch("W/\"3\"", 3)).status());
    }

    @Test
    void ifNoneMatchComparesWeaklyAndAcceptsListsAndStar() {
        EntityTag current = new EntityTag("3");
        assertTrue(ConditionalRequests.noneMatchFails("\"3\"", current));
        assertTrue(ConditionalRequests.noneMatchFails("W/\"3\"", current));
        assertTrue(ConditionalRequests.noneMatchFails("\"a,b\", W/\"1\",\"3\"", current));
        assertTrue(ConditionalRequests.noneMatchFails(" * ", current));
        assertFalse(ConditionalRequests.noneMatchFails("\"30\"", current));
        assertFalse(ConditionalRequests.noneMatchFails("", current));
        assertFalse(ConditionalRequests.noneMatchFails("\"", current));
        assertFalse(ConditionalRequests.noneMatchFails("\"3" + "0".repeat(5000), current)); // unterminated
    }

    @Test
    void entityTagListsKeepCommasInsideQuotes() {
        assertEquals(List.of(new ConditionalRequests.Tag(false, "a,b"), new ConditionalRequests.Tag(true, "c")),
                ConditionalRequests.parseTags("\"a,b\" , W/\"c\""));
    }

    @Test
    void httpDatesInTheThreeFormatsRecipientsMustAccept() {
        Instant expected = Instant.parse("1994-11-06T08:49:37Z");
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        assertEquals(expected, ConditionalRequests.httpDate("Sun, 06 Nov 1994 08:49:37 GMT", now));
        assertEquals(expected, ConditionalRequests.httpDate("Sunday, 06-Nov-94 08:49:37 GMT", now));
        assertEquals(expected, ConditionalRequests.httpDate("Sun Nov  6 08:49:37 1994", now));
        // a two-digit year never lies more than 50 years ahead
        assertEquals(Instant.parse("2026-12-03T13:11:43Z"), ConditionalRequests.httpDate("Thursday, 03-Dec-26 13:11:43 GMT", now));
        assertEquals(Instant.parse("2076-01-01T00:00:00Z"), ConditionalRequests.httpDate("Wednesday, 01-Jan-76 00:00:00 GMT", now));
        assertEquals(Instant.parse("1977-01-01T00:00:00Z"), ConditionalRequests.httpDate("Saturday, 01-Jan-77 00:00:00 GMT", now));
    }

    @Test
    void anythingElseIsNoDate() {
        for (String invalid : List.of("x", "", "  ", "Mon, 06 Nov 1994 08:49:37 GMT" /* wrong weekday */,
                "Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT", "2026-12-03T12:00:00Z",
                "Sun, 06 Nov 1994 25:49:37 GMT", "x".repeat(10_000), "Sun, 06 Nov 1994 08:49:37 CET")) {
            assertNull(ConditionalRequests.httpDate(invalid), invalid);
        }
    }
}
