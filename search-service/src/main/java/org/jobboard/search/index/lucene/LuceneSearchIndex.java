package org.jobboard.search.index.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.SloppyMath;
import org.jboss.logging.Logger;
import org.jobboard.search.domain.Facets;
import org.jobboard.search.domain.Facets.FacetValue;
import org.jobboard.search.domain.GeoPoint;
import org.jobboard.search.domain.IndexStats;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchHit;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.domain.Suggestion;
import org.jobboard.search.index.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The default {@link SearchIndex}: embedded Apache Lucene on local disk. One {@link IndexWriter} (writes from the
 * consumer thread), a {@link SearcherManager} reopened near-real-time after each applied batch, and commits that carry
 * the source offsets in their user data, so the index and "where it got to in the topic" are always durable together.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final Logger LOG = Logger.getLogger(LuceneSearchIndex.class);
    /** Bumped when the schema changes: an index written with another one is rebuilt from the topic. */
    static final String SCHEMA = "2";
    private static final String USER_SCHEMA = "jobboard.schema";
    private static final String USER_OFFSETS = "jobboard.offsets";
    private static final String USER_COMMITTED_AT = "jobboard.committedAt";
    private static final int TOP_VALUES = 20;
    private static final double SEGMENTS_PER_TIER = 4;
    private static final double FLOOR_SEGMENT_MB = 16;
    private static final String FUZZY = "f";
    private static final String EXACT = "e";

    /** Facet name → doc-values field counted for it. */
    private static final Map<String, String> FACET_FIELDS = facetFields();
    /** The same, as lists: a facet's position is its index in {@link FacetCounting}. */
    private static final List<String> FACET_NAMES = List.copyOf(FACET_FIELDS.keySet());
    private static final List<String> FACET_FIELD_NAMES = List.copyOf(FACET_FIELDS.values());

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Organization id → name, for labelling the organization facet without a lookup per search. */
    private final Map<String, String> organizationNames = new ConcurrentHashMap<>();
    private static final Query TOMBSTONES = new TermQuery(new Term(PostingFields.KIND, PostingFields.KIND_TOMBSTONE));
    private final PostingFields fields;
    private final TextQueries text;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final Analyzer words;
    private final int fuzzyBelowHits;

    /** Versions written since the last refresh, which the searcher cannot see yet. Guarded by {@code this}. */
    private final Map<String, Long> unrefreshedVersions = new HashMap<>();
    private volatile Map<Integer, Long> committedOffsets;
    /** One commit at a time (its commit data and the commit itself belong together). */
    private final Object commitLock = new Object();
    private volatile Instant lastCommitAt;

    private volatile SuggestionModel suggestions = SuggestionModel.EMPTY;
    private final AtomicBoolean suggestionsStale = new AtomicBoolean();
    private final ScheduledExecutorService suggestionBuilder;

    public record Settings(Path path, int fuzzyBelowHits, double ramBufferMb) {
    }

    private LuceneSearchIndex(Settings settings, SynonymMap synonyms, ObjectMapper json) throws IOException {
        this.fuzzyBelowHits = settings.fuzzyBelowHits();
        this.indexAnalyzer = Analyzers.indexing();
        this.queryAnalyzer = Analyzers.query(synonyms);
        this.words = Analyzers.words();
        this.fields = new PostingFields(json);
        this.text = new TextQueries(queryAnalyzer, Analyzers.indexing(), words);

        Files.createDirectories(settings.path());
        this.directory = FSDirectory.open(settings.path());
        Map<String, String> last = DirectoryReader.indexExists(directory)
                ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
        boolean compatible = SCHEMA.equals(last.get(USER_SCHEMA));
        if (!last.isEmpty() && !compatible) {
            LOG.warnf("index at %s has schema %s, this version writes %s: rebuilding it from the topic",
                    settings.path(), last.get(USER_SCHEMA), SCHEMA);
        }
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(compatible ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE)
                // only commit() with offsets makes changes durable; closing discards the rest, like a crash would
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(settings.ramBufferMb())
                .setMergePolicy(mergePolicy());
        this.writer = new IndexWriter(directory, config);
        this.committedOffsets = compatible ? parseOffsets(last.get(USER_OFFSETS)) : Map.of();
        this.lastCommitAt = compatible && last.get(USER_COMMITTED_AT) != null
                ? Instant.parse(last.get(USER_COMMITTED_AT)) : null;
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                if (didRefresh) {
                    suggestionsStale.set(true);
                }
            }
        });
        rebuildSuggestions();
        this.suggestionBuilder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "search-suggestions");
            thread.setDaemon(true);
            return thread;
        });
        // rebuilt at most twice a second, off the write path: suggestions lag the index by < 1 s
        suggestionBuilder.scheduleWithFixedDelay(() -> {
            if (suggestionsStale.getAndSet(false)) {
                rebuildSuggestions();
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    /**
     * Fewer segments than Lucene 9's defaults leave (ten per size tier, small ones counted as 2 MB): a search pays per
     * segment (a terms-dictionary lookup per term, a scorer and a facet collector each), and this index is searched far
     * more often than it is written. Near-real-time refreshes flush many tiny segments; counting each as 16 MB (Lucene
     * 10's default) merges them away soon.
     */
    private static MergePolicy mergePolicy() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setSegmentsPerTier(SEGMENTS_PER_TIER);
        policy.setFloorSegmentMB(FLOOR_SEGMENT_MB);
        return policy;
    }

    public static LuceneSearchIndex open(Settings settings, SynonymMap synonyms, ObjectMapper json)
            throws IOException {
        return new LuceneSearchIndex(settings, synonyms, json);
    }

    private static Map<String, String> facetFields() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("employmentType", PostingFields.EMPLOYMENT_TYPE);
        map.put("workplaceType", PostingFields.WORKPLACE_TYPE);
        map.put("seniority", PostingFields.SENIORITY);
        map.put("country", PostingFields.COUNTRY);
        map.put("city", PostingFields.CITY_FACET);
        map.put("skills", PostingFields.SKILL);
        map.put("organization", PostingFields.ORGANIZATION_ID);
        return map;
    }

    // ---------------------------------------------------------------- writes (one thread)

    @Override
    public synchronized boolean upsert(IndexedPosting posting) throws IOException {
        if (!isNewer(posting.id(), posting.version())) {
            return false;
        }
        Document doc = fields.posting(posting);
        writer.updateDocument(new Term(PostingFields.ID, posting.id()), doc);
        unrefreshedVersions.put(posting.id(), posting.version());
        if (posting.summary().organization() != null && posting.summary().organization().name() != null) {
            organizationNames.put(posting.summary().organization().id(), posting.summary().organization().name());
        }
        return true;
    }

    @Override
    public synchronized boolean delete(String id, long version) throws IOException {
        if (!isNewer(id, version)) {
            return false;
        }
        // a tombstone, not a deletion: it keeps the version so an older "published" replayed later is refused
        writer.updateDocument(new Term(PostingFields.ID, id), fields.tombstone(id, version));
        unrefreshedVersions.put(id, version);
        return true;
    }

    @Override
    public synchronized void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
        unrefreshedVersions.clear(); // every write so far is visible to the new searcher
    }

    @Override
    public void commit(Map<Integer, Long> nextOffsets) throws IOException {
        // not under this object's lock: the writer takes changes while a commit waits for the disk
        synchronized (commitLock) {
            Instant now = Instant.now();
            Map<String, String> data = new HashMap<>();
            data.put(USER_SCHEMA, SCHEMA);
            data.put(USER_OFFSETS, formatOffsets(nextOffsets));
            data.put(USER_COMMITTED_AT, now.toString());
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            committedOffsets = Map.copyOf(nextOffsets);
            lastCommitAt = now;
        }
    }

    /**
     * Waits until the merges the merge policy asks for are done. For tools that build an index and close it right away
     * (closing aborts running merges); the service merges in the background as it goes.
     */
    public void awaitMerges() throws IOException {
        writer.maybeMerge();
        try {
            while (writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty()) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for merges", e);
        }
    }

    @Override
    public Map<Integer, Long> committedOffsets() {
        return committedOffsets;
    }

    private boolean isNewer(String id, long version) throws IOException {
        Long current = unrefreshedVersions.get(id);
        if (current == null) {
            current = indexedVersion(id);
        }
        return current == null || version > current;
    }

    /** The version held for {@code id} (open posting or tombstone) in the current searcher, or {@code null}. */
    private Long indexedVersion(String id) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            BytesRef key = new BytesRef(id);
            Long found = null;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(PostingFields.ID);
                if (terms == null) {
                    continue;
                }
                TermsEnum termsEnum = terms.iterator();
                if (!termsEnum.seekExact(key)) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                PostingsEnum docs = termsEnum.postings(null, PostingsEnum.NONE);
                NumericDocValues versions = leaf.reader().getNumericDocValues(PostingFields.VERSION);
                for (int doc = docs.nextDoc(); doc != PostingsEnum.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if ((live == null || live.get(doc)) && versions != null && versions.advanceExact(doc)) {
                        found = found == null ? versions.longValue() : Math.max(found, versions.longValue());
                    }
                }
            }
            return found;
        } finally {
            searchers.release(searcher);
        }
    }

    // ---------------------------------------------------------------- search

    @Override
    public SearchResult search(PostingQuery query) {
        After after = query.after() == null ? null : After.parse(query.after(), effectiveSort(query));
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

    private SearchResult search(IndexSearcher searcher, PostingQuery query, After after) throws IOException {
        SortOrder sort = effectiveSort(query);
        Filters filters = filters(query);
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
        Facets facets = facets(searcher, main, query);
        int total = main.total();
        boolean lowerBound = total > SearchResult.EXACT_TOTAL_LIMIT;
        return new SearchResult(hits, lowerBound ? SearchResult.EXACT_TOTAL_LIMIT : total, lowerBound, facets,
                didYouMean, fuzzy, hasMore);
    }

    /**
     * The hits of one page and every facet's counts in one pass: the text and the filters that are no facet form the
     * query; the facet filters are checked per document ({@link FacetCounting}).
     */
    private FacetCounting.Tally mainPass(IndexSearcher searcher, Query textQuery, Filters filters, PostingQuery query,
            SortOrder sort, After after) throws IOException {
        int wanted = query.limit() + 1; // one more than a page tells whether another page follows
        TopFieldCollectorManager top = new TopFieldCollectorManager(sort(sort, query.near()), wanted,
                after == null ? null : after.fieldDoc(), wanted);
        List<FacetCounting.Sideways> sideways = new ArrayList<>();
        for (Map.Entry<String, Query> filter : filters.byFacet().entrySet()) {
            Weight weight = searcher.createWeight(searcher.rewrite(filter.getValue()), ScoreMode.COMPLETE_NO_SCORES, 1f);
            int facet = filter.getKey().equals("salary") ? FacetCounting.SALARY : FACET_NAMES.indexOf(filter.getKey());
            sideways.add(new FacetCounting.Sideways(weight, facet));
        }
        return searcher.search(compose(textQuery, filters), new FacetCounting(FACET_FIELD_NAMES, sideways, top));
    }

    private static SortOrder effectiveSort(PostingQuery query) {
        return query.sort() == SortOrder.RELEVANCE && !query.hasText() ? SortOrder.DATE : query.sort();
    }

    private static Sort sort(SortOrder order, GeoPoint near) {
        SortField id = new SortField(PostingFields.ID_SORT, SortField.Type.STRING_VAL);
        SortField primary = switch (order) {
            case RELEVANCE -> SortField.FIELD_SCORE;
            case DATE -> descendingLong(PostingFields.POSTED);
            case SALARY -> descendingLong(PostingFields.SALARY_REACH);
            case DISTANCE -> LatLonDocValuesField.newDistanceSort(PostingFields.GEO, near.latitude(), near.longitude());
        };
        return new Sort(primary, id);
    }

    private static SortField descendingLong(String field) {
        SortField sort = LongField.newSortField(field, true, SortedNumericSelector.Type.MAX);
        sort.setMissingValue(Long.MIN_VALUE); // postings without a value come last
        return sort;
    }

    /** The position after the previous page: the text mode it used, its last sort value and id. */
    private record After(boolean fuzzy, Object primary, String id) {
        static After parse(List<String> values, SortOrder sort) {
            if (values.size() != 3 || !(EXACT.equals(values.get(0)) || FUZZY.equals(values.get(0)))) {
                throw new InvalidCursorException("unexpected cursor values");
            }
            try {
                Object primary = switch (sort) {
                    case RELEVANCE -> Float.parseFloat(values.get(1));
                    case DATE, SALARY -> Long.parseLong(values.get(1));
                    case DISTANCE -> Double.parseDouble(values.get(1));
                };
                return new After(FUZZY.equals(values.get(0)), primary, values.get(2));
            } catch (NumberFormatException e) {
                throw new InvalidCursorException("unexpected cursor value");
            }
        }

        FieldDoc fieldDoc() {
            // the id is unique, so the doc number never decides; MAX_VALUE excludes the previous page's last hit
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] { primary, new BytesRef(id) });
        }
    }

    private static List<String> sortValues(FieldDoc doc, boolean fuzzy) {
        return List.of(fuzzy ? FUZZY : EXACT, String.valueOf(doc.fields[0]), ((BytesRef) doc.fields[1]).utf8ToString());
    }

    // ---------------------------------------------------------------- filters and facets

    /** Filters that are no facet, and per facet the filter on its own values (left out when counting that facet). */
    private record Filters(List<Query> plain, Map<String, Query> byFacet) {
    }

    private static Filters filters(PostingQuery q) {
        List<Query> plain = new ArrayList<>();
        Map<String, Query> byFacet = new LinkedHashMap<>();
        if (!q.employmentTypes().isEmpty()) {
            byFacet.put("employmentType", KeywordField.newSetQuery(PostingFields.EMPLOYMENT_TYPE, bytes(q.employmentTypes())));
        }
        if (!q.workplaceTypes().isEmpty()) {
            byFacet.put("workplaceType", KeywordField.newSetQuery(PostingFields.WORKPLACE_TYPE, bytes(q.workplaceTypes())));
        }
        if (q.seniority() != null) {
            byFacet.put("seniority", KeywordField.newExactQuery(PostingFields.SENIORITY, q.seniority()));
        }
        if (q.country() != null) {
            byFacet.put("country", KeywordField.newExactQuery(PostingFields.COUNTRY, PostingFields.country(q.country())));
        }
        if (q.city() != null) {
            byFacet.put("city", new TermQuery(new Term(PostingFields.CITY, PostingFields.key(q.city()))));
        }
        if (!q.skills().isEmpty()) {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            q.skills().forEach(s -> all.add(KeywordField.newExactQuery(PostingFields.SKILL, PostingFields.key(s)),
                    Occur.FILTER));
            byFacet.put("skills", all.build());
        }
        if (q.organizationId() != null) {
            byFacet.put("organization", KeywordField.newExactQuery(PostingFields.ORGANIZATION_ID, q.organizationId()));
        }
        if (q.salaryMin() != null) {
            byFacet.put("salary", new BooleanQuery.Builder()
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
            long since = Instant.now().minus(q.postedWithin()).toEpochMilli();
            plain.add(LongField.newRangeQuery(PostingFields.POSTED, since, Long.MAX_VALUE));
        }
        return new Filters(plain, byFacet);
    }

    private static List<BytesRef> bytes(Set<String> values) {
        return values.stream().map(BytesRef::new).toList();
    }

    /** The text (or every posting) and the filters that are no facet; the facet filters are checked sideways. */
    private static Query compose(Query textQuery, Filters filters) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(textQuery != null ? textQuery : new MatchAllDocsQuery(), textQuery != null ? Occur.MUST : Occur.FILTER);
        // excluding the few tombstones is far cheaper than intersecting with a clause every posting matches
        b.add(TOMBSTONES, Occur.MUST_NOT);
        filters.plain().forEach(f -> b.add(f, Occur.FILTER));
        return b.build();
    }

    private Facets facets(IndexSearcher searcher, FacetCounting.Tally tally, PostingQuery query) throws IOException {
        Map<String, List<FacetValue>> values = new HashMap<>();
        for (Map.Entry<String, String> facet : FACET_FIELDS.entrySet()) {
            boolean bounded = Set.of("city", "skills", "organization").contains(facet.getKey());
            values.put(facet.getKey(), top(tally.counts(facet.getValue()), bounded ? TOP_VALUES : Integer.MAX_VALUE));
        }
        return new Facets(values.get("employmentType"), values.get("workplaceType"), values.get("seniority"),
                values.get("country"), values.get("city"), values.get("skills"),
                labelOrganizations(searcher, values.get("organization")),
                SalaryHistograms.of(tally.salaries(), query.currency()));
    }

    private static List<FacetValue> top(Map<String, Integer> counts, int limit) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> new FacetValue(e.getKey(), null, e.getValue()))
                .toList();
    }

    /**
     * Organization facet values are ids; the label is the organization's name, remembered from the postings this
     * replica indexed (the newest name wins) or, after a restart, read once from one of its postings. Looking it up per
     * search cost more than the search itself.
     */
    private List<FacetValue> labelOrganizations(IndexSearcher searcher, List<FacetValue> organizations)
            throws IOException {
        List<FacetValue> labelled = new ArrayList<>(organizations.size());
        for (FacetValue organization : organizations) {
            String name = organizationNames.get(organization.value());
            if (name == null) {
                name = indexedOrganizationName(searcher, organization.value());
                if (name != null) {
                    organizationNames.putIfAbsent(organization.value(), name);
                }
            }
            labelled.add(new FacetValue(organization.value(), name, organization.count()));
        }
        return labelled;
    }

    private String indexedOrganizationName(IndexSearcher searcher, String organizationId) throws IOException {
        // only postings carry an organization id (tombstones hold id and version only)
        TopDocs top = searcher.search(KeywordField.newExactQuery(PostingFields.ORGANIZATION_ID, organizationId), 1);
        if (top.scoreDocs.length == 0) {
            return null;
        }
        int doc = top.scoreDocs[0].doc;
        PostingFields.Shown shown = PostingFields.shown(searcher.getIndexReader(), new int[] { doc }, false).get(doc);
        return shown == null ? null : fields.summary(shown).organization().name();
    }

    // ---------------------------------------------------------------- hits

    private List<SearchHit> hits(IndexSearcher searcher, ScoreDoc[] docs, TextQueries.Parsed text,
            Set<String> tolerant, PostingQuery query, boolean fuzzy) throws IOException {
        // each hit is read once, for the summary and (with text to highlight) its title and description
        int[] docIds = Arrays.stream(docs).mapToInt(d -> d.doc).toArray();
        Map<Integer, PostingFields.Shown> shown = PostingFields.shown(searcher.getIndexReader(), docIds, text != null);
        Map<Integer, SearchHit.Highlights> highlights = Map.of();
        if (text != null && docs.length > 0) {
            Query highlight = this.text.highlightQuery(text, tolerant);
            highlights = Highlighting.highlight(searcher, highlight, docs, shown);
        }
        List<SearchHit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc doc : docs) {
            PostingSummary summary = fields.summary(shown.get(doc.doc));
            hits.add(new SearchHit(summary, distanceKm(summary, query.near()), highlights.get(doc.doc),
                    sortValues((FieldDoc) doc, fuzzy)));
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

    // ---------------------------------------------------------------- suggestions, status

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return suggestions.lookup(prefix, limit);
    }

    private void rebuildSuggestions() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                suggestions = SuggestionModel.build(searcher.getIndexReader());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot rebuild the suggestions; keeping the previous ones", e);
            suggestionsStale.set(true);
        }
    }

    @Override
    public IndexStats stats() {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                long postings = searcher.count(new TermQuery(new Term(PostingFields.KIND, PostingFields.KIND_POSTING)));
                long tombstones = searcher.count(new TermQuery(new Term(PostingFields.KIND, PostingFields.KIND_TOMBSTONE)));
                return new IndexStats(postings, tombstones, searcher.getIndexReader().leaves().size(), sizeOnDisk(),
                        new TreeMap<>(committedOffsets), lastCommitAt);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            try {
                total += directory.fileLength(file);
            } catch (NoSuchFileException e) {
                // merged away meanwhile
            }
        }
        return total;
    }

    @Override
    public boolean healthy() {
        return writer.isOpen() && writer.getTragicException() == null;
    }

    @Override
    public void close() throws IOException {
        suggestionBuilder.shutdownNow();
        try {
            searchers.close();
        } finally {
            try {
                writer.close(); // without a commit: what was not committed is replayed from the topic
            } finally {
                directory.close();
                indexAnalyzer.close();
                queryAnalyzer.close();
                words.close();
            }
        }
    }

    static String formatOffsets(Map<Integer, Long> offsets) {
        return new TreeMap<>(offsets).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    static Map<Integer, Long> parseOffsets(String value) {
        if (value == null || value.isBlank()) {
            return Map.of();
        }
        Map<Integer, Long> offsets = new HashMap<>();
        for (String part : value.split(",")) {
            String[] kv = part.split("=");
            offsets.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
        }
        return Map.copyOf(offsets);
    }
}
