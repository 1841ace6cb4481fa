package org.jobboard.postings.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.jobboard.platform.ids.Ids;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.jobboard.postings.api.PostingExamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON-LD operations (getPostingJsonLd, getOrganizationJsonLd): what they really answer for postings and
 * organizations of every shape matches the schema the OpenAPI document gives them, property for property (a client
 * generated from the document reads it), and they keep the visibility, ETags and script-safe escaping of the
 * posting's own URL.
 */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class JsonLdTest {
    static final String LD = "application/ld+json";
    static final ObjectMapper JSON = new ObjectMapper();

    String organization;
    String recruiter;

    @BeforeEach
    void organization() {
        organization = PostingFixtures.newOrganization("JSON-LD & Co");
        recruiter = PostingFixtures.recruiter(organization);
    }

    @Test
    void everyPostingShapeMatchesTheDocumentedSchemaAndTheSchemaHoldsNothingNeverSent() throws Exception {
        DocumentedSchemas schemas = DocumentedSchemas.fromService();
        Map<String, String> postings = new LinkedHashMap<>();
        // one location with coordinates, a salary range, DIRECT apply, seniority, skills, category
        postings.put("complete", PostingFixtures.createPublished(recruiter, "Senior Java Developer"));
        postings.put("remote with a salary range", publish("""
                {"title":"Remote Support Engineer","description":"Help customers.","employmentTypes":["FULL_TIME","CONTRACTOR"],
                 "workplaceType":"REMOTE","applicantLocationRequirements":["US","CA","DE"],
                 "salary":{"currency":"EUR","min":"60000","max":"80000.50","period":"YEAR"},
                 "applyMethod":{"type":"EXTERNAL","url":"https://jobs.example.org/apply/1"}}"""));
        postings.put("several locations, open-ended pay", publish("""
                {"title":"Store Manager","description":"Run **three** stores.","employmentTypes":["PART_TIME"],
                 "workplaceType":"ON_SITE","requisitionId":"STORE-7",
                 "locations":[{"country":"US","region":"TX","city":"Austin","postalCode":"78701","latitude":30.2672,"longitude":-97.7431},
                              {"country":"US","region":"TX","city":"Houston"},
                              {"country":"GB"}],
                 "salary":{"currency":"USD","min":"18.50","period":"HOUR"},
                 "applyMethod":{"type":"EXTERNAL","url":"https://jobs.example.org/apply/2"}}"""));
        postings.put("no salary", publish("""
                {"title":"Volunteer Guide","description":"Show visitors around.","employmentTypes":["VOLUNTEER"],
                 "workplaceType":"ON_SITE","locations":[{"country":"GB","city":"London"}],
                 "applyMethod":{"type":"EXTERNAL","url":"https://jobs.example.org/apply/3"}}"""));
        // a draft as its recruiter sees it: nothing but a title, never published
        postings.put("bare draft", PostingFixtures.createDraft(recruiter, "{\"title\":\"Barista\"}"));

        Set<String> present = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> posting : postings.entrySet()) {
            ExtractableResponse<Response> response = given().auth().oauth2(recruiter)
                    .get("/v1/postings/" + posting.getValue() + "/json-ld")
                    .then().statusCode(200).contentType(startsWith(LD)).header("ETag", startsWith("\"")).extract();
            JsonNode jsonLd = JSON.readTree(response.asString());
            schemas.violations("JobPostingJsonLd", jsonLd)
                    .forEach(error -> violations.add(posting.getKey() + ": " + error + "\n" + jsonLd));
            present.addAll(DocumentedSchemas.presentPaths(jsonLd));
            // the same JobPosting as the posting's URL gives to Accept: application/ld+json
            String negotiated = given().auth().oauth2(recruiter).accept(LD).get("/v1/postings/" + posting.getValue())
                    .then().statusCode(200).contentType(startsWith(LD)).header("Vary", containsString("Accept"))
                    .extract().asString();
            assertEquals(jsonLd, JSON.readTree(negotiated), posting.getKey());
        }
        assertEquals(List.of(), violations, "JSON-LD the service sends but its documented schema does not allow");

        Set<String> neverSent = new TreeSet<>(schemas.documentedPaths("JobPostingJsonLd"));
        neverSent.removeAll(present);
        assertEquals(Set.of(), neverSent, "documented, but no sample sends it: the schema promises too much");

        // the shapes the samples were chosen for
        JsonNode remote = jsonLd(postings.get("remote with a salary range"));
        assertEquals("TELECOMMUTE", remote.path("jobLocationType").asText());
        assertFalse(remote.has("jobLocation"));
        assertEquals(80000.5, remote.path("baseSalary").path("value").path("maxValue").asDouble());
        JsonNode several = jsonLd(postings.get("several locations, open-ended pay"));
        assertEquals(3, several.path("jobLocation").size());
        assertTrue(several.path("jobLocation").isArray());
        assertFalse(several.path("baseSalary").path("value").has("maxValue"));
        // one location is an array too: one type for generated clients
        assertEquals(1, jsonLd(postings.get("complete")).path("jobLocation").size());
        assertTrue(jsonLd(postings.get("complete")).path("jobLocation").isArray());
        assertFalse(jsonLd(postings.get("no salary")).has("baseSalary"));
        JsonNode draft = jsonLd(postings.get("bare draft"));
        assertFalse(draft.has("datePosted"));
        assertEquals(postings.get("bare draft"), draft.path("identifier").path("value").asText());
    }

    @Test
    void theDocumentedExamplesMatchTheirSchemas() throws Exception {
        DocumentedSchemas schemas = DocumentedSchemas.fromService();
        assertEquals(List.of(), schemas.violations("JobPostingJsonLd", JSON.readTree(PostingExamples.JSON_LD)));
        assertEquals(List.of(), schemas.violations("OrganizationJsonLd",
                JSON.readTree(PostingExamples.ORGANIZATION_JSON_LD)));
        // and the validation is strict: a wrong type, an undocumented property, a place outside an array all fail
        for (String tampered : List.of("\"skills\": [\"java\"]", "\"skills\": \"java\", \"salary\": \"1\"",
                "\"skills\": \"java\", \"directApply\": \"yes\"")) {
            String example = PostingExamples.JSON_LD.replace("\"skills\": \"java, kafka, postgresql\"", tampered);
            assertFalse(schemas.violations("JobPostingJsonLd", JSON.readTree(example)).isEmpty(), tampered);
        }
        ObjectNode lonePlace = (ObjectNode) JSON.readTree(PostingExamples.JSON_LD);
        lonePlace.set("jobLocation", lonePlace.get("jobLocation").get(0));
        assertFalse(schemas.violations("JobPostingJsonLd", lonePlace).isEmpty());
    }

    @Test
    void postingJsonLdKeepsTheVisibilityAndEtagsOfThePosting() {
        String draft = PostingFixtures.createDraft(recruiter, PostingFixtures.complete("Hidden Draft"));
        String stranger = PostingFixtures.recruiter(PostingFixtures.newOrganization("Stranger Org"));
        given().get("/v1/postings/" + draft + "/json-ld").then().statusCode(404)
                .contentType("application/problem+json");
        for (String token : List.of(TestTokens.candidate("alice"), TestTokens.aggregator("agg"), stranger)) {
            given().auth().oauth2(token).get("/v1/postings/" + draft + "/json-ld").then().statusCode(404);
        }
        given().auth().oauth2(TestTokens.admin("ada")).get("/v1/postings/" + draft + "/json-ld").then().statusCode(200)
                .body("title", equalTo("Hidden Draft"));
        given().get("/v1/postings/" + Ids.newId() + "/json-ld").then().statusCode(404);

        String published = PostingFixtures.createPublished(recruiter, "Visible Role");
        String etag = given().get("/v1/postings/" + published + "/json-ld").then().statusCode(200)
                .header("ETag", "\"1\"").body("title", equalTo("Visible Role")).extract().header("ETag");
        for (String current : List.of(etag, "W/" + etag, "\"7\", " + etag, "*")) {
            given().header("If-None-Match", current).get("/v1/postings/" + published + "/json-ld").then()
                    .statusCode(304).header("ETag", etag).body(equalTo(""));
        }
        given().header("If-None-Match", "\"0\"").get("/v1/postings/" + published + "/json-ld").then().statusCode(200);
        // a change moves the ETag, as on the posting's URL
        given().auth().oauth2(recruiter).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"title\":\"Visible Role II\"}").patch("/v1/postings/" + published).then().statusCode(200);
        given().header("If-None-Match", etag).get("/v1/postings/" + published + "/json-ld").then().statusCode(200)
                .header("ETag", "\"2\"").body("title", equalTo("Visible Role II"));
        // once closed it is private again
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                .post("/v1/postings/" + published + "/close").then().statusCode(200);
        given().header("If-None-Match", "*").get("/v1/postings/" + published + "/json-ld").then().statusCode(404);
    }

    @Test
    void postingJsonLdCannotEndTheScriptElementItIsEmbeddedIn() {
        String title = "</script><script>alert(1)</script> & Engineer";
        String body = PostingFixtures.complete("placeholder").replace("\"placeholder\"", "\"" + title + "\"");
        String id = PostingFixtures.createDraft(recruiter, body);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200);
        ExtractableResponse<Response> response = given().get("/v1/postings/" + id + "/json-ld").then().statusCode(200)
                .extract();
        assertSafeToEmbed(response.asString());
        assertEquals(title, response.jsonPath().getString("title"));
        assertEquals("JSON-LD & Co", response.jsonPath().getString("hiringOrganization.name"));
    }

    @Test
    void organizationJsonLdIsItsPublicProfileAsSchemaOrgOrganization() throws Exception {
        DocumentedSchemas schemas = DocumentedSchemas.fromService();
        String full = Ids.newId();
        given().auth().oauth2(TestTokens.admin("admin-1")).contentType(ContentType.JSON)
                .body("{\"id\":\"" + full + "\",\"name\":\"Tags </script> & Co\",\"website\":\"https://tags.example\","
                        + "\"logoUrl\":\"https://tags.example/logo.png\",\"description\":\"We <b>make</b> tags & "
                        + "labels.\",\"headquarters\":{\"country\":\"DE\",\"city\":\"Berlin\"}}")
                .post("/v1/organizations").then().statusCode(201);
        String bare = Ids.newId();
        given().auth().oauth2(TestTokens.admin("admin-1")).contentType(ContentType.JSON)
                .body("{\"id\":\"" + bare + "\",\"name\":\"Bare Org\"}")
                .post("/v1/organizations").then().statusCode(201);

        ExtractableResponse<Response> response = given().get("/v1/organizations/" + full + "/json-ld").then()
                .statusCode(200).contentType(startsWith(LD)).header("ETag", "\"0\"").extract();
        assertSafeToEmbed(response.asString());
        JsonNode organization = JSON.readTree(response.asString());
        assertEquals(JSON.readTree("""
                {"@context":"https://schema.org/","@type":"Organization","name":"Tags </script> & Co",
                 "url":"https://tags.example","logo":"https://tags.example/logo.png",
                 "description":"We <b>make</b> tags & labels."}"""), organization);
        JsonNode bareOrganization = JSON.readTree(given().get("/v1/organizations/" + bare + "/json-ld").then()
                .statusCode(200).extract().asString());
        assertEquals(JSON.readTree("{\"@context\":\"https://schema.org/\",\"@type\":\"Organization\",\"name\":\"Bare Org\"}"),
                bareOrganization);

        assertEquals(List.of(), schemas.violations("OrganizationJsonLd", organization));
        assertEquals(List.of(), schemas.violations("OrganizationJsonLd", bareOrganization));
        Set<String> neverSent = new TreeSet<>(schemas.documentedPaths("OrganizationJsonLd"));
        neverSent.removeAll(DocumentedSchemas.presentPaths(organization));
        assertEquals(Set.of(), neverSent, "documented, but not sent for a complete profile");

        // ETags as on the organization's URL
        given().header("If-None-Match", "\"0\"").get("/v1/organizations/" + full + "/json-ld").then().statusCode(304)
                .header("ETag", "\"0\"");
        given().header("If-None-Match", "W/\"0\"").get("/v1/organizations/" + full + "/json-ld").then().statusCode(304);
        String owner = PostingFixtures.recruiter(full);
        given().auth().oauth2(owner).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"description\":null,\"logoUrl\":null}").patch("/v1/organizations/" + full).then()
                .statusCode(200);
        given().header("If-None-Match", "\"0\"").get("/v1/organizations/" + full + "/json-ld").then().statusCode(200)
                .header("ETag", "\"1\"").body("description", equalTo(null), "logo", equalTo(null),
                        "url", equalTo("https://tags.example"));
        given().get("/v1/organizations/" + Ids.newId() + "/json-ld").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("If-None-Match", "*").get("/v1/organizations/" + Ids.newId() + "/json-ld").then()
                .statusCode(404);
    }

    private String publish(String body) {
        String id = PostingFixtures.createDraft(recruiter, body);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200);
        return id;
    }

    private JsonNode jsonLd(String id) throws Exception {
        return JSON.readTree(given().auth().oauth2(recruiter).get("/v1/postings/" + id + "/json-ld").then()
                .statusCode(200).extract().asString());
    }

    /** Nothing in the raw text can end a script element; the escapes are JSON, read back as the original text. */
    private static void assertSafeToEmbed(String raw) {
        for (String unsafe : List.of("<", ">", "&")) {
            assertFalse(raw.contains(unsafe), "raw JSON-LD holds " + unsafe + ": " + raw);
        }
        assertTrue(raw.contains("\\u003c/script\\u003e"), raw);
    }
}
