package org.jobboard.search.bench;

import org.jobboard.platform.testing.KeepAliveHttp;
import org.jobboard.search.domain.SearchResult;
import org.jobboard.search.index.lucene.LuceneSearchIndex;
import org.jobboard.search.testing.LocalIndexes;
import org.jobboard.search.testing.SearchIndexTestResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./dev bench search}: one corpus, one query mix, four measurements in one run.
 *
 * <ol>
 * <li>The corpus (real titles, agencies, categories and salaries from the datasets, generated descriptions, seed 42)
 * is published as posting events to a benchmark topic and loaded into a PostgreSQL database in the same pass.</li>
 * <li>(a) A second search-service process (packaged jar, -Xmx512m) rebuilds its index from that topic; once ready it
 * gets the mix over HTTP at fixed, increasing rates (open loop, see {@link FixedRate}).</li>
 * <li>(b) After it stopped, the same index directory is opened in-process: per-kind latency single-threaded, and the
 * mix's throughput with one thread per core (the ceiling the service can approach).</li>
 * <li>(c) PostgreSQL full-text search on the same postings with the same mix: single connection per kind, then the
 * same fixed-rate ladder with a connection pool.</li>
 * <li>(d) Freshness through the running stack's gateway (publish until the first search hit).</li>
 * </ol>
 * It prints a table and writes a Markdown report with a PNG chart to the results directory.
 *
 * <p>Options ({@code --name=value}): datasets, postings, queries (per kind, single-threaded), seconds (per rate),
 * rates, freshness (probes), slowest (print the N slowest single-threaded queries of each kind), parts
 * (http,inprocess,postgres,freshness), kafka, jdbc, db-user, db-password,
 * service-jar, keycloak, gateway, work, logs, results, keep.
 */
public final class SearchBenchmark {
    static final String TOPIC = "jobboard.bench.search.postings";
    static final String DEAD_LETTER_TOPIC = TOPIC + ".dlq";
    static final long CORPUS_SEED = 42;
    static final long MIX_SEED = 7;
    /** Single-threaded runs stop after this long per kind even when fewer queries were run. */
    static final Duration KIND_TIME_CAP = Duration.ofSeconds(30);

    private final Map<String, String> options;
    private final BenchRun run = new BenchRun();
    private final List<BenchQuery> mix;
    private final Set<String> parts;
    private final Path work;

    private SearchBenchmark(Map<String, String> options) {
        this.options = options;
        this.parts = new LinkedHashSet<>(Arrays.asList(option("parts",
                options.containsKey("kafka") ? "http,inprocess,postgres,freshness" : "inprocess").split(",")));
        this.mix = BenchQuery.mix(20_000, MIX_SEED);
        this.work = Path.of(option("work", "target/search-bench"));
    }

    public static void main(String[] args) throws Exception {
        // the Kafka and JDBC clients log through JBoss LogManager (on the class path): warnings only
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        new SearchBenchmark(options).execute();
    }

    private String option(String name, String fallback) {
        String value = options.get(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    private String required(String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + "=... is required for the parts " + parts);
        }
        return value;
    }

    private void execute() throws Exception {
        run.started = Instant.now();
        run.postings = Integer.parseInt(option("postings", "100000"));
        run.queriesPerKind = Integer.parseInt(option("queries", "2000"));
        run.secondsPerRate = Double.parseDouble(option("seconds", "10"));
        run.warmUpSeconds = Double.parseDouble(option("warmup", "30"));
        run.rates = Arrays.stream(option("rates", "25,50,100,200,400,800,1600").split(","))
                .map(String::trim).map(Double::parseDouble).toList();
        run.parts = List.copyOf(parts);
        Path datasets = Path.of(option("datasets", "data/datasets"));
        boolean keep = "1".equals(option("keep", "0"));
        Path indexDirectory = work.resolve("search-index");
        SearchIndexTestResource.deleteRecursively(indexDirectory);
        Files.createDirectories(indexDirectory);
        PostgresBaseline pg = null;
        try {
            BenchmarkCorpus corpus = new BenchmarkCorpus(datasets);
            run.sources = corpus.sources();
            say("corpus: %,d source records from the datasets; %,d postings (seed %d); parts %s", corpus.sources(),
                    run.postings, CORPUS_SEED, parts);
            if (parts.contains("http")) {
                pg = publishCorpus(corpus);
                measureService(indexDirectory);
            } else {
                pg = parts.contains("postgres") ? loadPostgresOnly(corpus) : null;
                buildInProcess(corpus, indexDirectory);
            }
            if (parts.contains("inprocess") || pg != null) {
                measureInProcess(indexDirectory, pg);
            }
            if (pg != null) {
                measurePostgres(pg);
            }
            if (parts.contains("freshness")) {
                measureFreshness();
            }
        } finally {
            if (pg != null) {
                pg.close();
            }
            if (!keep) {
                cleanUp(indexDirectory);
            }
        }
        BenchReport report = new BenchReport(run);
        System.out.println();
        System.out.print(report.table());
        Path results = Path.of(option("results", "target/search-bench-results"));
        Path markdown = report.write(results);
        say("report: %s (and %s)", markdown, results.resolve("search-latest.md"));
    }

    // ---------------------------------------------------------------- corpus

    /** One pass over the generated corpus: events to the benchmark topic and rows into PostgreSQL. */
    private PostgresBaseline publishCorpus(BenchmarkCorpus corpus) throws Exception {
        String kafka = required("kafka");
        PostgresBaseline pg = parts.contains("postgres") ? postgres() : null;
        long start = System.nanoTime();
        try (CorpusEvents events = CorpusEvents.recreate(kafka, TOPIC, DEAD_LETTER_TOPIC)) {
            corpus.generate(run.postings, CORPUS_SEED, posting -> {
                events.publish(posting);
                if (pg != null) {
                    try {
                        pg.add(posting);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            events.flush();
        }
        run.corpusSeconds = seconds(start);
        say("published %,d posting events to %s%s in %.1f s", run.postings, TOPIC,
                pg == null ? "" : " and inserted them into PostgreSQL", run.corpusSeconds);
        if (pg != null) {
            finishPostgresLoad(pg);
        }
        return pg;
    }

    private PostgresBaseline postgres() throws SQLException {
        return PostgresBaseline.create(required("jdbc"), option("db-user", "postgres"), options.getOrDefault("db-password", ""));
    }

    private PostgresBaseline loadPostgresOnly(BenchmarkCorpus corpus) throws SQLException {
        PostgresBaseline pg = postgres();
        long start = System.nanoTime();
        corpus.generate(run.postings, CORPUS_SEED, posting -> {
            try {
                pg.add(posting);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        run.corpusSeconds = seconds(start);
        finishPostgresLoad(pg);
        return pg;
    }

    private void finishPostgresLoad(PostgresBaseline pg) throws SQLException {
        long start = System.nanoTime();
        pg.finishLoad();
        run.pgIndexSeconds = seconds(start);
        run.pgBytes = pg.sizeBytes();
        run.pgVersion = pg.version();
        say("PostgreSQL %s: indexes, suggestion table and VACUUM ANALYZE in %.1f s; %,d bytes = %,d bytes/posting",
                run.pgVersion, run.pgIndexSeconds, run.pgBytes, run.pgBytes / run.postings);
    }

    /** Without the http part: the index is built in-process from the same corpus (quick runs without a stack). */
    private void buildInProcess(BenchmarkCorpus corpus, Path directory) throws IOException {
        long start = System.nanoTime();
        try (LuceneSearchIndex index = LocalIndexes.open(directory)) {
            corpus.generate(run.postings, CORPUS_SEED, posting -> {
                try {
                    index.upsert(posting);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            index.awaitMerges(); // as the running service would have merged by now
            index.refresh();
            index.commit(Map.of(0, (long) run.postings));
        }
        run.rebuildSeconds = seconds(start);
        run.rebuildHow = "built in-process (no service)";
        say("index built in-process in %.1f s", run.rebuildSeconds);
    }

    // ---------------------------------------------------------------- (a) the service over HTTP

    private void measureService(Path indexDirectory) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", required("kafka"));
        env.put("JOBBOARD_SEARCH_INDEX_PATH", indexDirectory.toAbsolutePath().toString());
        env.put("JOBBOARD_SEARCH_INDEXER_TOPIC", TOPIC);
        env.put("JOBBOARD_SEARCH_INDEXER_DEAD_LETTER_TOPIC", DEAD_LETTER_TOPIC);
        env.put("JOBBOARD_SEARCH_INDEXER_GROUP_ID", "search-service-bench");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", option("keycloak", "http://127.0.0.1:8180") + "/realms/jobboard");
        Path log = Path.of(option("logs", work.toString())).resolve("search-bench-service.log");
        Files.createDirectories(log.getParent());
        Files.deleteIfExists(log);
        say("starting a second search-service (%s, index %s, topic %s; log %s)",
                String.join(" ", ServiceProcess.JVM_OPTIONS), indexDirectory, TOPIC, log);
        try (ServiceProcess service = ServiceProcess.start(Path.of(required("service-jar")), env, log)) {
            run.rebuildSeconds = service.awaitReady(Duration.ofMinutes(15));
            run.rebuildHow = "second search-service process, from its start to /q/health/ready UP";
            say("index rebuilt from the topic: ready %.1f s after the process started (%,.0f postings/s)",
                    run.rebuildSeconds, run.postings / run.rebuildSeconds);
            try (KeepAliveHttp http = new KeepAliveHttp(service.baseUrl())) {
                FixedRate.Request request = i -> {
                    int status = http.get(mix.get(i % mix.size()).httpPath());
                    if (status != 200) {
                        throw new IllegalStateException("HTTP " + status);
                    }
                };
                warmUp("the service (HTTP)", 4, request);
                warmUntilCompiled(service, request);
                say("(a) search-service over HTTP, open loop, %.0f s per rate, up to %d requests in flight",
                        run.secondsPerRate, 64);
                System.out.println("    " + FixedRate.HEADER);
                run.service = FixedRate.ladder("search-service (HTTP)", run.rates, run.secondsPerRate, 64, mix, request,
                        step -> System.out.println("    " + step.line()));
                say("max sustainable: %.0f QPS; max throughput %.0f QPS", run.service.maxSustainedQps(),
                        run.service.maxKeptUpQps());
            }
            run.serviceHeapBytes = service.heapAfterFullGc();
            run.serviceRssBytes = service.residentBytes();
            say("service heap after a full GC: %,d bytes; resident set %,d bytes", run.serviceHeapBytes,
                    run.serviceRssBytes);
        }
        run.indexBytes = directorySize(indexDirectory);
    }

    private static long directorySize(Path directory) throws IOException {
        try (var files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    /** Runs the mix closed-loop from a few threads so the JIT has compiled the hot paths before measuring. */
    /**
     * A service that has run for hours has compiled its hot code; one started a minute ago is still compiling, on the
     * same cores the measurement uses (up to half a core for minutes). Keeps warming until the JIT compiler threads
     * used under 5 % of a core for 10 s, at most three more warm-up periods (Linux; elsewhere the fixed warm-up).
     */
    private void warmUntilCompiled(ServiceProcess service, FixedRate.Request request) throws InterruptedException {
        double extra = 0;
        double compiling = service.compilerCpuSeconds();
        while (compiling >= 0 && extra < 3 * run.warmUpSeconds) {
            closedLoop(4, 10, 0, request);
            extra += 10;
            double now = service.compilerCpuSeconds();
            double share = (now - compiling) / 10;
            compiling = now;
            if (share < 0.05) {
                break;
            }
            say("  the JIT compiler still used %.0f %% of a core in the last 10 s: warming on", share * 100);
        }
        run.serviceWarmUpSeconds = run.warmUpSeconds + extra;
    }

    private void warmUp(String what, int threads, FixedRate.Request request) throws InterruptedException {
        say("warming up %s for %.0f s (%d callers back to back)", what, run.warmUpSeconds, threads);
        closedLoop(threads, run.warmUpSeconds, 0, request);
    }

    /** Requests per second {@code threads} callers reach back to back (no pacing). */
    private double closedLoop(int threads, double seconds, int first, FixedRate.Request request)
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
            say("    %d requests failed", failed.get());
        }
        return done.get() / seconds(start);
    }

    // ---------------------------------------------------------------- (b) the same index in-process

    /**
     * Heap held by the open index: used heap after full collections with the index open, minus the smaller of the
     * values before opening and after closing it (whatever else the benchmark JVM held meanwhile cancels out).
     */
    private void measureInProcess(Path directory, PostgresBaseline pg) throws Exception {
        long heapBefore = usedHeapAfterGc();
        long heapWithIndex;
        try (LuceneSearchIndex index = LocalIndexes.open(directory)) {
            heapWithIndex = usedHeapAfterGc();
            run.indexBytes = index.stats().sizeBytes();
            run.indexSegments = index.stats().segments();
            run.indexedPostings = index.stats().documents();
            if (pg != null) {
                compareTotals(index, pg);
            }
            if (parts.contains("inprocess")) {
                queryInProcess(index);
            }
        }
        run.inProcessHeapBytes = heapWithIndex - Math.min(heapBefore, usedHeapAfterGc());
        say("(b) the same index: %,d postings, %d segments, %,d bytes on disk (%,d bytes/posting); heap held by the "
                + "open index %,d bytes (%,d bytes/posting)", run.indexedPostings, run.indexSegments, run.indexBytes,
                run.indexBytes / Math.max(1, run.indexedPostings), run.inProcessHeapBytes,
                run.inProcessHeapBytes / Math.max(1, run.indexedPostings));
    }

    private void queryInProcess(LuceneSearchIndex index) throws Exception {
        say("(b) the same index in-process");
        FixedRate.Request request = i -> lucene(index, mix.get(i % mix.size()));
        warmUp("the index in-process", Runtime.getRuntime().availableProcessors(), request);
        System.out.printf("    %-38s %9s %9s %9s %9s%n", "query (single thread)", "p50 ms", "p99 ms", "max ms", "QPS");
        for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
            KindStats stats = singleThreaded(kind, q -> lucene(index, q));
            run.inProcessKinds.put(kind, stats);
            System.out.println("    " + stats.line());
        }
        run.ceilingThreads = Runtime.getRuntime().availableProcessors();
        run.inProcessSingleQps = closedLoop(1, run.secondsPerRate, 0, request);
        run.inProcessCeilingQps = closedLoop(run.ceilingThreads, run.secondsPerRate, 0, request);
        say("mix in-process: %.0f QPS single-threaded, %.0f QPS with %d threads (the ceiling)",
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
                            LocalIndexes.JSON.readTree(session.run(query)).path("total").asLong());
                }
                run.totals.put(kind, new long[] { lucene, postgres });
            }
        }
    }

    private interface Executor {
        Object run(BenchQuery query) throws Exception;
    }

    record KindStats(BenchQuery.Kind kind, Latencies latencies, double qps) {
        String line() {
            return String.format(Locale.ROOT, "%-38s %9.3f %9.3f %9.3f %9.0f", kind.label, latencies.p50(),
                    latencies.p99(), latencies.max(), qps);
        }
    }

    /** The kind's queries one after another: a warm-up of a tenth, then up to {@code queries} or 30 s. */
    private KindStats singleThreaded(BenchQuery.Kind kind, Executor executor) throws Exception {
        List<BenchQuery> queries = BenchQuery.only(mix, kind);
        int warmUp = Math.max(50, run.queriesPerKind / 10);
        long warmUpDeadline = System.nanoTime() + KIND_TIME_CAP.toNanos() / 3;
        for (int i = 0; i < warmUp && System.nanoTime() < warmUpDeadline; i++) {
            executor.run(queries.get(i % queries.size()));
        }
        long[] nanos = new long[run.queriesPerKind];
        int n = 0;
        long start = System.nanoTime();
        long deadline = start + KIND_TIME_CAP.toNanos();
        while (n < nanos.length && System.nanoTime() < deadline) {
            BenchQuery query = queries.get((warmUp + n) % queries.size());
            long t = System.nanoTime();
            executor.run(query);
            nanos[n++] = System.nanoTime() - t;
        }
        printSlowest(queries, warmUp, nanos, n);
        return new KindStats(kind, Latencies.of(nanos, n), n / seconds(start));
    }

    /** With --slowest=N (BENCH_SLOWEST): the N slowest queries of a single-threaded run, to see what makes the tail. */
    private void printSlowest(List<BenchQuery> queries, int first, long[] nanos, int n) {
        int slowest = Integer.parseInt(option("slowest", "0"));
        if (slowest <= 0) {
            return;
        }
        java.util.stream.IntStream.range(0, n).boxed()
                .sorted((a, b) -> Long.compare(nanos[b], nanos[a]))
                .limit(slowest)
                .forEach(i -> System.out.printf("      %7.2f ms  %s%n", nanos[i] / 1e6,
                        queries.get((first + i) % queries.size()).httpPath()));
    }

    // ---------------------------------------------------------------- (c) PostgreSQL

    private void measurePostgres(PostgresBaseline pg) throws Exception {
        say("(c) PostgreSQL full-text search, the same mix");
        try (PostgresBaseline.Session session = new PostgresBaseline.Session(pg.connect())) {
            System.out.printf("    %-38s %9s %9s %9s %9s%n", "query (one connection)", "p50 ms", "p99 ms", "max ms", "QPS");
            for (BenchQuery.Kind kind : BenchQuery.Kind.values()) {
                KindStats stats = singleThreaded(kind, session::run);
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
            warmUp("PostgreSQL", poolSize, request);
            say("PostgreSQL at fixed rates, open loop, %.0f s per rate, pool of %d connections", run.secondsPerRate,
                    poolSize);
            System.out.println("    " + FixedRate.HEADER);
            run.pg = FixedRate.ladder("PostgreSQL (JDBC pool)", run.rates, run.secondsPerRate, poolSize, mix, request,
                    step -> System.out.println("    " + step.line()));
            say("max sustainable: %.0f QPS; max throughput %.0f QPS", run.pg.maxSustainedQps(), run.pg.maxKeptUpQps());
        } finally {
            for (PostgresBaseline.Session session : pool) {
                session.close();
            }
        }
    }

    // ---------------------------------------------------------------- (d) freshness

    private void measureFreshness() throws Exception {
        Freshness freshness = new Freshness(option("gateway", "http://127.0.0.1:8080"),
                option("keycloak", "http://127.0.0.1:8180"));
        if (!freshness.stackReachable()) {
            run.freshnessSkipped = "the gateway at " + option("gateway", "http://127.0.0.1:8080")
                    + " did not answer: start the stack with ./dev up";
            say("(d) freshness skipped: %s", run.freshnessSkipped);
            return;
        }
        int probes = Integer.parseInt(option("freshness", "50"));
        say("(d) freshness: %d postings published through the gateway as rita, each searched until found", probes);
        run.freshness = freshness.measure(probes);
        say("p50 %.0f ms, p99 %.0f ms, max %.0f ms (%d not found within 15 s); the publish request alone: p50 %.0f ms, "
                + "p99 %.0f ms", run.freshness.latencies().p50(), run.freshness.latencies().p99(),
                run.freshness.latencies().max(), run.freshness.missed(), run.freshness.publish().p50(),
                run.freshness.publish().p99());
    }

    // ---------------------------------------------------------------- helpers

    private void cleanUp(Path indexDirectory) {
        SearchIndexTestResource.deleteRecursively(indexDirectory);
        try {
            if (options.containsKey("kafka") && parts.contains("http")) {
                CorpusEvents.deleteTopics(options.get("kafka"), List.of(TOPIC, DEAD_LETTER_TOPIC));
            }
            if (parts.contains("postgres") && options.containsKey("jdbc")) {
                PostgresBaseline.drop(options.get("jdbc"), option("db-user", "postgres"),
                        options.getOrDefault("db-password", ""));
            }
        } catch (Exception e) {
            say("clean-up incomplete: %s", e.getMessage());
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "==> " + format + "%n", args);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Everything measured in one run (read by {@link BenchReport}). */
    static final class BenchRun {
        Instant started;
        List<String> parts;
        int sources;
        int postings;
        int queriesPerKind;
        double secondsPerRate;
        List<Double> rates;
        double corpusSeconds;
        double rebuildSeconds;
        double warmUpSeconds;
        /** The service's warm-up: the fixed one plus the time until its JIT compiler went quiet. */
        double serviceWarmUpSeconds;
        String rebuildHow;
        long indexBytes;
        long indexedPostings;
        int indexSegments;
        long inProcessHeapBytes;
        long serviceHeapBytes = -1;
        long serviceRssBytes = -1;
        FixedRate.Ladder service;
        final Map<BenchQuery.Kind, KindStats> inProcessKinds = new EnumMap<>(BenchQuery.Kind.class);
        int ceilingThreads;
        double inProcessSingleQps;
        double inProcessCeilingQps;
        String pgVersion;
        double pgIndexSeconds;
        long pgBytes;
        final Map<BenchQuery.Kind, KindStats> pgKinds = new EnumMap<>(BenchQuery.Kind.class);
        final Map<BenchQuery.Kind, long[]> totals = new EnumMap<>(BenchQuery.Kind.class);
        FixedRate.Ladder pg;
        Freshness.Result freshness;
        String freshnessSkipped;
    }
}
