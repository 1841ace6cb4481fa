package org.jobboard.tools.bench.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.jobboard.search.config.IndexProducer;
import org.jobboard.search.index.lucene.LuceneSearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The service's Lucene index outside Quarkus, opened with the service's default settings (SearchConfig's defaults:
 * fuzzy below 3 hits, a 16 MB RAM buffer) and its shipped synonyms, so the in-process numbers compare with the
 * service's.
 */
final class BenchIndexes {
    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private BenchIndexes() {
    }

    static LuceneSearchIndex open(Path directory) throws IOException {
        return LuceneSearchIndex.open(new LuceneSearchIndex.Settings(directory, 3, 16), IndexProducer.synonyms(), JSON,
                Clock.systemUTC());
    }

    static void deleteRecursively(Path directory) {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
