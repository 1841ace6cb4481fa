package org.jobboard.platform.rest;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConditionalRequestsTest {
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
    void ifModifiedSinceAnswers304OnlyForAValidDateNotAfterNow() {
        EntityTag current = new EntityTag("3");
        Instant lastModified = Instant.parse("2026-12-03T10:00:00Z");
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        String atNow = "Thu, 03 Dec 2026 12:00:00 GMT";
        assertTrue(ConditionalRequests.notModified(headers("If-Modified-Since", atNow), current, lastModified, now));
        assertFalse(ConditionalRequests.notModified(headers("If-Modified-Since", "Thu, 03 Dec 2026 09:59:59 GMT"),
                current, lastModified, now));
        // a date in the future (our clock moved back by a second) is invalid, so ignored: the body is served
        assertFalse(ConditionalRequests.notModified(headers("If-Modified-Since", atNow), current, lastModified,
                now.minusSeconds(1)));
        // If-None-Match wins over If-Modified-Since
        assertFalse(ConditionalRequests.notModified(headers("If-Modified-Since", atNow, "If-None-Match", "\"2\""),
                current, lastModified, now));
        assertTrue(ConditionalRequests.notModified(headers("If-None-Match", "W/\"3\""), current));
        assertFalse(ConditionalRequests.notModified(headers(), current));
    }

    /** Request headers answering only getRequestHeader, which is all ConditionalRequests reads. */
    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] { HttpHeaders.class },
                (proxy, method, args) -> {
                    if (!method.getName().equals("getRequestHeader")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return map.get((String) args[0]);
                });
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
            assertNull(ConditionalRequests.httpDate(invalid, Instant.parse("2026-12-03T12:00:00Z")), invalid);
        }
    }
}
