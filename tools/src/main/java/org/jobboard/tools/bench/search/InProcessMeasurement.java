package org.jobboard.tools.bench.search;

import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.index.lucene.LuceneSearchIndex;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

/** (b) The index the service built, opened in-process: its size, the heap it holds, per-kind latency, the ceiling. */
final class InProcessMeasurement {
    private final BenchRun run;
    private final List<BenchQuery> mix;
    private final QueryLoops loops;

    InProcessMeasurement(BenchRun run, List<BenchQuery> mix, QueryLoops loops) {
        this.run = run;
        this.mix = mix;
        this.loops = loops;
    }

    /**
     * Heap held by the open index: used heap after full collections with the index open, minus the smaller of the
     * values before opening and after closing it (whatever else the benchmark JVM held meanwhile cancels out).
     */
    void measure(Path directory, PostgresBaseline pg, boolean queries) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long heapWithIndex;
        try (LuceneSearchIndex index = BenchIndexes.open(directory)) {
            heapWithIndex = usedHeapAfterGc();
            run.indexBytes = index.stats().sizeBytes();
            run.indexSegments = index.stats().segments();
            run.indexedPostings = index.stats().documents();
            if (pg != null) {
                compareTotals(index, pg);
            }
            if (queries) {
                queryInProcess(index);
            }
        }
        run.inProcessHeapBytes = heapWithIndex - Math.min(heapBefore, usedHeapAfterGc());
        SearchBenchmark.say("(b) the same index: %,d postings, %d segments, %,d bytes on disk (%,d bytes/posting); heap held by the "
                + "open index %,d bytes (%,d bytes/posting)", run.indexedPostings, run.indexSegments, run.indexBytes,
                run.indexBytes / Math.max(1, run.indexedPostings), run.inProcessHeapBytes,
                run.inProcessHeapBytes / Math.max(1, run.indexedPostings));
    }

    private void queryInProcess(LuceneSearchIndex index) throws Exception {
        SearchBenchmark.say("(b) the same index in-process");
        FixedRate.Request request = i -> lucene(index, mix.get(i % mix.size()));
        loops.warmUp("the index in-process", Runtime.getRuntime().availableProcessors(), request);
        System.out.printf("    %-38s %9s %9s %9s %9s%n", "query (single thread)", "p50 ms", "p99 ms", "max ms", "QPS");
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            KindStats stats = loops.singleThreaded(kind, q -> lucene(index, q));
            run.inProcessKinds.put(kind, stats);
            System.out.println("    " + stats.line());
        }
        run.ceilingThreads = Runtime.getRuntime().availableProcessors();
        run.inProcessSingleQps = loops.closedLoop(1, run.secondsPerRate, 0, request);
        run.inProcessCeilingQps = loops.closedLoop(run.ceilingThreads, run.secondsPerRate, 0, request);
        SearchBenchmark.say("mix in-process: %.0f QPS single-threaded, %.0f QPS with %d threads (the ceiling)",
                run.inProcessSingleQps, run.inProcessCeilingQps, run.ceilingThreads);
    }

    private static Object lucene(LuceneSearchIndex index, BenchQuery query) {
        return query.kind() == BenchQuery.Kind.SUGGEST ? index.suggest(query.prefix(), BenchQuery.SUGGESTIONS)
                : index.search(query.postingQuery());
    }

    /** Both engines should find about the same postings: the summed totals of the first searches of each kind. */
    private void compareTotals(LuceneSearchIndex index, PostgresBaseline pg) throws Exception {
        try (PostgresBaseline.Session session = new PostgresBaseline.Session(pg.connect())) {
            for (BenchQuery.Kind kind : List.of(BenchQuery.Kind.TEXT, BenchQuery.Kind.GEO)) {
                long lucene = 0;
                long postgres = 0;
                for (BenchQuery query : BenchQuery.only(mix, kind).subList(0, 50)) {
                    SearchResult result = index.search(query.postingQuery());
                    lucene += result.total();
                    postgres += Math.min(SearchResult.EXACT_TOTAL_LIMIT,
                            BenchIndexes.JSON.readTree(session.run(query)).path("total").asLong());
                }
                run.totals.put(kind, new long[] { lucene, postgres });
            }
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
