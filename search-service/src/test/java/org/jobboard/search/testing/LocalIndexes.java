package org.jobboard.search.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jobboard.search.config.IndexProducer;
import org.jobboard.search.index.lucene.LuceneSearchIndex;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/** The Lucene adapter outside Quarkus, configured as the service configures it. */
public final class LocalIndexes {
    public static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private LocalIndexes() {
    }

    public static LuceneSearchIndex open(Path directory) throws IOException {
        return open(directory, Clock.systemUTC());
    }

    /** @param clock what postedWithin filters count back from */
    public static LuceneSearchIndex open(Path directory, Clock clock) throws IOException {
        return LuceneSearchIndex.open(new LuceneSearchIndex.Settings(directory, 3, 16), IndexProducer.synonyms(), JSON,
                clock);
    }
}
