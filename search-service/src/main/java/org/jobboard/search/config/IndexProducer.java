package org.jobboard.search.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jboss.logging.Logger;
import org.jobboard.platform.input.StrictJson;
import org.jobboard.search.index.SearchIndex;
import org.jobboard.search.index.lucene.Analyzers;
import org.jobboard.search.index.lucene.LuceneSearchIndex;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;

/** Wires the default index adapter (embedded Lucene). */
public class IndexProducer {
    private static final Logger LOG = Logger.getLogger(IndexProducer.class);
    public static final String SYNONYMS = "/search/synonyms.txt";

    @Produces
    @Singleton
    SearchIndex searchIndex(SearchConfig config, ObjectMapper json, Clock clock) {
        Path path = Path.of(config.indexPath()).toAbsolutePath();
        try {
            LuceneSearchIndex index = LuceneSearchIndex.open(
                    new LuceneSearchIndex.Settings(path, config.fuzzyBelowHits(), config.ramBufferMb()), synonyms(),
                    StrictJson.forTrustedSource(json), clock);
            LOG.infof("search index at %s: %s", path, index.stats());
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index at " + path, e);
        }
    }

    void close(@Disposes SearchIndex index) throws IOException {
        index.close();
    }

    /** The synonym list shipped with the service (a data file, see {@value #SYNONYMS}). */
    public static SynonymMap synonyms() {
        try (InputStream in = IndexProducer.class.getResourceAsStream(SYNONYMS)) {
            if (in == null) {
                throw new IllegalStateException("missing " + SYNONYMS);
            }
            return Analyzers.synonyms(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
