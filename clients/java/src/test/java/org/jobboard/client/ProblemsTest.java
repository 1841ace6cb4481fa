package org.jobboard.client;

import org.jobboard.client.model.Problem;
import org.junit.jupiter.api.Test;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {
    private static HttpHeaders headers(String contentType) {
        return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (name, value) -> true);
    }

    @Test
    void aProblemJsonBodyIsReadWithItsExtensionMembers() {
        UUID existing = UUID.randomUUID();
        String body = """
                {"type":"urn:jobboard:problem:conflict","title":"Conflict","status":409,
                 "detail":"you already have an active application to this posting","existingApplicationId":"%s",
                 "somethingNew":true}""".formatted(existing);
        Problem problem = Problems.require(new ApiException(409, headers("application/problem+json"), body));

        assertEquals(409, problem.getStatus());
        assertEquals("urn:jobboard:problem:conflict", problem.getType().toString());
        assertEquals(existing, problem.getExistingApplicationId());
    }

    @Test
    void anythingElseIsNotTakenForAProblem() {
        assertTrue(Problems.of(new ApiException(502, headers("text/html"), "<html>bad gateway</html>")).isEmpty());
        assertTrue(Problems.of(new ApiException(new java.io.IOException("connection refused"))).isEmpty());
        assertThrows(IllegalStateException.class,
                () -> Problems.require(new ApiException(500, headers("application/problem+json"), "{not json")));
    }
}
