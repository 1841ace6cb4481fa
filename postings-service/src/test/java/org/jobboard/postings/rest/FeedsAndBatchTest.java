package org.jobboard.postings.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.path.xml.XmlPath;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.platform.testing.TestTokens;
import org.jobboard.postings.config.PostingsConfig;
import org.jobboard.postings.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.sql.DataSource;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aggregator-facing outputs: JSON-LD against Google's JobPosting rules, the XML feed, the change feed; ATS batch. */
@QuarkusTest
@QuarkusTestResource(value = StackTestResource.class, initArgs = @ResourceArg(name = "database", value = "postings"))
class FeedsAndBatchTest {
    @Inject
    DataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    PostingsConfig config;

    String organization;
    String recruiter;

    @BeforeEach
    void organization() {
        organization = PostingFixtures.newOrganization("Feeds & Co");
        recruiter = PostingFixtures.recruiter(organization);
    }

    @Test
    void jsonLdHasGooglesRequiredAndRecommendedProperties() {
        String id = PostingFixtures.createPublished(recruiter, "Senior Java Developer");
        Map<String, Object> job = given().accept("application/ld+json").get("/v1/postings/" + id)
                .then().statusCode(200).contentType("application/ld+json").extract().jsonPath().getMap("$");
        assertEquals("https://schema.org/", job.get("@context"));
        assertEquals("JobPosting", job.get("@type"));
        // required
        for (String property : List.of("title", "description", "datePosted", "hiringOrganization", "jobLocation")) {
            assertNotNull(job.get(property), property);
        }
        assertTrue(job.get("description").toString().contains("<strong>Java</strong>"), "description is HTML");
        assertTrue(job.get("datePosted").toString().matches("\\d{4}-\\d{2}-\\d{2}"));
        // recommended
        for (String property : List.of("identifier", "baseSalary", "employmentType", "validThrough", "directApply")) {
            assertNotNull(job.get(property), property);
        }
        given().accept("application/ld+json").get("/v1/postings/" + id).then()
                .body("hiringOrganization.name", equalTo("Feeds & Co"),
                        "hiringOrganization.logo", equalTo("https://example.org/logo.png"),
                        "hiringOrganization.sameAs", equalTo("https://example.org"),
                        "jobLocation", hasSize(1),
                        "jobLocation[0].address.addressCountry", equalTo("US"),
                        "jobLocation[0].address.addressRegion", equalTo("CO"),
                        "baseSalary.currency", equalTo("USD"), "baseSalary.value.unitText", equalTo("YEAR"),
                        "employmentType", hasItem("FULL_TIME"), "directApply", equalTo(true));
        // drafts have no public JSON-LD either
        String draft = PostingFixtures.createDraft(recruiter, PostingFixtures.complete("Hidden"));
        given().accept("application/ld+json").get("/v1/postings/" + draft).then().statusCode(404);
    }

    @Test
    void remoteJsonLdUsesTelecommuteWithApplicantCountries() {
        String body = """
                {"title":"Remote Support Engineer","description":"Help customers.","employmentTypes":["FULL_TIME"],
                 "workplaceType":"REMOTE","applicantLocationRequirements":["US","CA"],
                 "salary":{"currency":"USD","min":"80000","max":"100000","period":"YEAR"},
                 "applyMethod":{"type":"EXTERNAL","url":"https://jobs.example.org/apply/1"}}""";
        String id = PostingFixtures.createDraft(recruiter, body);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200);
        given().accept("application/ld+json").get("/v1/postings/" + id).then().statusCode(200)
                .body("jobLocationType", equalTo("TELECOMMUTE"),
                        "applicantLocationRequirements.name", hasItem("United States"),
                        "applicantLocationRequirements[0].'@type'", equalTo("Country"),
                        "directApply", equalTo(false));
    }

    @Test
    void xmlFeedIsWellFormedWithRequiredElementsAndConditionalGet() throws Exception {
        String id = PostingFixtures.createPublished(recruiter, "Feed <Engineer> & ]]> Tester");
        var response = given().get("/v1/feeds/jobs.xml").then().statusCode(200)
                .header("ETag", notNullValue()).header("Last-Modified", notNullValue()).extract();
        byte[] xml = response.asByteArray();
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList jobs = document.getElementsByTagName("job");
        Element ours = null;
        for (int i = 0; i < jobs.getLength(); i++) {
            Element job = (Element) jobs.item(i);
            if (id.equals(text(job, "referencenumber"))) {
                ours = job;
            }
        }
        assertNotNull(ours, "the published posting is in the feed");
        for (String element : List.of("title", "date", "referencenumber", "requisitionid", "url", "company", "city",
                "state", "country", "postalcode", "description", "salary", "jobtype", "expirationdate")) {
            assertFalse(text(ours, element) == null, element);
        }
        assertEquals("Feed <Engineer> & ]]> Tester", text(ours, "title"));
        assertEquals("Feeds & Co", text(ours, "company"));
        assertEquals("Denver", text(ours, "city"));

        String etag = response.header("ETag");
        given().header("If-None-Match", etag).get("/v1/feeds/jobs.xml").then().statusCode(304);
        given().header("If-Modified-Since", response.header("Last-Modified")).get("/v1/feeds/jobs.xml").then()
                .statusCode(304);
        // closing a posting changes the feed
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"FILLED\"}")
                .post("/v1/postings/" + id + "/close").then().statusCode(200);
        given().header("If-None-Match", etag).get("/v1/feeds/jobs.xml").then().statusCode(200);
    }

    @Test
    void xmlFeedIgnoresAnIfModifiedSinceItCannotRead() {
        PostingFixtures.createPublished(recruiter, "Conditional Feed Role");
        String lastModified = given().get("/v1/feeds/jobs.xml").then().statusCode(200).extract().header("Last-Modified");
        for (String unreadable : List.of("x", "", "Sun, 06 Nov 1994 08:49:37 GMT, x", "x".repeat(4000),
                "Fri, 31 Dec 9999 23:59:59 GMT" /* later than our clock: invalid */, "Mon, 01 Jan 0001 00:00:00 GMT")) {
            given().header("If-Modified-Since", unreadable).get("/v1/feeds/jobs.xml").then().statusCode(200);
            given().header("If-Modified-Since", unreadable).head("/v1/feeds/jobs.xml").then().statusCode(200);
        }
        // two fields are invalid too, even when one of them would match
        given().header("If-Modified-Since", lastModified).header("If-Modified-Since", "x").get("/v1/feeds/jobs.xml")
                .then().statusCode(200);
        // the obsolete formats a recipient must still accept
        java.time.ZonedDateTime served = java.time.ZonedDateTime.parse(lastModified,
                java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        for (String pattern : List.of("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", "EEE MMM ppd HH:mm:ss yyyy")) {
            String date = served.format(java.time.format.DateTimeFormatter.ofPattern(pattern, java.util.Locale.US));
            given().header("If-Modified-Since", date).get("/v1/feeds/jobs.xml").then().statusCode(304);
        }
        // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
        given().header("If-None-Match", "\"feed-0-0\"").header("If-Modified-Since", lastModified)
                .get("/v1/feeds/jobs.xml").then().statusCode(200);
        given().header("If-None-Match", "*").get("/v1/feeds/jobs.xml").then().statusCode(304);
    }

    @Test
    void xmlFeedNeverWritesACharacterXmlForbidsEvenFromRowsStoredBeforeValidation() throws Exception {
        String id = PostingFixtures.createPublished(recruiter, "Stored Before Validation");
        String hostile = "Bell\u0001 Engineer\u0008\u001F\uFFFE\uFFFF \u00e9";
        // as an old row would hold it: written past the API, which refuses control characters now
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement(
                        "update posting set title = ?, description = ?, category = ? where id = ?")) {
            update.setString(1, hostile);
            update.setString(2, "Line\u000B one\u000C");
            update.setString(3, "Cat\u0002");
            update.setObject(4, java.util.UUID.fromString(id));
            assertEquals(1, update.executeUpdate());
        }
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement("update organization set name = ? where id = ?")) {
            update.setString(1, "Feeds\u0003 & Co");
            update.setObject(2, java.util.UUID.fromString(organization));
            assertEquals(1, update.executeUpdate());
        }
        byte[] xml = given().get("/v1/feeds/jobs.xml").then().statusCode(200).extract().asByteArray();
        // the JDK's parser is strict: any character outside XML 1.0's Char production fails the whole document
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        Element ours = null;
        NodeList jobs = document.getElementsByTagName("job");
        for (int i = 0; i < jobs.getLength(); i++) {
            if (id.equals(text((Element) jobs.item(i), "referencenumber"))) {
                ours = (Element) jobs.item(i);
            }
        }
        assertNotNull(ours);
        assertEquals("Bell Engineer \u00e9", text(ours, "title"));
        assertEquals("Feeds & Co", text(ours, "company"));
        assertTrue(text(ours, "description").contains("one"), text(ours, "description"));
    }

    @Test
    void jsonLdCannotEndTheScriptElementItIsEmbeddedIn() {
        // (U+2028 and U+2029, escaped as well, are covered by ScriptSafeJsonTest)
        String title = "</script><script>alert(1)</script> & Engineer";
        String body = PostingFixtures.complete("placeholder").replace("\"placeholder\"", "\"" + title + "\"");
        String id = PostingFixtures.createDraft(recruiter, body);
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200);
        var response = given().accept("application/ld+json").get("/v1/postings/" + id).then().statusCode(200)
                .contentType("application/ld+json").extract();
        String raw = response.asString();
        for (String unsafe : List.of("<", ">", "&")) {
            assertFalse(raw.contains(unsafe), "raw JSON-LD holds " + unsafe);
        }
        assertTrue(raw.contains("\\u003c/script\\u003e\\u003cscript\\u003e"), raw);
        // still the same JSON: a parser reads the original title, organization and HTML description back
        assertEquals(title, response.jsonPath().getString("title"));
        assertEquals("Feeds & Co", response.jsonPath().getString("hiringOrganization.name"));
        assertTrue(response.jsonPath().getString("description").contains("<strong>Java</strong>"));
        // the same posting's ETag still answers If-None-Match on this representation
        given().accept("application/ld+json").header("If-None-Match", response.header("ETag"))
                .get("/v1/postings/" + id).then().statusCode(304);
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }

    @Test
    void changeFeedIsForAggregatorsAndResumesFromItsCursor() throws Exception {
        given().get("/v1/feeds/changes").then().statusCode(401);
        given().auth().oauth2(TestTokens.candidate("c")).get("/v1/feeds/changes").then().statusCode(403);
        String aggregator = TestTokens.aggregator("agg");
        // drain what exists, remember where we are
        String cursor = null;
        while (true) {
            var page = given().auth().oauth2(aggregator).queryParam("limit", 100)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get("/v1/feeds/changes").then().statusCode(200).extract().jsonPath();
            cursor = page.getString("nextCursor");
            if (page.getList("items").isEmpty()) {
                break;
            }
        }
        String id = PostingFixtures.createPublished(recruiter, "Change Feed Role");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{\"reason\":\"CANCELLED\"}")
                .post("/v1/postings/" + id + "/close").then().statusCode(200);
        clock.advance(config.changeFeedSettleDelay().plusMillis(500)); // the feed serves changes once settled
        List<Map<String, Object>> items = new ArrayList<>(given().auth().oauth2(aggregator)
                .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                .get("/v1/feeds/changes").then().statusCode(200).extract().jsonPath().getList("items"));
        items.removeIf(item -> !id.equals(item.get("id")));
        assertEquals(1, items.size(), "one entry: the posting's latest state");
        assertEquals("CLOSED", items.get(0).get("change"));
    }

    /**
     * Link: rel="next" names the next poll (PageResponses, as the other lists), and a change is served only once it is
     * older than the settle delay. The clock only moves forward and real time passes too, so "held back" is asserted
     * for the window the poll really had: served only when the change was older than the delay at the poll's end.
     */
    @Test
    void changeFeedLinksTheNextPollAndHoldsBackChangesYoungerThanTheSettleDelay() {
        String aggregator = TestTokens.aggregator("agg-link");
        Duration delay = config.changeFeedSettleDelay();
        String next = drain(aggregator, "/v1/feeds/changes?limit=100");

        var published = given().auth().oauth2(recruiter).contentType(ContentType.JSON)
                .body(PostingFixtures.complete("Settling Role"))
                .post("/v1/postings").then().statusCode(201).extract();
        String id = published.path("id");
        Instant changedAt = Instant.parse(given().auth().oauth2(recruiter).contentType(ContentType.JSON).body("{}")
                .post("/v1/postings/" + id + "/publish").then().statusCode(200).extract().path("updatedAt"));
        var poll = given().auth().oauth2(aggregator).get(next).then().statusCode(200).extract();
        Instant pollEnded = clock.instant();
        boolean served = poll.jsonPath().getList("items.id").contains(id);
        assertTrue(!served || changedAt.isBefore(pollEnded.minus(delay)),
                "served " + Duration.between(changedAt, pollEnded) + " after the change, before the settle delay");
        assertLinksNext(poll.header("Link"), poll.jsonPath().getString("nextCursor"));

        clock.advance(delay.plusMillis(1));
        boolean found = false;
        for (int page = 0; page < 50 && !found; page++) {
            var response = given().auth().oauth2(aggregator).get(next).then().statusCode(200).extract();
            List<Map<String, Object>> items = response.jsonPath().getList("items");
            found = items.stream().anyMatch(item -> id.equals(item.get("id")) && "PUBLISHED".equals(item.get("change")));
            if (items.isEmpty()) {
                break;
            }
            next = assertLinksNext(response.header("Link"), response.jsonPath().getString("nextCursor"));
        }
        assertTrue(found, "served once older than the settle delay");
    }

    /** Follows Link: rel="next" until a page is empty; answers the URL to poll next. */
    private static String drain(String token, String first) {
        String next = first;
        for (int page = 0; page < 1000; page++) {
            var response = given().auth().oauth2(token).get(next).then().statusCode(200).extract();
            if (response.jsonPath().getString("nextCursor") == null) {
                // only an empty feed polled without a cursor has no next cursor, and then no Link
                assertEquals(List.of(), response.jsonPath().getList("items"));
                assertNull(response.header("Link"));
                return next;
            }
            String linked = assertLinksNext(response.header("Link"), response.jsonPath().getString("nextCursor"));
            if (response.jsonPath().getList("items").isEmpty()) {
                assertEquals(next, linked, "a poll without news links the same cursor");
                return linked;
            }
            next = linked;
        }
        throw new AssertionError("the change feed did not end");
    }

    /** The Link header names the change feed with nextCursor (and the other parameters); answers its URL. */
    private static String assertLinksNext(String link, String nextCursor) {
        assertNotNull(nextCursor);
        assertNotNull(link, "Link header");
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("^<(/v1/feeds/changes\\?[^>]+)>; rel=\"next\"$")
                .matcher(link);
        assertTrue(matcher.matches(), link);
        String url = matcher.group(1);
        assertTrue(url.contains("cursor=" + nextCursor), url);
        assertTrue(url.contains("limit=100"), url);
        return url;
    }

    @Test
    void batchKeepsGoodItemsAndIsIdempotentWhenRepeated() {
        String good1 = PostingFixtures.complete("Batch One").replaceAll("\"requisitionId\":\"[^\"]+\"", "\"requisitionId\":\"ATS-1\"");
        String good2 = PostingFixtures.complete("Batch Two").replaceAll("\"requisitionId\":\"[^\"]+\"", "\"requisitionId\":\"ATS-2\"");
        String noKey = "{\"title\":\"No requisition\"}";
        String invalid = "{\"title\":\"x\",\"requisitionId\":\"ATS-3\"}";
        String unknownField = "{\"title\":\"Typo\",\"requisitionId\":\"ATS-4\",\"salery\":1}";
        String batch = "{\"publish\":true,\"items\":[" + good1 + "," + good2 + "," + noKey + "," + invalid + ","
                + unknownField + "]}";
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(batch).post("/v1/postings/batch")
                .then().statusCode(200)
                .body("created", equalTo(2), "failed", equalTo(3), "items", hasSize(5),
                        "items[0].outcome", equalTo("CREATED"), "items[0].status", equalTo("PUBLISHED"),
                        "items[2].outcome", equalTo("ERROR"), "items[2].errors.field", hasItem("items[2].requisitionId"),
                        "items[3].errors.field", hasItem("items[3].title"),
                        "items[4].errors.field", hasItem("items[4].salery"));
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(batch).post("/v1/postings/batch")
                .then().statusCode(200).body("created", equalTo(0), "unchanged", equalTo(2), "updated", equalTo(0));
        String changed = batch.replace("Batch Two", "Batch Two (revised)");
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(changed).post("/v1/postings/batch")
                .then().statusCode(200).body("updated", equalTo(1), "unchanged", equalTo(1),
                        "items[1].outcome", equalTo("UPDATED"), "items[1].version", equalTo(2));
        given().auth().oauth2(TestTokens.candidate("c")).contentType(ContentType.JSON).body(batch)
                .post("/v1/postings/batch").then().statusCode(403);
        String tooMany = "{\"items\":[" + String.join(",", java.util.Collections.nCopies(201, noKey)) + "]}";
        given().auth().oauth2(recruiter).contentType(ContentType.JSON).body(tooMany).post("/v1/postings/batch")
                .then().statusCode(400).body("errors.field", hasItem("items"));
    }
}
