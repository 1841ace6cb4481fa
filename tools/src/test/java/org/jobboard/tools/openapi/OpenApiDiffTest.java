package org.jobboard.tools.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDiffTest {
    private final ObjectMapper json = new ObjectMapper();

    private ObjectNode document() throws Exception {
        return (ObjectNode) json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/postings/{id}":{"get":{"operationId":"getPosting","security":[{},{"oauth2":[]}],
                    "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string"}}],
                    "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Posting"}}}}}},
                   "patch":{"operationId":"patchPosting","security":[{"oauth2":[]}],
                    "requestBody":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Posting"}}}},
                    "responses":{"200":{"description":"ok"}}}}},
                 "components":{"schemas":{"Posting":{"type":"object","required":["title"],"properties":{
                   "title":{"type":"string","maxLength":200},
                   "status":{"type":"string","enum":["DRAFT","PUBLISHED"]}}}}}}
                """);
    }

    private List<String> breaking(JsonNode before, JsonNode after) {
        return OpenApiDiff.compare(before, after).stream().filter(OpenApiDiff.Change::breaking).map(Object::toString).toList();
    }

    @Test
    void theSameDocumentHasNoChanges() throws Exception {
        assertEquals(List.of(), OpenApiDiff.compare(document(), document()));
    }

    @Test
    void whatAGeneratedClientCannotSurviveIsBreaking() throws Exception {
        ObjectNode after = document();
        ObjectNode posting = (ObjectNode) after.at("/components/schemas/Posting");
        ((ObjectNode) posting.at("/properties/title")).put("maxLength", 100);
        ((ArrayNode) posting.at("/properties/status/enum")).add("CLOSED");
        ((ObjectNode) after.at("/paths/~1v1~1postings~1{id}/get")).putArray("security").addObject().putArray("oauth2");
        ObjectNode before = document();
        ((ObjectNode) before.at("/paths/~1v1~1postings~1{id}/patch")).putArray("x-jobboard-roles").add("admin").add("recruiter");
        ((ObjectNode) after.at("/paths/~1v1~1postings~1{id}/patch")).putArray("x-jobboard-roles").add("recruiter");

        List<String> breaking = breaking(before, after);
        assertTrue(breaking.stream().anyMatch(c -> c.contains("GET /v1/postings/{id}: a token is now required")), breaking.toString());
        assertTrue(breaking.contains("BREAKING  PATCH /v1/postings/{id}: the role admin may no longer call it"), breaking.toString());
        // a request may no longer carry what it could; a response carries a value an old enum does not know
        assertTrue(breaking.stream().anyMatch(c -> c.contains("Posting (request).title: maxLength lowered to 100")), breaking.toString());
        assertTrue(breaking.stream().anyMatch(c -> c.contains("Posting (response).status: enum value CLOSED added")), breaking.toString());
        assertEquals(4, breaking.size(), breaking.toString());
    }

    @Test
    void removalsAreBreakingAndAdditionsAreNot() throws Exception {
        ObjectNode after = document();
        ((ObjectNode) after.at("/paths/~1v1~1postings~1{id}")).remove("patch");
        ((ObjectNode) after.at("/components/schemas/Posting/properties")).putObject("category").put("type", "string");
        ((ObjectNode) after.path("paths")).putObject("/v1/organizations").putObject("get").put("operationId", "listOrganizations");

        List<OpenApiDiff.Change> changes = OpenApiDiff.compare(document(), after);
        assertEquals(List.of("BREAKING  PATCH /v1/postings/{id}: operation removed"), breaking(document(), after));
        assertTrue(changes.stream().anyMatch(c -> !c.breaking() && c.what().equals("new property category")), changes.toString());
        assertTrue(changes.stream().anyMatch(c -> !c.breaking() && c.what().equals("new operation listOrganizations")));
        // and the other way round, the same changes break
        assertTrue(breaking(after, document()).contains("BREAKING  Posting (response): property category removed"),
                breaking(after, document()).toString());
    }

    @Test
    void textChangesAreLocatedByJsonPointer() throws Exception {
        ObjectNode after = document();
        ((ObjectNode) after.at("/paths/~1v1~1postings~1{id}/get")).put("description", "Reads a posting.");
        ((ObjectNode) after.at("/components/schemas/Posting/properties/title")).put("description", "The title");
        List<String> places = new java.util.ArrayList<>();
        ApiCompatibility.differences("", document(), after, places);
        assertEquals(List.of("/components/schemas/Posting/properties/title/description (added)",
                "/paths/~1v1~1postings~1{id}/get/description (added)"), places);
        assertEquals(List.of(), OpenApiDiff.compare(document(), after), "text is no change to operations or schemas");
    }
}
