package org.jobboard.tools.bench.search;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The closed-loop drivers the measurements share: warm-ups, back-to-back callers, single-threaded runs per kind. */
final class QueryLoops {
    private final BenchRun run;
    private final List<BenchQuery> mix;
    /** With --slowest=N (BENCH_SLOWEST), the N slowest single-threaded queries of each kind are printed. */
    private final int slowest;

    QueryLoops(BenchRun run, List<BenchQuery> mix, int slowest) {
        this.run = run;
        this.mix = mix;
        this.slowest = slowest;
    }

    void warmUp(String what, int threads, FixedRate.Request request) throws InterruptedException {
        SearchBenchmark.say("warming up %s for %.0f s (%d callers back to back)", what, run.warmUpSeconds, threads);
        closedLoop(threads, run.warmUpSeconds, 0, request);
    }

    /** Requests per second {@code threads} callers reach back to back (no pacing). */
    double closedLoop(int threads, double seconds, int first, FixedRate.Request request)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger(first);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        CountDownLatch finished = new CountDownLatch(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    while (System.nanoTime() < deadline) {
                        try {
                            request.run(next.getAndIncrement());
                            done.incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                } finally {
                    finished.countDown();
                }
            }, "closed-loop-" + t);
            thread.setDaemon(true);
            thread.start();
        }
        finished.await();
        if (failed.get() > 0) {
            SearchBenchmark.say("    %d requests failed", failed.get());
        }
        return done.get() / SearchBenchmark.seconds(start);
    }

    interface Executor {
        Object run(BenchQuery query) throws Exception;
    }


    /** The kind's queries one after another: a warm-up of a tenth, then up to {@code queries} or 30 s. */
    KindStats singleThreaded(BenchQuery.Kind kind, Executor executor) throws Exception {
        List<BenchQuery> queries = BenchQuery.only(mix, kind);
        int warmUp = Math.max(50, run.queriesPerKind / 10);
        long warmUpDeadline = System.nanoTime() + SearchBenchmark.KIND_TIME_CAP.toNanos() / 3;
        for (int i = 0; i < warmUp && System.nanoTime() < warmUpDeadline; i++) {
            executor.run(queries.get(i % queries.size()));
        }
        long[] nanos = new long[run.queriesPerKind];
        int n = 0;
        long start = System.nanoTime();
        long deadline = start + SearchBenchmark.KIND_TIME_CAP.toNanos();
        while (n < nanos.length && System.nanoTime() < deadline) {
            BenchQuery query = queries.get((warmUp + n) % queries.size());
            long t = System.nanoTime();
            executor.run(query);
            nanos[n++] = System.nanoTime() - t;
        }
        printSlowest(queries, warmUp, nanos, n);
        return new KindStats(kind, Latencies.of(nanos, n), n / SearchBenchmark.seconds(start));
    }

    /** With --slowest=N (BENCH_SLOWEST): the N slowest queries of a single-threaded run, to see what makes the tail. */
    private void printSlowest(List<BenchQuery> queries, int first, long[] nanos, int n) {
        if (slowest <= 0) {
            return;
        }
        java.util.stream.IntStream.range(0, n).boxed()
                .sorted((a, b) -> Long.compare(nanos[b], nanos[a]))
                .limit(slowest)
                .forEach(i -> System.out.printf("      %7.2f ms  %s%n", nanos[i] / 1e6,
                        queries.get((first + i) % queries.size()).httpPath()));
    }
}
