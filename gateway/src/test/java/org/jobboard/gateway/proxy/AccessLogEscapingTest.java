package org.jobboard.gateway.proxy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The access log is one JSON object per line; a client-chosen path or request id must not forge fields or lines. */
class AccessLogEscapingTest {

    @Test
    void plainValuesAreKeptAsTheyAre() {
        String path = "/v1/postings/0193e0a0-0000-7000-8000-000000000001";
        assertSame(path, AccessLog.jsonSafe(path));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreNeutralised() {
        assertEquals("/v1/x\\\",\\\"status\\\":200?{\\\\}", AccessLog.jsonSafe("/v1/x\",\"status\":200\n{\\}"));
        assertEquals("id??end", AccessLog.jsonSafe("id\r\nend"));
    }
}
