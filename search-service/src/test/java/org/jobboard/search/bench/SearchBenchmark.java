package org.jobboard.search.bench;

import org.jobboard.search.domain.GeoPoint;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.index.lucene.LuceneSearchIndex;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.search.testing.SearchIndexTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * In-process benchmark of the Lucene index (the ceiling the HTTP service can reach): builds a corpus of real titles,
 * agencies, categories and salaries with generated text (fixed seed), then runs a fixed query mix single-threaded
 * and prints p50/p99/max latency per query kind, plus disk and heap per posting.
 *
 * <pre>
 * java -Xmx512m -cp ... org.jobboard.search.bench.SearchBenchmark ../shared/datasets [postings=100000] [queries=5000]
 * </pre>
 */
public final class SearchBenchmark {
    private static final String[] WORDS = { "analyst", "engineer", "manager", "nurse", "policy analyst",
            "project manager", "data", "senior engineer", "inspector", "accountant", "social worker",
            "human resources specialist", "it specialist", "attorney", "civil engineer", "health", "budget analyst",
            "program specialist", "community coordinator", "sr dev" };

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path datasets = Path.of(args.length > 0 ? args[0] : "../shared/datasets");
        int postings = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 5_000;
        Path directory = Files.createTempDirectory("search-bench");
        try {
            run(datasets, postings, queries, directory);
        } finally {
            SearchIndexTestResource.deleteRecursively(directory);
        }
    }

    private static void run(Path datasets, int postings, int queries, Path directory) throws Exception {
        BenchmarkCorpus corpus = new BenchmarkCorpus(datasets);
        System.out.printf("corpus: %,d source records from %s; building %,d postings (seed 42)%n", corpus.sources(),
                datasets, postings);
        long heapBefore = usedHeapAfterGc();
        long start = System.nanoTime();
        LuceneSearchIndex index = LocalIndexes.open(directory);
        corpus.generate(postings, 42, posting -> {
            try {
                index.upsert(posting);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        index.refresh();
        index.commit(Map.of(0, (long) postings));
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(1500); // let the suggestion model rebuild
        long heapIndex = usedHeapAfterGc() - heapBefore;
        long disk = index.stats().sizeBytes();
        System.out.printf("built in %.1f s (%,.0f postings/s); disk %,d bytes = %,d bytes/posting; "
                + "heap held by the open index %,d bytes = %,d bytes/posting (max heap %,d MB)%n", buildSeconds,
                postings / buildSeconds, disk, disk / postings, heapIndex, heapIndex / postings,
                Runtime.getRuntime().maxMemory() >> 20);

        Random random = new Random(7);
        Map<String, IntConsumer> mix = new LinkedHashMap<>();
        mix.put("text + 2 filters + facets", i -> index.search(query(WORDS[random.nextInt(WORDS.length)],
                Set.of("FULL_TIME"), "US", null, null, SortOrder.RELEVANCE)));
        mix.put("text, second page", i -> {
            PostingQuery first = query(WORDS[random.nextInt(WORDS.length)], Set.of(), null, null, null,
                    SortOrder.RELEVANCE);
            var result = index.search(first);
            if (!result.hits().isEmpty()) {
                index.search(first.after(result.hits().get(result.hits().size() - 1).sortValues()));
            }
        });
        mix.put("geo 50 km + distance sort", i -> {
            Object[] city = BenchmarkCorpus.CITIES[random.nextInt(BenchmarkCorpus.CITIES.length)];
            index.search(query(null, Set.of(), null, new GeoPoint((Double) city[3], (Double) city[4]), 50.0,
                    SortOrder.DISTANCE));
        });
        mix.put("browse: filters only, by date", i -> index.search(query(null, Set.of("FULL_TIME", "PART_TIME"), "US",
                null, null, SortOrder.DATE)));
        mix.put("typo (fuzzy fallback)", i -> index.search(query("anlyst enginer", Set.of(), null, null, null,
                SortOrder.RELEVANCE)));
        mix.put("suggestions", i -> {
            String word = WORDS[random.nextInt(WORDS.length)];
            index.suggest(word.substring(0, Math.min(word.length(), 2 + random.nextInt(3))), 10);
        });

        System.out.printf("%n%-32s %10s %10s %10s %10s%n", "query (single thread)", "p50 ms", "p99 ms", "max ms",
                "QPS");
        for (Map.Entry<String, IntConsumer> kind : mix.entrySet()) {
            for (int i = 0; i < Math.min(queries, 1000); i++) {
                kind.getValue().accept(i); // warm-up
            }
            long[] nanos = new long[queries];
            long all = System.nanoTime();
            for (int i = 0; i < queries; i++) {
                long t = System.nanoTime();
                kind.getValue().accept(i);
                nanos[i] = System.nanoTime() - t;
            }
            double seconds = (System.nanoTime() - all) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("%-32s %10.3f %10.3f %10.3f %10.0f%n", kind.getKey(), nanos[queries / 2] / 1e6,
                    nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6, queries / seconds);
        }
        index.close();
    }

    private static PostingQuery query(String text, Set<String> employment, String country, GeoPoint near,
            Double radiusKm, SortOrder sort) {
        return new PostingQuery(text, employment, null, country, null, null, near, radiusKm, null, null, null, null,
                null, null, sort, 20, null);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
