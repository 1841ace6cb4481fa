package org.jobboard.platform.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ContentTypeCheckTest {

    @Test
    void mediaTypesRealClientsSendPass() {
        for (String value : List.of("application/json", "application/json; charset=utf-8", "application/json;charset=UTF-8",
                "application/merge-patch+json", "application/problem+json", "text/plain",
                "multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW",
                "multipart/form-data; boundary=\"quoted boundary\"", "multipart/form-data; boundary=a/b:c=d?e",
                " application/json ")) {
            assertNull(ContentTypeCheck.problem(List.of(value)), value);
        }
        assertNull(ContentTypeCheck.problem(List.of()), "no Content-Type at all");
    }

    @Test
    void emptyRepeatedOrMalformedAreRefused() {
        for (String value : List.of("", " ", "json", "application/", "/json", "application/json; charset",
                "application/json, text/plain", "application json")) {
            assertEquals("must be a media type such as application/json", ContentTypeCheck.problem(List.of(value)), value);
        }
        assertEquals("must be sent once", ContentTypeCheck.problem(List.of("application/json", "text/plain")));
        assertEquals("its boundary parameter has no value", ContentTypeCheck.problem(List.of("multipart/form-data; boundary=")));
        assertEquals("its boundary parameter has no value",
                ContentTypeCheck.problem(List.of("multipart/form-data; boundary=; charset=UTF-8")));
    }
}
