package org.jobboard.search.index.lucene;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.Seniority;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.testing.LocalIndexes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Lucene adapter on its own: version rules, durability across close/reopen, analysis. */
class LuceneSearchIndexTest extends TemporaryIndexFixture {
    private static final String ORG = UUID.randomUUID().toString();

    @Test
    void onlyNewerVersionsApplyAndDeletionsAreRemembered() throws Exception {
        String id = UUID.randomUUID().toString();
        assertTrue(index.upsert(posting(id, 2, "Welder")));
        assertFalse(index.upsert(posting(id, 1, "Older Welder")), "older, before a refresh");
        assertFalse(index.upsert(posting(id, 2, "Same Welder")), "same version");
        index.refresh();
        assertFalse(index.upsert(posting(id, 1, "Older Welder")), "older, after a refresh");
        assertTrue(index.delete(id, 3));
        assertFalse(index.upsert(posting(id, 2, "Welder")), "a replay after the deletion");
        index.refresh();
        assertEquals(0, search("welder").total());
        index.commit(Map.of(0, 10L));

        reopen();
        assertEquals(Map.of(0, 10L), index.committedOffsets());
        assertFalse(index.upsert(posting(id, 2, "Welder")), "the tombstone survives a restart");
        assertTrue(index.upsert(posting(id, 4, "Reopened Welder")));
        index.refresh();
        assertEquals(1, search("welder").total());
        assertEquals(1, index.stats().documents());
    }

    @Test
    void whatWasNotCommittedIsGoneAfterARestart() throws Exception {
        index.upsert(posting(UUID.randomUUID().toString(), 1, "Committed Carpenter"));
        index.commit(Map.of(0, 1L, 1, 0L));
        index.upsert(posting(UUID.randomUUID().toString(), 1, "Uncommitted Carpenter"));
        index.refresh();
        assertEquals(2, search("carpenter").total());
        reopen();
        assertEquals(1, search("carpenter").total());
        assertEquals(Map.of(0, 1L, 1, 0L), index.committedOffsets());
    }

    @Test
    void anIndexWrittenWithAnotherSchemaIsRebuiltFromTheTopic() throws Exception {
        index.upsert(posting(UUID.randomUUID().toString(), 1, "Carpenter"));
        index.commit(Map.of(0, 1L));
        index.close();
        // what an older version of the service left on disk: the same commit, another schema in its user data
        try (Directory dir = FSDirectory.open(directory);
                IndexWriter older = new IndexWriter(dir, new IndexWriterConfig())) {
            Map<String, String> data = new HashMap<>();
            older.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
            assertEquals(LuceneSearchIndex.SCHEMA, data.get("jobboard.schema"));
            data.put("jobboard.schema", "0");
            older.setLiveCommitData(data.entrySet());
            older.commit();
        }
        index = LocalIndexes.open(directory);
        assertEquals(Map.of(), index.committedOffsets(), "replayed from the topic's beginning");
        assertEquals(0, search("carpenter").total());
        assertEquals(0, index.stats().documents());
    }

    @Test
    void englishAnalysisAndSynonymsMatchWhatPeopleType() throws Exception {
        String k8s = UUID.randomUUID().toString();
        String js = UUID.randomUUID().toString();
        index.upsert(posting(k8s, 1, "Kubernetes Platform Engineer"));
        index.upsert(posting(js, 1, "JavaScript Developers Wanted"));
        index.refresh();
        assertEquals(List.of(k8s), ids(search("k8s engineering")));
        assertEquals(List.of(js), ids(search("js developer")));
        assertEquals(List.of(js), ids(search("Javascript development")));
        assertEquals(List.of(k8s), ids(search("engineer's platforms")));
    }

    @Test
    void noTextEverMakesTheQueryFail() throws Exception {
        index.upsert(posting(UUID.randomUUID().toString(), 1, "C++ Developer (Embedded)"));
        index.refresh();
        Random random = new Random(42);
        String alphabet = "ab \"'\\:*?~^()[]{}<>!&|+-/=%#@.,;`\u0000\u00e9\u4e2d";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(40); n >= 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            search(text.toString()); // must not throw
        }
        assertEquals(1, search("c++ (embedded)").total());
        assertEquals(1, search("\"embedded\" c++:").total());
    }

    /**
     * Facets are counted in one pass with the facet filters checked per document; this compares every count with a
     * plain Java count over the postings themselves, for random combinations of up to four facet filters.
     */
    @Test
    void onlyWordsRareInTheIndexAreTypoTolerant() throws Exception {
        for (int i = 0; i < TextQueries.KNOWN_WORD_POSTINGS; i++) {
            index.upsert(posting(UUID.randomUUID().toString(), 1, "Welder")); // full time
        }
        String coach = UUID.randomUUID().toString();
        index.upsert(new IndexedPosting(new PostingSummary(coach, "Welter Coach",
                new PostingSummary.Organization(ORG, "Acme", null), List.of("PART_TIME"), "REMOTE", "MID", List.of(),
                null, List.of(), "Sports", Instant.now(), null, 1), "A role."));
        index.refresh();

        // a word spelled right stays itself when the filters leave no hit: no look-alike ("welter") is offered
        SearchResult partTimeWelders = index.search(new PostingQuery("welder", java.util.Set.of(EmploymentType.PART_TIME), null,
                null, null, null, null, null, null, null, null, null, null, null, SortOrder.RELEVANCE, 20, null));
        assertEquals(0, partTimeWelders.total());
        assertFalse(partTimeWelders.fuzzy());

        // a word no posting holds is widened to its close spellings
        SearchResult misspelled = search("weldr");
        assertTrue(misspelled.fuzzy());
        assertEquals(TextQueries.KNOWN_WORD_POSTINGS, misspelled.total());
        // a rare word too (one posting holds it), when exact matching finds few hits
        SearchResult rare = search("welter");
        assertTrue(rare.fuzzy());
        assertEquals(TextQueries.KNOWN_WORD_POSTINGS + 1, rare.total());
        assertEquals(coach, ids(rare).get(0), "the exact match ranks first");
    }

    @Test
    void multiSelectFacetCountsMatchAPlainCountOverThePostings() throws Exception {
        Random random = new Random(7);
        List<String> employment = List.of("FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY");
        List<String> workplaces = List.of("REMOTE", "HYBRID", "ON_SITE");
        List<String> seniorities = List.of("JUNIOR", "MID", "SENIOR", "LEAD");
        List<String> skills = List.of("java", "python", "kafka", "react", "sql", "go");
        List<List<String>> places = List.of(List.of("US", "Denver"), List.of("US", "Boulder"), List.of("DE", "Berlin"),
                List.of("FR", "Paris"));
        List<String> organizations = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        List<PostingSummary> postings = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            List<String> place = places.get(random.nextInt(places.size()));
            PostingSummary.Salary salary = random.nextInt(5) == 0 ? null : new PostingSummary.Salary(
                    random.nextBoolean() ? "USD" : "EUR", null, Integer.toString(30_000 + random.nextInt(150_000)), "YEAR");
            PostingSummary posting = new PostingSummary(UUID.randomUUID().toString(),
                    (random.nextBoolean() ? "Software Engineer " : "Data Analyst ") + i,
                    new PostingSummary.Organization(organizations.get(random.nextInt(3)), "Org", null),
                    pick(random, employment, 1 + random.nextInt(2)), pick(random, workplaces, 1).get(0),
                    pick(random, seniorities, 1).get(0),
                    List.of(new PostingSummary.Location(place.get(0), null, place.get(1), null, null, null)), salary,
                    pick(random, skills, 1 + random.nextInt(3)), "Engineering", Instant.now(), null, 1);
            postings.add(posting);
            index.upsert(new IndexedPosting(posting, "A role."));
            if (i % 100 == 99) {
                index.refresh(); // several segments, each counted from its own arrays
            }
        }
        for (int i = 0; i < 30; i++) { // replaced versions stay in their segments as deleted documents
            PostingSummary p = postings.get(i);
            PostingSummary moved = new PostingSummary(p.id(), p.title(), p.organization(), p.employmentTypes(),
                    "REMOTE".equals(p.workplaceType()) ? "ON_SITE" : "REMOTE", p.seniority(), p.locations(), p.salary(),
                    List.of("rust"), p.category(), p.publishedAt(), p.validThrough(), 2);
            postings.set(i, moved);
            index.upsert(new IndexedPosting(moved, "A role."));
        }
        index.refresh();

        for (int round = 0; round < 60; round++) {
            Map<String, Object> filters = new java.util.LinkedHashMap<>();
            List<String> kinds = new java.util.ArrayList<>(List.of("employmentType", "workplaceType", "seniority",
                    "country", "city", "skills", "organization", "salary"));
            java.util.Collections.shuffle(kinds, random);
            for (String kind : kinds.subList(0, 1 + random.nextInt(4))) {
                filters.put(kind, switch (kind) {
                    case "employmentType" -> java.util.Set.copyOf(pick(random, employment, 1 + random.nextInt(2)));
                    case "workplaceType" -> java.util.Set.copyOf(pick(random, workplaces, 1 + random.nextInt(2)));
                    case "seniority" -> pick(random, seniorities, 1).get(0);
                    case "country" -> pick(random, places, 1).get(0).get(0);
                    case "city" -> pick(random, places, 1).get(0).get(1);
                    case "skills" -> java.util.Set.copyOf(pick(random, skills, 1 + random.nextInt(2)));
                    case "organization" -> organizations.get(random.nextInt(3));
                    default -> 40_000L + random.nextInt(100_000);
                });
            }
            String text = random.nextBoolean() ? "engineer" : null;
            String currency = random.nextBoolean() ? "USD" : "EUR";
            @SuppressWarnings("unchecked")
            SearchResult result = index.search(new PostingQuery(text,
                    enums(EmploymentType.class, (java.util.Set<String>) filters.get("employmentType")),
                    enums(WorkplaceType.class, (java.util.Set<String>) filters.get("workplaceType")),
                    (String) filters.get("country"), null, (String) filters.get("city"), null, null,
                    (Long) filters.get("salary"), currency,
                    filters.get("seniority") == null ? null : Seniority.valueOf((String) filters.get("seniority")),
                    (java.util.Set<String>) filters.get("skills"), (String) filters.get("organization"), null,
                    SortOrder.RELEVANCE, 100, null));
            String context = "text " + text + ", filters " + filters + ", currency " + currency;

            List<PostingSummary> hits = postings.stream().filter(p -> matches(p, text, filters, currency, null)).toList();
            assertEquals(hits.size(), result.total(), context);
            if (hits.size() <= 100) {
                assertEquals(hits.stream().map(PostingSummary::id).sorted().toList(),
                        ids(result).stream().sorted().toList(), context);
            }
            Map<String, java.util.function.Function<PostingSummary, List<String>>> valuesOf = Map.of(
                    "employmentType", PostingSummary::employmentTypes,
                    "workplaceType", p -> List.of(p.workplaceType()),
                    "seniority", p -> List.of(p.seniority()),
                    "country", p -> List.of(p.locations().get(0).country()),
                    "city", p -> List.of(p.locations().get(0).city()),
                    "skills", PostingSummary::skills,
                    "organization", p -> List.of(p.organization().id()));
            for (var facet : valuesOf.entrySet()) {
                Map<String, Long> expected = postings.stream()
                        .filter(p -> matches(p, text, filters, currency, facet.getKey()))
                        .flatMap(p -> facet.getValue().apply(p).stream())
                        .collect(java.util.stream.Collectors.groupingBy(v -> v, java.util.stream.Collectors.counting()));
                Map<String, Long> counted = facetValues(result, facet.getKey()).stream()
                        .collect(java.util.stream.Collectors.toMap(v -> v.value(), v -> v.count()));
                assertEquals(expected, counted, facet.getKey() + " for " + context);
            }
            var histogram = result.facets().salary();
            assertEquals(currency, histogram.currency(), context);
            for (var bucket : histogram.buckets()) {
                long expected = postings.stream().filter(p -> matches(p, text, filters, currency, "salary"))
                        .filter(p -> p.salary() != null && p.salary().currency().equals(currency)
                                && p.salary().yearlyReach() >= bucket.min())
                        .count();
                assertEquals(expected, bucket.count(), "salary bucket " + bucket.min() + " for " + context);
            }
        }
    }

    private static List<org.jobboard.search.domain.Facets.FacetValue> facetValues(SearchResult result, String facet) {
        var facets = result.facets();
        return switch (facet) {
            case "employmentType" -> facets.employmentType();
            case "workplaceType" -> facets.workplaceType();
            case "seniority" -> facets.seniority();
            case "country" -> facets.country();
            case "city" -> facets.city();
            case "skills" -> facets.skills();
            default -> facets.organization();
        };
    }

    /** The search's meaning written out plainly: every filter but {@code except} (a facet's own), and the text. */
    @SuppressWarnings("unchecked")
    private static boolean matches(PostingSummary p, String text, Map<String, Object> filters, String currency,
            String except) {
        if (text != null && !p.title().startsWith("Software Engineer")) {
            return false;
        }
        for (var filter : filters.entrySet()) {
            if (filter.getKey().equals(except)) {
                continue;
            }
            Object wanted = filter.getValue();
            boolean ok = switch (filter.getKey()) {
                case "employmentType" -> p.employmentTypes().stream().anyMatch(((java.util.Set<String>) wanted)::contains);
                case "workplaceType" -> ((java.util.Set<String>) wanted).contains(p.workplaceType());
                case "seniority" -> wanted.equals(p.seniority());
                case "country" -> wanted.equals(p.locations().get(0).country());
                case "city" -> wanted.equals(p.locations().get(0).city());
                case "skills" -> p.skills().containsAll((java.util.Set<String>) wanted);
                case "organization" -> wanted.equals(p.organization().id());
                default -> p.salary() != null && p.salary().currency().equals(currency)
                        && p.salary().yearlyReach() >= (Long) wanted;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> shuffled = new java.util.ArrayList<>(from);
        java.util.Collections.shuffle(shuffled, random);
        return List.copyOf(shuffled.subList(0, count));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(h -> h.posting().id()).toList();
    }

    static IndexedPosting posting(String id, long version, String title) {
        return new IndexedPosting(new PostingSummary(id, title, new PostingSummary.Organization(ORG, "Acme", null),
                List.of("FULL_TIME"), "REMOTE", "MID", List.of(), null, List.of(), "Engineering", Instant.now(), null,
                version), "A role.");
    }

    private static <E extends Enum<E>> java.util.Set<E> enums(Class<E> type, java.util.Set<String> names) {
        return names == null ? null : names.stream().map(n -> Enum.valueOf(type, n))
                .collect(java.util.stream.Collectors.toSet());
    }
}
