package org.jobboard.search.index.lucene;

import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jobboard.search.domain.PostingQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's filters as Lucene queries: the filters that are no facet, and per facet the filter on its own values
 * (left out when counting that facet, so facets are multi-select).
 */
record SearchFilters(List<Query> plain, Map<String, Query> byFacet) {
    static final Query TOMBSTONES = new TermQuery(new Term(PostingFields.KIND, PostingFields.KIND_TOMBSTONE));

    /** @param now the moment {@code postedWithin} counts back from */
    static SearchFilters of(PostingQuery q, Instant now) {
        List<Query> plain = new ArrayList<>();
        Map<String, Query> byFacet = new LinkedHashMap<>();
        if (!q.employmentTypes().isEmpty()) {
            byFacet.put(FacetResults.EMPLOYMENT_TYPE,
                    KeywordField.newSetQuery(PostingFields.EMPLOYMENT_TYPE, names(q.employmentTypes())));
        }
        if (!q.workplaceTypes().isEmpty()) {
            byFacet.put(FacetResults.WORKPLACE_TYPE,
                    KeywordField.newSetQuery(PostingFields.WORKPLACE_TYPE, names(q.workplaceTypes())));
        }
        if (q.seniority() != null) {
            byFacet.put(FacetResults.SENIORITY, KeywordField.newExactQuery(PostingFields.SENIORITY, q.seniority().name()));
        }
        if (q.country() != null) {
            byFacet.put(FacetResults.COUNTRY,
                    KeywordField.newExactQuery(PostingFields.COUNTRY, PostingFields.country(q.country())));
        }
        if (q.city() != null) {
            byFacet.put(FacetResults.CITY, new TermQuery(new Term(PostingFields.CITY, PostingFields.key(q.city()))));
        }
        if (!q.skills().isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            q.skills().forEach(s -> all.add(KeywordField.newExactQuery(PostingFields.SKILL, PostingFields.key(s)),
                    Occur.FILTER));
            byFacet.put(FacetResults.SKILLS, all.build());
        }
        if (q.organizationId() != null) {
            byFacet.put(FacetResults.ORGANIZATION,
                    KeywordField.newExactQuery(PostingFields.ORGANIZATION_ID, q.organizationId()));
        }
        if (q.salaryMin() != null) {
            byFacet.put(FacetResults.SALARY, new BooleanQuery.Builder()
                    .add(KeywordField.newExactQuery(PostingFields.SALARY_CURRENCY, q.currency()), Occur.FILTER)
                    .add(LongField.newRangeQuery(PostingFields.SALARY_REACH, q.salaryMin(), Long.MAX_VALUE), Occur.FILTER)
                    .build());
        }
        if (q.region() != null) {
            plain.add(new TermQuery(new Term(PostingFields.REGION, PostingFields.key(q.region()))));
        }
        if (q.near() != null && q.radiusKm() != null) {
            plain.add(LatLonPoint.newDistanceQuery(PostingFields.GEO, q.near().latitude(), q.near().longitude(),
                    q.radiusKm() * 1000));
        }
        if (q.postedWithin() != null) {
            long since = now.minus(q.postedWithin()).toEpochMilli();
            plain.add(LongField.newRangeQuery(PostingFields.POSTED, since, Long.MAX_VALUE));
        }
        return new SearchFilters(plain, byFacet);
    }

    private static List<BytesRef> names(Collection<? extends Enum<?>> values) {
        return values.stream().map(v -> new BytesRef(v.name())).toList();
    }

    /** The text (or every posting) and the filters that are no facet; the facet filters are checked sideways. */
    Query compose(Query textQuery) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(textQuery != null ? textQuery : new MatchAllDocsQuery(), textQuery != null ? Occur.MUST : Occur.FILTER);
        // excluding the few tombstones is far cheaper than intersecting with a clause every posting matches
        b.add(TOMBSTONES, Occur.MUST_NOT);
        plain.forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }
}
