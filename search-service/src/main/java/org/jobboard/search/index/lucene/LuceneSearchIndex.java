package org.jobboard.search.index.lucene;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;
import org.jobboard.search.domain.IndexStats;
import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.domain.Suggestion;
import org.jobboard.search.index.SearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The default {@link SearchIndex}: embedded Apache Lucene on local disk. One {@link IndexWriter} (writes from the
 * consumer thread, {@link PostingWriter}), a {@link SearcherManager} reopened near-real-time after each applied batch
 * and read by {@link PostingSearcher}, and commits that carry the source offsets ({@link IndexCommits}), so the index
 * and "where it got to in the topic" are always durable together. This class opens, wires and closes them.
 */
public final class LuceneSearchIndex implements SearchIndex {
    private static final Logger LOG = Logger.getLogger(LuceneSearchIndex.class);
    /** Bumped when the schema changes: an index written with another one is rebuilt from the topic. */
    static final String SCHEMA = IndexCommits.SCHEMA;
    private static final double SEGMENTS_PER_TIER = 4;
    private static final double FLOOR_SEGMENT_MB = 16;

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final Analyzer words;
    private final IndexCommits commits;
    private final PostingWriter postings;
    private final PostingSearcher searcher;
    private final SuggestionRefresher suggestions;

    public record Settings(Path path, int fuzzyBelowHits, double ramBufferMb) {
    }

    private LuceneSearchIndex(Settings settings, SynonymMap synonyms, ObjectMapper json, Clock clock)
            throws IOException {
        this.indexAnalyzer = Analyzers.indexing();
        this.queryAnalyzer = Analyzers.query(synonyms);
        this.words = Analyzers.words();
        PostingFields fields = new PostingFields(json);
        OrganizationNames organizationNames = new OrganizationNames();

        Files.createDirectories(settings.path());
        this.directory = FSDirectory.open(settings.path());
        IndexCommits.Last last = IndexCommits.Last.of(directory);
        if (last.exists() && !last.compatible()) {
            LOG.warnf("index at %s has schema %s, this version writes %s: rebuilding it from the topic",
                    settings.path(), last.schema(), SCHEMA);
        }
        IndexWriterConfig config = new IndexWriterConfig(indexAnalyzer)
                .setOpenMode(last.compatible() ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND
                        : IndexWriterConfig.OpenMode.CREATE)
                // only commit() with offsets makes changes durable; closing discards the rest, like a crash would
                .setCommitOnClose(false)
                .setRAMBufferSizeMB(settings.ramBufferMb())
                .setMergePolicy(mergePolicy());
        this.writer = new IndexWriter(directory, config);
        this.commits = new IndexCommits(writer, last, clock);
        this.searchers = new SearcherManager(writer, new SearcherFactory());
        this.postings = new PostingWriter(writer, searchers, fields, organizationNames);
        this.searcher = new PostingSearcher(searchers, new TextQueries(queryAnalyzer, Analyzers.indexing(), words),
                fields, new FacetResults(fields, organizationNames), settings.fuzzyBelowHits(), clock);
        this.suggestions = new SuggestionRefresher(searchers);
    }

    /** @param clock what {@code postedWithin} counts back from and commits are stamped with */
    public static LuceneSearchIndex open(Settings settings, SynonymMap synonyms, ObjectMapper json, Clock clock)
            throws IOException {
        return new LuceneSearchIndex(settings, synonyms, json, clock);
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

    @Override
    public boolean upsert(IndexedPosting posting) throws IOException {
        return postings.upsert(posting);
    }

    @Override
    public boolean delete(String id, long version) throws IOException {
        return postings.delete(id, version);
    }

    @Override
    public void forget(String id) throws IOException {
        postings.forget(id);
    }

    @Override
    public void refresh() throws IOException {
        postings.refresh();
    }

    @Override
    public void commit(Map<Integer, Long> nextOffsets) throws IOException {
        commits.commit(nextOffsets);
    }

    @Override
    public Map<Integer, Long> committedOffsets() {
        return commits.committedOffsets();
    }

    /** Waits for the merges the merge policy asks for (tools that build an index and close it right away). */
    public void awaitMerges() throws IOException {
        postings.awaitMerges();
    }

    @Override
    public SearchResult search(PostingQuery query) {
        return searcher.search(query);
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        return suggestions.lookup(prefix, limit);
    }

    @Override
    public IndexStats stats() {
        try {
            IndexSearcher current = searchers.acquire();
            try {
                long open = current.count(new TermQuery(new Term(PostingFields.KIND, PostingFields.KIND_POSTING)));
                long tombstones = current.count(new TermQuery(new Term(PostingFields.KIND, PostingFields.KIND_TOMBSTONE)));
                return new IndexStats(open, tombstones, current.getIndexReader().leaves().size(), sizeOnDisk(),
                        new TreeMap<>(commits.committedOffsets()), commits.lastCommitAt());
            } finally {
                searchers.release(current);
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
        suggestions.close();
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
}
