package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScriptSafeJsonTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void escapesWhatCouldEndAScriptElementAndReadsBackTheSame() throws Exception {
        Map<String, Object> value = Map.of("title", "</script><script>alert(1)</script> & \u2028\u2029 é \"q\"");
        String text = ScriptSafeJson.write(json, value);
        for (String raw : new String[] { "<", ">", "&", "\u2028", "\u2029" }) {
            assertFalse(text.contains(raw), raw + " in " + text);
        }
        assertTrue(text.contains("\\u003c/script\\u003e"), text);
        assertTrue(text.contains("\\u0026 \\u2028\\u2029 é"), text);
        assertEquals(value, json.readValue(text, Map.class));
    }
}
