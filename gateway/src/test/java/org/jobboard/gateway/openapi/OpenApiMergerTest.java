package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode doc(String path, String method, String schemaName, String schemaType) throws Exception {
        return json.readTree("""
                {"openapi":"3.1.0","paths":{"%s":{"%s":{"operationId":"op%s","responses":{"200":{"description":"ok",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/%s"}}}}}}},
                 "/q/health":{"get":{"responses":{"200":{"description":"internal"}}}}},
                 "components":{"schemas":{"%s":{"type":"%s"}}}}
                """.formatted(path, method, path.hashCode(), schemaName, schemaName, schemaType));
    }

    @Test
    void everyServicesOperationsAreMergedAndDecorated() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        documents.put("applications", doc("/v1/me/applications", "get", "Page", "object"));
        documents.put("postings", doc("/v1/postings/{id}", "get", "Posting", "object"));
        documents.put("search", doc("/v1/search/postings", "get", "Page", "string"));
        ObjectNode merged = OpenApiMerger.merge(documents,
                new OpenApiMerger.Settings("https://api.example", "https://auth.example/realms/jobboard", "1.0.0"));

        assertEquals("https://api.example", merged.at("/servers/0/url").asText());
        assertTrue(merged.at("/paths").has("/v1/me/applications"));
        assertTrue(merged.at("/paths").has("/v1/postings/{id}"));
        assertTrue(merged.at("/paths").has("/v1/search/postings"));
        assertFalse(merged.at("/paths").has("/q/health"), "internal endpoints stay internal");

        // a public read: a token is optional; a private one: required, with 401 and 403 documented
        JsonNode publicRead = merged.at("/paths/~1v1~1postings~1{id}/get");
        assertEquals(2, publicRead.get("security").size());
        assertTrue(publicRead.at("/responses/404").has("$ref"));
        JsonNode privateRead = merged.at("/paths/~1v1~1me~1applications/get");
        assertEquals(1, privateRead.get("security").size());
        assertEquals("#/components/responses/Forbidden", privateRead.at("/responses/403/$ref").asText());
        assertEquals("#/components/responses/TooManyRequests", privateRead.at("/responses/429/$ref").asText());
        assertTrue(privateRead.at("/responses/200/headers").has("RateLimit-Remaining"));
        assertTrue(merged.at("/components/responses/TooManyRequests/headers").has("Retry-After"));
        assertEquals("oauth2", merged.at("/components/securitySchemes/oauth2/type").asText());
        assertEquals("https://auth.example/realms/jobboard/protocol/openid-connect/token",
                merged.at("/components/securitySchemes/oauth2/flows/clientCredentials/tokenUrl").asText());

        // two services, one schema name, two shapes: both kept, each path pointing at its own
        assertTrue(merged.at("/components/schemas").has("Page"));
        assertTrue(merged.at("/components/schemas").has("SearchPage"));
        assertEquals("#/components/schemas/SearchPage",
                merged.at("/paths/~1v1~1search~1postings/get/responses/200/content/application~1json/schema/$ref").asText());
        // bounds that every value has are spelled out for clients and fuzzers
        assertEquals(1048576, merged.at("/components/schemas/SearchPage/maxLength").asInt());
    }
}
