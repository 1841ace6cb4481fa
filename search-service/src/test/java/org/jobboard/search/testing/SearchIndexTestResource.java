package org.jobboard.search.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A fresh, empty index directory for each test run, so the service rebuilds its index from the real topic exactly as
 * a new replica would, and no run sees another's leftovers.
 */
public class SearchIndexTestResource implements QuarkusTestResourceLifecycleManager {
    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("search-index-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("jobboard.search.index-path", directory.toString());
    }

    @Override
    public void stop() {
        deleteRecursively(directory);
    }

    public static void deleteRecursively(Path directory) {
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
