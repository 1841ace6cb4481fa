package org.jobboard.tools.bench.search;

import org.jobboard.platform.testing.KeepAliveHttp;
import org.jobboard.search.index.lucene.LuceneSearchIndex;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
    private final QueryLoops loops;

    private SearchBenchmark(Map<String, String> options) {
        this.options = options;
        this.parts = new LinkedHashSet<>(Arrays.asList(option("parts",
                options.containsKey("kafka") ? "http,inprocess,postgres,freshness" : "inprocess").split(",")));
        this.mix = BenchQuery.mix(20_000, MIX_SEED);
        this.work = Path.of(option("work", "target/search-bench"));
        this.loops = new QueryLoops(run, mix, Integer.parseInt(option("slowest", "0")));
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
        BenchIndexes.deleteRecursively(indexDirectory);
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
                new InProcessMeasurement(run, mix, loops).measure(indexDirectory, pg, parts.contains("inprocess"));
            }
            if (pg != null) {
                new PostgresMeasurement(run, mix, loops).measure(pg);
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
        say("report: %s", markdown);
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
        try (LuceneSearchIndex index = BenchIndexes.open(directory)) {
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
                loops.warmUp("the service (HTTP)", 4, request);
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

    /**
     * A service that has run for hours has compiled its hot code; one started a minute ago is still compiling, on the
     * same cores the measurement uses (up to half a core for minutes). Keeps warming until the JIT compiler threads
     * used under 5 % of a core for 10 s, at most three more warm-up periods (Linux; elsewhere the fixed warm-up).
     */
    private void warmUntilCompiled(ServiceProcess service, FixedRate.Request request) throws InterruptedException {
        double extra = 0;
        double compiling = service.compilerCpuSeconds();
        while (compiling >= 0 && extra < 3 * run.warmUpSeconds) {
            loops.closedLoop(4, 10, 0, request);
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
        BenchIndexes.deleteRecursively(indexDirectory);
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

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void say(String format, Object... args) {
        System.out.printf(Locale.ROOT, "==> " + format + "%n", args);
    }
}
