package org.jobboard.tools.bench.search;

import org.jobboard.search.domain.GeoPoint;
import org.jobboard.contracts.postings.EmploymentType;
import org.jobboard.contracts.postings.WorkplaceType;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SortOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * One request of the fixed query mix. The same value is sent to the service over HTTP, run in-process against the
 * Lucene index and translated to SQL for PostgreSQL, so the three measure the same work.
 */
record BenchQuery(Kind kind, String text, String employmentType, String workplaceType, GeoPoint near,
        Double radiusKm, String prefix) {

    enum Kind {
        TEXT("text + 2 filters + facets"),
        GEO("geo 50 km + distance sort + facets"),
        SUGGEST("suggestions (prefix)");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** Words people type (titles, fields; one three-word query exercises the 75 % rule). */
    static final String[] WORDS = { "analyst", "engineer", "manager", "nurse", "policy analyst", "project manager",
            "data", "senior engineer", "inspector", "accountant", "social worker", "human resources specialist",
            "it specialist", "attorney", "civil engineer", "health", "budget analyst", "program specialist",
            "community coordinator", "software developer" };
    private static final String[] EMPLOYMENT = { "FULL_TIME", "FULL_TIME", "FULL_TIME", "PART_TIME", "TEMPORARY" };
    private static final String[] WORKPLACE = { "ON_SITE", "HYBRID", "REMOTE" };
    static final double RADIUS_KM = 50;
    static final int PAGE = 20;
    static final int SUGGESTIONS = 10;

    /**
     * The mix: 60 % full text with an employment-type and a workplace filter (every search also counts all facets,
     * multi-select), 20 % geo radius sorted by distance, 20 % autocomplete. Fixed seed: every run and every target
     * gets the same sequence.
     */
    static List<BenchQuery> mix(int count, long seed) {
        Random random = new Random(seed);
        List<BenchQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(10);
            if (pick < 6) {
                queries.add(text(WORDS[random.nextInt(WORDS.length)], EMPLOYMENT[random.nextInt(EMPLOYMENT.length)],
                        WORKPLACE[random.nextInt(WORKPLACE.length)]));
            } else if (pick < 8) {
                Object[] city = BenchmarkCorpus.CITIES[random.nextInt(BenchmarkCorpus.CITIES.length)];
                queries.add(new BenchQuery(Kind.GEO, null, null, null, new GeoPoint((Double) city[3], (Double) city[4]),
                        RADIUS_KM, null));
            } else {
                String word = WORDS[random.nextInt(WORDS.length)];
                queries.add(new BenchQuery(Kind.SUGGEST, null, null, null, null, null,
                        word.substring(0, Math.min(word.length(), 2 + random.nextInt(3)))));
            }
        }
        return List.copyOf(queries);
    }

    static BenchQuery text(String text, String employmentType, String workplaceType) {
        return new BenchQuery(Kind.TEXT, text, employmentType, workplaceType, null, null, null);
    }

    /** The queries of one kind, in mix order (for the per-kind tables). */
    static List<BenchQuery> only(List<BenchQuery> mix, Kind kind) {
        return mix.stream().filter(q -> q.kind() == kind).toList();
    }

    /** What the service's REST layer builds from {@link #httpPath()} (same limit, sort and filters). */
    PostingQuery postingQuery() {
        return switch (kind) {
            case TEXT -> new PostingQuery(text, Set.of(EmploymentType.valueOf(employmentType)),
                    Set.of(WorkplaceType.valueOf(workplaceType)), null, null, null, null,
                    null, null, null, null, null, null, null, SortOrder.RELEVANCE, PAGE, null);
            case GEO -> new PostingQuery(null, Set.of(), Set.of(), null, null, null, near, radiusKm, null, null, null,
                    null, null, null, SortOrder.DISTANCE, PAGE, null);
            case SUGGEST -> throw new IllegalStateException("a suggestion is no search");
        };
    }

    /** Path and query string of the public API. */
    String httpPath() {
        return switch (kind) {
            case TEXT -> "/v1/search/postings?q=" + encode(text) + "&employmentType=" + employmentType
                    + "&workplaceType=" + workplaceType + "&limit=" + PAGE;
            case GEO -> String.format(Locale.ROOT, "/v1/search/postings?near=%.4f,%.4f&radiusKm=%.0f&sort=distance&limit=%d",
                    near.latitude(), near.longitude(), radiusKm, PAGE);
            case SUGGEST -> "/v1/search/suggestions?prefix=" + encode(prefix);
        };
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
