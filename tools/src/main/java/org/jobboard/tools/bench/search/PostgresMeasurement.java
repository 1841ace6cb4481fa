package org.jobboard.tools.bench.search;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/** (c) PostgreSQL full-text search on the same postings: one connection per kind, then the fixed-rate ladder. */
final class PostgresMeasurement {
    private final BenchRun run;
    private final List<BenchQuery> mix;
    private final QueryLoops loops;

    PostgresMeasurement(BenchRun run, List<BenchQuery> mix, QueryLoops loops) {
        this.run = run;
        this.mix = mix;
        this.loops = loops;
    }

    void measure(PostgresBaseline pg) throws Exception {
        SearchBenchmark.say("(c) PostgreSQL full-text search, the same mix");
        try (PostgresBaseline.Session session = new PostgresBaseline.Session(pg.connect())) {
            System.out.printf("    %-38s %9s %9s %9s %9s%n", "query (one connection)", "p50 ms", "p99 ms", "max ms", "QPS");
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                KindStats stats = loops.singleThreaded(kind, session::run);
                run.pgKinds.put(kind, stats);
                System.out.println("    " + stats.line());
            }
        }
        int poolSize = 2 * Runtime.getRuntime().availableProcessors();
        BlockingQueue<PostgresBaseline.Session> pool = new ArrayBlockingQueue<>(poolSize);
        try {
            for (int i = 0; i < poolSize; i++) {
                pool.add(new PostgresBaseline.Session(pg.connect()));
            }
            FixedRate.Request request = i -> {
                PostgresBaseline.Session session = pool.take();
                try {
                    session.run(mix.get(i % mix.size()));
                } finally {
                    pool.put(session);
                }
            };
            loops.warmUp("PostgreSQL", poolSize, request);
            SearchBenchmark.say("PostgreSQL at fixed rates, open loop, %.0f s per rate, pool of %d connections", run.secondsPerRate,
                    poolSize);
            System.out.println("    " + FixedRate.HEADER);
            run.pg = FixedRate.ladder("PostgreSQL (JDBC pool)", run.rates, run.secondsPerRate, poolSize, mix, request,
                    step -> System.out.println("    " + step.line()));
            SearchBenchmark.say("max sustainable: %.0f QPS; max throughput %.0f QPS", run.pg.maxSustainedQps(), run.pg.maxKeptUpQps());
        } finally {
            for (PostgresBaseline.Session session : pool) {
                session.close();
            }
        }
    }
}
