package org.jobboard.search.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.jobboard.platform.testing.StackTestResource;
import org.jobboard.search.testing.SearchIndexTestResource;
import org.jobboard.platform.testing.Poll;
import org.jobboard.search.testing.Searches;
import org.jobboard.search.testing.TestPosting;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.jobboard.search.testing.Searches.awaitOrganization;
import static org.jobboard.search.testing.Searches.awaitSearch;
import static org.jobboard.search.testing.Searches.params;
import static org.jobboard.search.testing.Searches.search;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events on the real topic, through the index, to the HTTP API. Each test owns a new organization id. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
@QuarkusTestResource(SearchIndexTestResource.class)
class SearchResourceTest {

    @Test
    void titleMatchesRankAboveDescriptionMatches() {
        String org = TestPosting.newOrganization();
        TestPosting inTitle = new TestPosting(org, "Senior Java Developer")
                .description("Build the payments platform with a small team.").publish();
        TestPosting inDescription = new TestPosting(org, "Platform Engineer")
                .description("As a senior developer you will write Java services every day.").publish();
        new TestPosting(org, "Office Manager").description("Keep the office running.").publish();
        awaitOrganization(org, 3);

        JsonPath result = search(params("q", "senior java developer", "organizationId", org));
        assertEquals(List.of(inTitle.id, inDescription.id), result.getList("items.id"));
        String highlighted = result.getString("items[0].highlights.title");
        assertTrue(highlighted.contains("<em>"), highlighted);
        assertEquals("Senior Java Developer", highlighted.replace("<em>", "").replace("</em>", ""));

        // synonyms (sr = senior, dev = developer) and stemming (developers) reach the same postings
        assertEquals(inTitle.id, search(params("q", "sr java dev", "organizationId", org)).getString("items[0].id"));
        assertEquals(inTitle.id,
                search(params("q", "java developers", "organizationId", org)).getString("items[0].id"));
        // a quoted phrase must match as written
        assertEquals(List.of(inDescription.id),
                search(params("q", "\"senior developer\"", "organizationId", org)).getList("items.id"));
    }

    @Test
    void facetCountsEqualTheTotalsOfTheFilteredQueries() {
        String org = TestPosting.newOrganization();
        new TestPosting(org, "Backend Engineer").employmentTypes("FULL_TIME").workplaceType("REMOTE")
                .seniority("SENIOR").skills("java", "kafka").location("US", "CO", "Denver", 39.74, -104.99)
                .salary("USD", "90000", "120000", "YEAR").publish();
        new TestPosting(org, "Frontend Engineer").employmentTypes("FULL_TIME", "CONTRACTOR").workplaceType("HYBRID")
                .seniority("MID").skills("javascript", "react").location("US", "NY", "New York", 40.71, -74.0)
                .salary("USD", "60", "80", "HOUR").publish();
        new TestPosting(org, "Data Engineer").employmentTypes("PART_TIME").workplaceType("REMOTE").seniority("MID")
                .skills("python", "kafka").location("DE", "BE", "Berlin", 52.52, 13.40)
                .salary("EUR", "50000", "70000", "YEAR").publish();
        new TestPosting(org, "Site Reliability Engineer").employmentTypes("FULL_TIME").workplaceType("ON_SITE")
                .seniority("SENIOR").skills("kubernetes", "java").location("US", "CO", "Denver", 39.74, -104.99)
                .salary("USD", "130000", "160000", "YEAR").publish();
        new TestPosting(org, "Support Engineer").employmentTypes("TEMPORARY").workplaceType("HYBRID")
                .seniority("JUNIOR").skills("java").location("US", "CO", "Boulder", 40.01, -105.27).publish();
        awaitOrganization(org, 5);

        Map<String, Object> base = params("organizationId", org, "workplaceType", List.of("REMOTE", "HYBRID"));
        JsonPath result = search(base);
        assertEquals(4, result.getInt("total.value"));
        assertEquals("eq", result.getString("total.relation"));
        // multi-select: the workplace facet ignores its own filter, so ON_SITE is still offered
        assertEquals(1, count(result, "workplaceType", "ON_SITE"));
        assertEquals(2, count(result, "employmentType", "FULL_TIME"));

        Map<String, String> parameterOf = Map.of("employmentType", "employmentType", "workplaceType", "workplaceType",
                "seniority", "seniority", "country", "country", "city", "city", "skills", "skills");
        int checked = 0;
        for (Map.Entry<String, String> facet : parameterOf.entrySet()) {
            List<Map<String, Object>> values = result.getList("facets." + facet.getKey());
            assertFalse(values.isEmpty(), facet.getKey());
            for (Map<String, Object> value : values) {
                Map<String, Object> filtered = new java.util.LinkedHashMap<>(base);
                filtered.put(facet.getValue(), value.get("value"));
                assertEquals(((Number) value.get("count")).intValue(), search(filtered).getInt("total.value"),
                        facet.getKey() + "=" + value.get("value"));
                checked++;
            }
        }
        assertTrue(checked >= 15, "checked " + checked);

        // the organization facet (own filter left out) counts this organization's postings like its filter does
        Map<String, Object> others = params("workplaceType", List.of("REMOTE", "HYBRID"), "organizationId", org);
        JsonPath byOrganization = search(others);
        Map<String, Object> ours = byOrganization.getList("facets.organization", Map.class).stream()
                .filter(v -> org.equals(v.get("value"))).findFirst().orElse(null);
        // other tests' organizations may outnumber ours in the top 20, but ours is filtered, so it is counted
        if (ours != null) {
            assertEquals(4, ((Number) ours.get("count")).intValue());
            assertEquals("Test Organization", ours.get("label"));
        }

        // salary histogram: each bucket is what salaryMin=<min>&currency=<currency> finds
        Map<String, Object> withCurrency = new java.util.LinkedHashMap<>(base);
        withCurrency.put("currency", "USD");
        JsonPath salaries = search(withCurrency);
        assertEquals("USD", salaries.getString("facets.salary.currency"));
        List<Map<String, Object>> buckets = salaries.getList("facets.salary.buckets");
        assertTrue(buckets.size() >= 2, buckets.toString());
        assertEquals(2, ((Number) buckets.get(0).get("count")).intValue()); // 120,000/year and 60-80/hour
        for (Map<String, Object> bucket : buckets) {
            Map<String, Object> filtered = new java.util.LinkedHashMap<>(withCurrency);
            filtered.put("salaryMin", bucket.get("min"));
            assertEquals(((Number) bucket.get("count")).intValue(), search(filtered).getInt("total.value"),
                    "salaryMin=" + bucket.get("min"));
        }
        // 80 USD an hour is 166,400 a year: it reaches 150,000; the 90-120k posting does not
        Map<String, Object> high = new java.util.LinkedHashMap<>(withCurrency);
        high.put("salaryMin", 150000);
        assertEquals(1, search(high).getInt("total.value"));
    }

    @Test
    void pagingReturnsEveryMatchExactlyOnceInEveryOrder() {
        String org = TestPosting.newOrganization();
        Instant sameTime = Instant.now().minus(1, ChronoUnit.HOURS);
        Set<String> published = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            TestPosting posting = new TestPosting(org, "Pager Engineer " + (i % 4 == 0 ? "Java" : "Go"))
                    .salary("USD", "50000", String.valueOf(100000 + (i % 3) * 1000), "YEAR");
            if (i % 2 == 0) {
                posting.publishedAt(sameTime); // ties, broken by id
            }
            published.add(posting.publish().id);
        }
        awaitOrganization(org, 23);
        for (String sort : List.of("relevance", "date", "salary")) {
            List<String> seen = new ArrayList<>();
            Map<String, Object> query = params("q", "pager engineer", "organizationId", org, "sort", sort, "limit", 5);
            String cursor = null;
            int pages = 0;
            do {
                Map<String, Object> page = new java.util.LinkedHashMap<>(query);
                if (cursor != null) {
                    page.put("cursor", cursor);
                }
                Response response = Searches.request(page).get("/v1/search/postings");
                response.then().statusCode(200);
                JsonPath body = response.jsonPath();
                seen.addAll(body.getList("items.id"));
                cursor = body.getString("nextCursor");
                assertEquals(cursor != null, response.getHeader("Link") != null, "Link header with nextCursor");
                pages++;
            } while (cursor != null && pages < 20);
            assertEquals(23, seen.size(), sort + ": " + seen);
            assertEquals(published, new HashSet<>(seen), sort);
            assertEquals(5, pages, sort);
        }
        // a cursor belongs to its search: with other filters it is refused
        String cursor = search(params("q", "pager engineer", "organizationId", org, "limit", 5)).getString("nextCursor");
        Searches.request(params("q", "pager", "organizationId", org, "limit", 5, "cursor", cursor))
                .get("/v1/search/postings").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void radiusAndDistanceSortAgreeWithHandComputedDistances() {
        String org = TestPosting.newOrganization();
        double[] denver = { 39.7392, -104.9903 };
        TestPosting inDenver = new TestPosting(org, "Geo Denver").location("US", "CO", "Denver", denver[0], denver[1]).publish();
        TestPosting inBoulder = new TestPosting(org, "Geo Boulder").location("US", "CO", "Boulder", 40.01499, -105.27055).publish();
        TestPosting inSprings = new TestPosting(org, "Geo Springs")
                .location("US", "CO", "Colorado Springs", 38.8339, -104.8214).publish();
        TestPosting twoPlaces = new TestPosting(org, "Geo Chicago or Springs")
                .location("US", "IL", "Chicago", 41.8781, -87.6298)
                .location("US", "CO", "Pueblo", 38.2544, -104.6091).publish();
        TestPosting nowhere = new TestPosting(org, "Geo Remote").workplaceType("REMOTE").publish();
        awaitOrganization(org, 5);
        String near = denver[0] + "," + denver[1];

        JsonPath within50 = search(params("organizationId", org, "near", near, "radiusKm", 50, "sort", "distance"));
        assertEquals(List.of(inDenver.id, inBoulder.id), within50.getList("items.id"));

        JsonPath all = search(params("organizationId", org, "near", near, "sort", "distance"));
        assertEquals(List.of(inDenver.id, inBoulder.id, inSprings.id, twoPlaces.id, nowhere.id), all.getList("items.id"));
        double[][] expected = { { 39.7392, -104.9903 }, { 40.01499, -105.27055 }, { 38.8339, -104.8214 },
                { 38.2544, -104.6091 } }; // the nearest of the two locations counts
        for (int i = 0; i < expected.length; i++) {
            double km = haversineKm(denver[0], denver[1], expected[i][0], expected[i][1]);
            double actual = all.getDouble("items[" + i + "].distanceKm");
            assertEquals(km, actual, Math.max(0.05, km * 0.002), "distance of " + all.getString("items[" + i + "].title"));
        }
        assertNull(all.get("items[4].distanceKm"));
        // the radius boundary: Colorado Springs is ~100 km away
        assertEquals(3, search(params("organizationId", org, "near", near, "radiusKm", 105)).getInt("total.value"));
        assertEquals(2, search(params("organizationId", org, "near", near, "radiusKm", 95)).getInt("total.value"));
    }

    /** Haversine with the mean Earth radius (6,371.0088 km), written out independently of the code under test. */
    static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
    }

    @Test
    void queriesWithSyntaxCharactersAreText() {
        String org = TestPosting.newOrganization();
        TestPosting cpp = new TestPosting(org, "C++ Developer (Embedded)").skills("c++").publish();
        awaitOrganization(org, 1);
        for (String q : List.of("\"", ":", "*", "(", "\\", "c++", "title:(java OR \"x", "a AND OR NOT", "~2 ^3",
                "[a TO b] {x}", "/regex/", "!", "&& ||", "\"unbalanced phrase", "-", "+", "?", "embedded)",
                "😀 developer", "<script>alert(1)</script>", "%", "' OR 1=1 --")) {
            given().queryParam("q", q).get("/v1/search/postings").then().statusCode(200);
        }
        assertEquals(List.of(cpp.id), search(params("q", "(embedded) developer:", "organizationId", org)).getList("items.id"));
        // control characters are refused, like in every text input, naming the parameter
        given().queryParam("q", "\u0000 \u001f").get("/v1/search/postings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("q"));
    }

    @Test
    void highlightsEscapeThePostingsOwnMarkup() {
        String org = TestPosting.newOrganization();
        new TestPosting(org, "Senior Java Developer")
                .descriptionText("Role\nYou write <b>Java</b> services. <script>alert(1)</script>")
                .publish();
        awaitOrganization(org, 1);
        JsonPath result = search(params("q", "java", "organizationId", org));
        String snippet = result.getString("items[0].highlights.description");
        assertTrue(snippet.contains("<em>Java</em>"), snippet);
        assertFalse(snippet.contains("<script>") || snippet.contains("<b>"), snippet);
        assertEquals("Senior <em>Java</em> Developer", result.getString("items[0].highlights.title"));
    }

    @Test
    void typosFindPostingsAndSuggestACorrection() {
        String org = TestPosting.newOrganization();
        TestPosting posting = new TestPosting(org, "Zanzibarian Welder").skills("welding").publish();
        awaitOrganization(org, 1);
        JsonPath exact = search(params("q", "zanzibarian", "organizationId", org));
        assertEquals(List.of(posting.id), exact.getList("items.id"));
        assertFalse(exact.getBoolean("fuzzy"));

        JsonPath typo = search(params("q", "zanzibarien welder", "organizationId", org));
        assertEquals(List.of(posting.id), typo.getList("items.id"));
        JsonPath worse = search(params("q", "zanzibarien", "organizationId", org));
        assertEquals(List.of(posting.id), worse.getList("items.id"));
        assertTrue(worse.getBoolean("fuzzy"));
        assertEquals("zanzibarian", worse.getString("didYouMean"));
        // words of fewer than five letters are never fuzzy: no match, no invented hits
        assertEquals(0, search(params("q", "wldr", "organizationId", org)).getInt("total.value"));
        assertEquals(List.of(posting.id), search(params("q", "weldr", "organizationId", org)).getList("items.id"));
    }

    @Test
    void suggestionsCompleteTitlesAndSkillsByUse() {
        String org = TestPosting.newOrganization();
        String word = "Quokka" + Long.toString(System.nanoTime(), 36);
        new TestPosting(org, word + " Wrangler").skills(word.toLowerCase() + "ology").publish();
        new TestPosting(org, word + " Wrangler").publish();
        new TestPosting(org, word + " Keeper").publish();
        awaitOrganization(org, 3);
        String prefix = word.substring(0, word.length() - 1).toLowerCase();
        List<Map<String, Object>> items = awaitSuggestions(prefix, 3);
        assertEquals(word + " Wrangler", items.get(0).get("text"));
        assertEquals(2, ((Number) items.get(0).get("count")).intValue());
        assertEquals("TITLE", items.get(0).get("type"));
        assertTrue(items.stream().anyMatch(i -> "SKILL".equals(i.get("type"))), items.toString());
        // any word of a title can start the match
        List<Map<String, Object>> byLaterWord = given().queryParam("prefix", "wrangl").get("/v1/search/suggestions")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(byLaterWord.stream().anyMatch(i -> (word + " Wrangler").equals(i.get("text"))), byLaterWord.toString());
    }

    private static List<Map<String, Object>> awaitSuggestions(String prefix, int count) {
        return Poll.untilPresent("suggestions for " + prefix, Duration.ofSeconds(10), () -> {
            List<Map<String, Object>> items = given().queryParam("prefix", prefix).get("/v1/search/suggestions").then()
                    .statusCode(200).extract().jsonPath().getList("items");
            return items.size() >= count ? items : null;
        });
    }

    @Test
    void anonymousCallersMaySearch() {
        given().get("/v1/search/postings").then().statusCode(200).body("items", not(equalTo(null)));
        given().header("Authorization", "Bearer not-a-token").get("/v1/search/postings").then().statusCode(401);
    }

    @Test
    void theResponseShapeIsStable() {
        String org = TestPosting.newOrganization();
        new TestPosting(org, "Shape Tester").location("US", "CO", "Denver", 39.7392, -104.9903)
                .salary("USD", "1000", "2000", "MONTH").publish();
        JsonPath result = awaitOrganization(org, 1);
        assertNotNull(result.get("facets.employmentType"));
        assertEquals("Shape Tester", result.getString("items[0].title"));
        assertEquals("Test Organization", result.getString("items[0].organization.name"));
        assertEquals("USD", result.getString("items[0].salary.currency"));
        assertEquals("Denver", result.getString("items[0].locations[0].city"));
        assertNull(result.get("nextCursor"));
        given().queryParam("organizationId", org).get("/v1/search/postings").then()
                .body("items[0].highlights", equalTo(null)).body("didYouMean", equalTo(null))
                .header("Link", equalTo(null)).body("total.relation", containsString("eq"));
    }

    @SuppressWarnings("unchecked")
    private static int count(JsonPath result, String facet, String value) {
        return result.getList("facets." + facet, Map.class).stream().filter(v -> value.equals(v.get("value")))
                .map(v -> ((Number) v.get("count")).intValue()).findFirst().orElse(0);
    }
}
