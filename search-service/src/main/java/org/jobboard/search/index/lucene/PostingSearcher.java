package org.jobboard.search.index.lucene;

import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.SloppyMath;
import org.jboss.logging.Logger;
import org.jobboard.search.domain.Facets;
import org.jobboard.search.domain.GeoPoint;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchHit;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.index.SearchIndex.QueryTooComplexException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read side: runs a {@link PostingQuery} on the current near-real-time searcher. One pass collects a page of hits
 * and every facet's counts; when exact matching finds few hits, a second pass widens rare words to their misspellings
 * (typo tolerance) and a spelling suggestion is offered for no hits at all.
 */
final class PostingSearcher {
    private static final Logger LOG = Logger.getLogger(PostingSearcher.class);

    private final SearcherManager searchers;
    private final TextQueries text;
    private final PostingFields fields;
    private final FacetResults facets;
    private final int fuzzyBelowHits;
    private final Clock clock;

    PostingSearcher(SearcherManager searchers, TextQueries text, PostingFields fields, FacetResults facets,
            int fuzzyBelowHits, Clock clock) {
        this.searchers = searchers;
        this.text = text;
        this.fields = fields;
        this.facets = facets;
        this.fuzzyBelowHits = fuzzyBelowHits;
        this.clock = clock;
    }

    SearchResult search(PostingQuery query) {
        PageOrder.After after = query.after() == null ? null
                : PageOrder.After.parse(query.after(), PageOrder.effectiveSort(query));
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return search(searcher, query, after);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new QueryTooComplexException("the query expands to too many terms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("cannot release a searcher", e);
            }
        }
    }

    private SearchResult search(IndexSearcher searcher, PostingQuery query, PageOrder.After after) throws IOException {
        SortOrder sort = PageOrder.effectiveSort(query);
        SearchFilters filters = SearchFilters.of(query, clock.instant());
        TextQueries.Parsed parsed = query.hasText() ? TextQueries.parse(query.text()) : null;
        boolean fuzzy = after != null && after.fuzzy();
        // a later page of a typo-tolerant search widens the same words (unless the index changed in between)
        Set<String> tolerant = fuzzy && parsed != null ? text.typoCandidates(searcher.getIndexReader(), parsed)
                : Set.of();
        Query textQuery = parsed == null ? null : text.query(parsed, tolerant);
        FacetCounting.Tally main = mainPass(searcher, textQuery, filters, query, sort, after);

        String didYouMean = null;
        if (after == null && parsed != null && main.total() < fuzzyBelowHits) {
            if (main.total() == 0) {
                didYouMean = text.didYouMean(searcher.getIndexReader(), parsed);
            }
            Set<String> candidates = text.typoCandidates(searcher.getIndexReader(), parsed);
            if (!candidates.isEmpty()) {
                FacetCounting.Tally widened = mainPass(searcher, text.query(parsed, candidates), filters, query, sort,
                        null);
                if (widened.total() > main.total()) {
                    main = widened;
                    fuzzy = true;
                    tolerant = candidates;
                }
            }
        }

        ScoreDoc[] docs = main.top().scoreDocs;
        boolean hasMore = docs.length > query.limit();
        List<SearchHit> hits = hits(searcher, Arrays.copyOf(docs, Math.min(docs.length, query.limit())), parsed,
                tolerant, query, fuzzy);
        Facets counted = facets.facets(searcher, main, query);
        int total = main.total();
        boolean lowerBound = total > SearchResult.EXACT_TOTAL_LIMIT;
        return new SearchResult(hits, lowerBound ? SearchResult.EXACT_TOTAL_LIMIT : total, lowerBound, counted,
                didYouMean, fuzzy, hasMore);
    }

    /**
     * The hits of one page and every facet's counts in one pass: the text and the filters that are no facet form the
     * query; the facet filters are checked per document ({@link FacetCounting}).
     */
    private FacetCounting.Tally mainPass(IndexSearcher searcher, Query textQuery, SearchFilters filters,
            PostingQuery query, SortOrder sort, PageOrder.After after) throws IOException {
        int wanted = query.limit() + 1; // one more than a page tells whether another page follows
        TopFieldCollectorManager top = new TopFieldCollectorManager(PageOrder.sort(sort, query.near()), wanted,
                after == null ? null : after.fieldDoc(), wanted);
        List<FacetCounting.Sideways> sideways = new ArrayList<>();
        for (Map.Entry<String, Query> filter : filters.byFacet().entrySet()) {
            Weight weight = searcher.createWeight(searcher.rewrite(filter.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            sideways.add(new FacetCounting.Sideways(weight, FacetResults.position(filter.getKey())));
        }
        return searcher.search(filters.compose(textQuery), new FacetCounting(FacetResults.FIELDS, sideways, top));
    }

    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] docs, TextQueries.Parsed parsed,
            Set<String> tolerant, PostingQuery query, boolean fuzzy) throws IOException {
        // each hit is read once, for the summary and (with text to highlight) its title and description
        int[] docIds = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        Map<Integer, PostingFields.Shown> shown = PostingFields.shown(searcher.getIndexReader(), docIds, parsed != null);
        Map<Integer, SearchHit.Highlights> highlights = Map.of();
        if (parsed != null && docs.length > 0) {
            Query highlight = text.highlightQuery(parsed, tolerant);
            highlights = Highlighting.highlight(searcher, highlight, docs, shown);
        }
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            PostingSummary summary = fields.summary(shown.get(doc.doc));
            hits.add(new SearchHit(summary, distanceKm(summary, query.near()), highlights.get(doc.doc),
                    PageOrder.sortValues((FieldDoc) doc, fuzzy)));
        }
        return hits;
    }

    /** Great-circle distance to the posting's nearest location, in km (the same formula Lucene sorts by). */
    static Double distanceKm(PostingSummary posting, GeoPoint near) {
        if (near == null || posting.locations() == null) {
            return null;
        }
        return posting.locations().stream().filter(PostingSummary.Location::hasCoordinates)
                .mapToDouble(l -> SloppyMath.haversinMeters(near.latitude(), near.longitude(), l.latitude(),
                        l.longitude()) / 1000.0)
                .min().stream().boxed().findFirst().map(km -> Math.round(km * 1000) / 1000.0).orElse(null);
    }
}
