package org.jobboard.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.http.HttpMethod;
import org.jobboard.gateway.route.Route;
import org.jobboard.gateway.route.RouteTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiMergerTest {
    /** Public reads of postings, feeds and search; the caller's own applications need a token. */
    private static final RouteTable ROUTES = RouteTable.of(List.of(
            new Route("postings", "/v1/postings", "postings", Set.of(HttpMethod.GET, HttpMethod.HEAD), false),
            new Route("feeds", "/v1/feeds", "postings", Set.of(HttpMethod.GET, HttpMethod.HEAD), false),
            new Route("search", "/v1/search", "search", Set.of(HttpMethod.GET, HttpMethod.HEAD), false),
            new Route("me", "/v1/me", "applications", Set.of(), false)));
    private static final OpenApiMerger.Settings SETTINGS = new OpenApiMerger.Settings("https://api.example",
            "https://auth.example/realms/jobboard", "1.0.0", ROUTES);

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
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

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

    @Test
    void aServiceContributesOnlyThePathsTheRouteTableSendsToIt() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        documents.put("postings", doc("/v1/postings/{id}", "get", "Posting", "object"));
        // search also documents a path of the postings route, and one no route serves: neither reaches it
        documents.put("search", doc("/v1/postings/shadow", "get", "Shadow", "object"));
        documents.put("applications", doc("/v1/unrouted", "get", "Unrouted", "object"));
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

        assertTrue(merged.at("/paths").has("/v1/postings/{id}"));
        assertFalse(merged.at("/paths").has("/v1/postings/shadow"));
        assertFalse(merged.at("/paths").has("/v1/unrouted"));
        assertFalse(merged.at("/components/schemas").has("Shadow"), "a schema of no merged path");
    }

    @Test
    void errorsAreProblemJsonWithExamplesAndSchemasStayTruthfulAcrossServices() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        documents.put("postings", json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/postings/{id}":{"patch":{"operationId":"patch","summary":"s","description":"d",
                    "parameters":[{"$ref":"#/components/parameters/If-Match"}],
                    "requestBody":{"content":{"application/merge-patch+json":{"schema":{"$ref":"#/components/schemas/PostingInput"}}}},
                    "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Location"}}}},
                      "409":{"description":"Not a draft"},"401":{"description":"Not Authorized"}}}}},
                 "components":{"schemas":{
                   "PostingInput":{"type":"object","required":["title"],"properties":{"title":{"type":"string","maxLength":200}}},
                   "Location":{"type":"object","properties":{"city":{"type":"string","maxLength":100}}},
                   "JsonNodeType":{"type":"string","enum":["ARRAY"]}},
                  "parameters":{"If-Match":{"name":"If-Match","in":"header","schema":{"type":"string","maxLength":1024}}}}}
                """));
        documents.put("search", json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/search/postings":{"get":{"operationId":"search","summary":"s","description":"d",
                    "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Hit"}}}}}}}},
                 "components":{"schemas":{
                   "Hit":{"type":"object","properties":{"locations":{"type":"array","items":{"$ref":"#/components/schemas/Location"}}}},
                   "Location":{"type":"object","properties":{"country":{"type":"string","maxLength":2}}}}}}
                """));
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

        // what the operation says about its own error stays, as problem+json with the Problem schema and an example
        JsonNode conflict = merged.at("/paths/~1v1~1postings~1{id}/patch/responses/409");
        assertEquals("Not a draft", conflict.path("description").asText());
        assertEquals("#/components/schemas/Problem", conflict.at("/content/application~1problem+json/schema/$ref").asText());
        assertEquals(409, conflict.at("/content/application~1problem+json/examples/conflict/value/status").asInt());
        // the generator's bare descriptions give way to the shared responses; a body means 413 and 415
        JsonNode responses = merged.at("/paths/~1v1~1postings~1{id}/patch/responses");
        assertEquals("#/components/responses/Unauthorized", responses.at("/401/$ref").asText());
        assertTrue(responses.has("413") && responses.has("415") && responses.has("404") && responses.has("403"));
        assertFalse(merged.at("/paths/~1v1~1search~1postings/get/responses").has("415"));

        // every error of every operation is problem+json with the Problem schema and an example
        int errors = 0;
        for (JsonNode path : merged.path("paths")) {
            for (JsonNode operation : path) {
                var it = operation.path("responses").fields();
                while (it.hasNext()) {
                    var response = it.next();
                    if (response.getKey().compareTo("400") < 0) {
                        continue;
                    }
                    JsonNode resolved = response.getValue().has("$ref")
                            ? merged.at(response.getValue().path("$ref").asText().substring(1)) : response.getValue();
                    JsonNode media = resolved.at("/content/application~1problem+json");
                    assertEquals("#/components/schemas/Problem", media.at("/schema/$ref").asText(), response.getKey());
                    assertTrue(media.path("examples").size() > 0, response.getKey() + " has an example");
                    errors++;
                }
            }
        }
        assertTrue(errors >= 10, "errors checked: " + errors);

        // search's own Location is kept apart, and search's Hit (a schema, not only a path) points at it
        assertEquals("#/components/schemas/SearchLocation",
                merged.at("/components/schemas/Hit/properties/locations/items/$ref").asText());
        assertEquals("#/components/schemas/Location",
                merged.at("/paths/~1v1~1postings~1{id}/patch/responses/200/content/application~1json/schema/$ref").asText());
        // a merge patch is partial and may hold null: its schema says so
        assertEquals("#/components/schemas/PostingInputPatch", merged.at(
                "/paths/~1v1~1postings~1{id}/patch/requestBody/content/application~1merge-patch+json/schema/$ref").asText());
        assertFalse(merged.at("/components/schemas/PostingInputPatch").has("required"));
        // the services' shared parameters come along; what no operation uses does not
        assertEquals("If-Match", merged.at("/components/parameters/If-Match/name").asText());
        assertFalse(merged.at("/components/schemas").has("JsonNodeType"));
    }

    @Test
    void nullableFieldsStayNullable() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        // as the services' generator writes them: a nullable string, and a nullable reference with a type beside anyOf
        documents.put("postings", json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/feeds/changes":{"get":{"operationId":"changes","summary":"s","description":"d",
                    "responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Change"}}}}}}}},
                 "components":{"schemas":{
                   "Change":{"type":"object","properties":{
                     "url":{"type":["string","null"],"format":"uri","maxLength":2000},
                     "posting":{"type":"object","anyOf":[{"$ref":"#/components/schemas/Posting"},{"type":"null"}]}}},
                   "Posting":{"type":"object","properties":{"title":{"type":"string","maxLength":200}}}}}}
                """));
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

        JsonNode properties = merged.at("/components/schemas/Change/properties");
        assertEquals(json.readTree("[\"string\",\"null\"]"), properties.at("/url/type"));
        // "type": "object" next to the alternatives would forbid the null they allow
        assertFalse(properties.path("posting").has("type"), properties.path("posting").toString());
        assertEquals("null", properties.at("/posting/anyOf/1/type").asText());
        assertEquals("#/components/schemas/Posting", properties.at("/posting/anyOf/0/$ref").asText());
    }

    @Test
    void securityFollowsTheServicesOwnRoleChecksAsWellAsTheGatewaysRoutes() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        // the feeds route lets GETs through without a token, but the service requires a role for the change feed
        documents.put("postings", json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/feeds/changes":{"get":{"operationId":"changes","description":"Changes.",
                    "security":[{"SecurityScheme":["aggregator","admin"]}],
                    "responses":{"200":{"description":"ok"},"403":{"description":"Not Allowed"}}}},
                  "/v1/feeds/jobs.xml":{"get":{"operationId":"xml","responses":{"200":{"description":"ok"}}}}},
                 "components":{"securitySchemes":{"SecurityScheme":{"type":"openIdConnect","openIdConnectUrl":"http://x"}}}}
                """));
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

        JsonNode changes = merged.at("/paths/~1v1~1feeds~1changes/get");
        assertEquals(json.readTree("[{\"oauth2\":[]}]"), changes.get("security"), "a token is required");
        assertEquals(json.readTree("[\"admin\",\"aggregator\"]"), changes.get("x-jobboard-roles"));
        assertTrue(changes.path("description").asText().endsWith("Requires a token with the role admin or aggregator."));
        assertEquals("#/components/responses/Forbidden", changes.at("/responses/403/$ref").asText());
        JsonNode feed = merged.at("/paths/~1v1~1feeds~1jobs.xml/get");
        assertEquals(2, feed.get("security").size(), "public: a token is optional");
        assertFalse(feed.has("x-jobboard-roles"));
        // the realm's scheme only: the services' schemes and an unused second one are gone
        java.util.List<String> schemes = new java.util.ArrayList<>();
        merged.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
        assertEquals(List.of("oauth2"), schemes);
    }

    @Test
    void aCompositionOfOneSchemaBecomesThatSchema() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        documents.put("postings", json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/postings/{id}":{"get":{"operationId":"get","responses":{"200":{"description":"ok",
                    "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Posting"}}}}}}}},
                 "components":{"schemas":{
                   "Posting":{"type":"object","properties":{
                     "salary":{"allOf":[{"$ref":"#/components/schemas/Salary"}],"description":"Pay"},
                     "both":{"allOf":[{"$ref":"#/components/schemas/Salary"},{"required":["currency"]}]}}},
                   "Salary":{"type":"object","properties":{"currency":{"type":"string","maxLength":3}}}}}}
                """));
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

        JsonNode salary = merged.at("/components/schemas/Posting/properties/salary");
        assertEquals("#/components/schemas/Salary", salary.path("$ref").asText());
        assertEquals("Pay", salary.path("description").asText());
        assertFalse(salary.has("allOf"));
        assertEquals(2, merged.at("/components/schemas/Posting/properties/both/allOf").size(), "a real composition stays");
    }

    @Test
    void theProblemSchemaNamesTheExtensionMembersErrorsCarry() throws Exception {
        ObjectNode merged = OpenApiMerger.merge(Map.of("postings", doc("/v1/postings/{id}", "get", "Posting", "object")),
                SETTINGS);
        JsonNode properties = merged.at("/components/schemas/Problem/properties");
        assertEquals("uuid", properties.at("/existingApplicationId/format").asText());
        assertEquals("string", properties.at("/stage/type").asText());
    }

    @Test
    void aMultipartAlternativeMovesAsideSoThatGeneratedClientsUseTheJsonBody() throws Exception {
        Map<String, JsonNode> documents = new TreeMap<>();
        documents.put("applications", json.readTree("""
                {"openapi":"3.1.0","paths":{
                  "/v1/me/applications":{"post":{"operationId":"apply","description":"Apply.",
                    "requestBody":{"content":{
                      "application/json":{"schema":{"$ref":"#/components/schemas/Application"}},
                      "multipart/form-data":{"schema":{"type":"object","properties":{
                        "application":{"$ref":"#/components/schemas/Application"},
                        "resume":{"type":"string","format":"binary","maxLength":5242880}}},
                        "encoding":{"application":{"contentType":"application/json"}}}}},
                    "responses":{"201":{"description":"ok"}}}}},
                 "components":{"schemas":{"Application":{"type":"object","properties":{"name":{"type":"string","maxLength":100}}}}}}
                """));
        ObjectNode merged = OpenApiMerger.merge(documents, SETTINGS);

        JsonNode apply = merged.at("/paths/~1v1~1me~1applications/post");
        assertEquals(List.of("application/json"), List.copyOf(fieldNames(apply.at("/requestBody/content"))));
        assertEquals("application/json", apply.at("/x-jobboard-multipart/encoding/application/contentType").asText());
        assertEquals("binary", apply.at("/x-jobboard-multipart/schema/properties/resume/format").asText());
        assertTrue(apply.path("description").asText().contains("multipart/form-data"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
