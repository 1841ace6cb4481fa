package org.jobboard.tools.bench.search;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The printed table and the Markdown report (its chart: {@link BenchChart}). */
final class BenchReport {
    static final double TARGET_RATE = 200;
    static final double TARGET_P99_MS = 15;
    static final double TARGET_PG_FACTOR = 5;
    static final double TARGET_CEILING_SHARE = 0.5;
    static final double TARGET_FRESHNESS_P99_MS = 1000;
    static final long TARGET_HEAP_BYTES = 512L << 20;

    private final BenchRun run;
    private final String stamp;

    BenchReport(BenchRun run) {
        this.run = run;
        this.stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(run.started);
    }

    record Target(String what, String goal, String measured, Boolean pass) {
        String verdict() {
            return pass == null ? "n/a" : pass ? "pass" : "MISS";
        }
    }

    List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        FixedRate.Step at200 = run.service == null ? null : run.service.at(TARGET_RATE);
        if (run.service != null) {
            targets.add(new Target("service p99 at 200 QPS (the mix, open loop)", "<= 15 ms",
                    at200 == null ? "not offered: the service saturated below 200 QPS" : String.format(Locale.ROOT, "%.1f ms (achieved %.0f QPS)",
                            at200.all().p99(), at200.achievedQps()),
                    at200 != null && at200.all().p99() <= TARGET_P99_MS
                            && at200.achievedQps() >= FixedRate.MIN_ACHIEVED_SHARE * TARGET_RATE));
        }
        if (run.service != null && run.pg != null) {
            // at acceptable latency when PostgreSQL sustains any rate; otherwise by throughput alone
            boolean bySustained = run.pg.maxSustainedQps() > 0;
            double pg = bySustained ? run.pg.maxSustainedQps() : run.pg.maxKeptUpQps();
            double service = bySustained ? run.service.maxSustainedQps() : run.service.maxKeptUpQps();
            targets.add(new Target("service max QPS vs PostgreSQL max QPS", ">= 5x",
                    String.format(Locale.ROOT, "sustained (p99 <= 100 ms) %.0f vs %.0f; throughput %.0f vs %.0f; "
                            + "compared: %s = %s", run.service.maxSustainedQps(), run.pg.maxSustainedQps(),
                            run.service.maxKeptUpQps(), run.pg.maxKeptUpQps(), bySustained ? "sustained" : "throughput",
                            pg == 0 ? "PostgreSQL kept up with no rate" : String.format(Locale.ROOT, "%.1fx", service / pg)),
                    pg == 0 ? service > 0 : service >= TARGET_PG_FACTOR * pg));
        }
        if (run.service != null && run.inProcessCeilingQps > 0) {
            double share = run.service.maxSustainedQps() / run.inProcessCeilingQps;
            targets.add(new Target("service max QPS vs in-process ceiling", ">= 50 %",
                    String.format(Locale.ROOT, "%.0f vs %.0f = %.0f %%", run.service.maxSustainedQps(),
                            run.inProcessCeilingQps, 100 * share),
                    share >= TARGET_CEILING_SHARE));
        }
        if (run.freshness != null) {
            targets.add(new Target("freshness p99 (publish through the gateway -> first search hit)", "<= 1 s",
                    String.format(Locale.ROOT, "%.0f ms (%d of %d found)", run.freshness.latencies().p99(),
                            run.freshness.probes() - run.freshness.missed(), run.freshness.probes()),
                    run.freshness.missed() == 0 && run.freshness.latencies().p99() <= TARGET_FRESHNESS_P99_MS));
        } else if (run.freshnessSkipped != null) {
            targets.add(new Target("freshness p99", "<= 1 s", "skipped: " + run.freshnessSkipped, null));
        }
        if (run.service != null) {
            targets.add(new Target("100k postings in a 512 MB heap", "service runs with -Xmx512m",
                    String.format(Locale.ROOT, "%,d postings; heap after full GC %s", run.postings,
                            run.serviceHeapBytes < 0 ? "not measured" : mb(run.serviceHeapBytes)),
                    run.postings < 100_000 ? null : run.serviceHeapBytes > 0 && run.serviceHeapBytes < TARGET_HEAP_BYTES));
        }
        return targets;
    }

    /** The summary printed at the end of the run. */
    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "search benchmark, %,d postings, mix %s%n", run.postings, mixLabel()));
        out.append(String.format(Locale.ROOT, "  %-34s %12s %10s %10s  %s%n", "", "max QPS", "p50 ms", "p99 ms",
                "(max QPS: sustained / throughput)"));
        if (run.service != null) {
            FixedRate.Step at = run.service.at(TARGET_RATE);
            out.append(String.format(Locale.ROOT, "  %-34s %12s %10s %10s%n", "(a) service, HTTP (at 200 QPS)",
                    maxima(run.service), at == null ? "-" : fmt(at.all().p50()), at == null ? "-" : fmt(at.all().p99())));
        }
        if (run.inProcessCeilingQps > 0) {
            out.append(String.format(Locale.ROOT, "  %-34s %12.0f %10s %10s%n",
                    "(b) in-process, " + run.ceilingThreads + " threads", run.inProcessCeilingQps, "-", "-"));
        }
        if (run.pg != null) {
            FixedRate.Step at = run.pg.at(TARGET_RATE);
            out.append(String.format(Locale.ROOT, "  %-34s %12s %10s %10s%n", "(c) PostgreSQL FTS (at 200 QPS)",
                    maxima(run.pg), at == null ? "-" : fmt(at.all().p50()), at == null ? "-" : fmt(at.all().p99())));
        }
        if (run.freshness != null) {
            out.append(String.format(Locale.ROOT, "  %-34s %12s %10.0f %10.0f%n", "(d) freshness, publish -> hit", "-",
                    run.freshness.latencies().p50(), run.freshness.latencies().p99()));
        }
        out.append("targets:\n");
        for (Target t : targets()) {
            out.append(String.format(Locale.ROOT, "  %-5s %s %s: %s%n", t.verdict(), t.what(), t.goal(), t.measured()));
        }
        return out.toString();
    }

    private static String maxima(FixedRate.Ladder ladder) {
        return String.format(Locale.ROOT, "%s%.0f / %.0f", ladder.capped() ? ">=" : "", ladder.maxSustainedQps(),
                ladder.maxKeptUpQps());
    }

    /**
     * Writes search-latest.md and its chart search-latest.png, replacing the previous run's: the repository keeps the
     * latest report, earlier ones live in its history (and the README's history table).
     */
    Path write(Path directory) throws IOException {
        Files.createDirectories(directory);
        String chartName = "search-latest.png";
        boolean chart = new BenchChart(run, mixLabel()).draw(directory.resolve(chartName));
        String markdown = markdown(chart ? chartName : null);
        Path file = directory.resolve("search-latest.md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        return file;
    }

    static String mixLabel() {
        return "60 % text + 2 filters + facets, 20 % geo, 20 % suggestions";
    }

    // ---------------------------------------------------------------- Markdown

    String markdown(String chartName) {
        StringBuilder md = new StringBuilder();
        md.append("# Search benchmark ").append(stamp).append(" (UTC)\n\n");
        md.append("Written by `./dev bench search` (`tools/src/main/java/org/jobboard/tools/bench/search`). ")
                .append("One corpus and one query mix, measured four ways in one run.\n\n");
        md.append("## Machine and corpus\n\n| | |\n|---|---|\n");
        row(md, "machine", machine());
        row(md, "Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        row(md, "corpus", String.format(Locale.ROOT, "%,d postings from %,d source records (NYC Jobs, USAJOBS titles, "
                + "agencies, categories, salaries; generated descriptions, skills, locations; seed %d)", run.postings,
                run.sources, SearchBenchmark.CORPUS_SEED));
        row(md, "query mix", mixLabel() + String.format(Locale.ROOT, " (seed %d)", SearchBenchmark.MIX_SEED));
        if (run.service != null) {
            row(md, "corpus into the service", String.format(Locale.ROOT, "published as posting events to `%s` in %.1f s"
                    + (run.pgBytes > 0 ? " (and inserted into PostgreSQL in the same pass)" : ""), SearchBenchmark.TOPIC,
                    run.corpusSeconds));
        }
        if (run.rebuildHow != null) {
            row(md, "index rebuild", String.format(Locale.ROOT, "%.1f s = %,.0f postings/s (%s)", run.rebuildSeconds,
                    run.postings / run.rebuildSeconds, run.rebuildHow));
        }
        if (run.service != null) {
            row(md, "service JVM", "`" + String.join(" ", ServiceProcess.JVM_OPTIONS) + "`");
        }
        if (run.indexedPostings > 0) { // measured by the in-process part
            long docs = run.indexedPostings;
            row(md, "index on disk", String.format(Locale.ROOT, "%s in %d segments = **%,d bytes per posting**",
                    mb(run.indexBytes), run.indexSegments, run.indexBytes / docs));
            row(md, "heap held by the open index", String.format(Locale.ROOT, "%s = **%,d bytes per posting** "
                    + "(in-process, used heap after GC with and without the open index; Lucene's files are "
                    + "memory-mapped, off heap)", mb(run.inProcessHeapBytes), run.inProcessHeapBytes / docs));
        } else if (run.indexBytes > 0) {
            row(md, "index on disk", String.format(Locale.ROOT, "%s (the in-process part, which counts segments and "
                    + "postings, did not run)", mb(run.indexBytes)));
        }
        if (run.serviceHeapBytes > 0) {
            row(md, "search-service heap", String.format(Locale.ROOT, "%s used after a full GC with %,d postings "
                    + "(%,d bytes per posting, everything the service holds); resident set %s", mb(run.serviceHeapBytes),
                    run.postings, run.serviceHeapBytes / run.postings, mb(run.serviceRssBytes)));
        }
        if (run.pgBytes > 0) {
            row(md, "PostgreSQL on disk", String.format(Locale.ROOT, "%s table + TOAST + indexes = %,d bytes per posting "
                    + "(PostgreSQL %s; indexes and ANALYZE after the load: %.1f s)", mb(run.pgBytes),
                    run.pgBytes / run.postings, run.pgVersion, run.pgIndexSeconds));
        }

        md.append("\n## Targets\n\n| target | goal | measured | result |\n|---|---|---|---|\n");
        for (Target t : targets()) {
            md.append("| ").append(t.what()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
                    .append(" | ").append(t.pass() == null ? "n/a" : t.pass() ? "pass" : "**miss**").append(" |\n");
        }
        if (chartName != null) {
            md.append("\n![p99 latency against offered rate; max sustainable QPS](").append(chartName).append(")\n");
        }

        if (run.service != null) {
            md.append("\n## (a) search-service over HTTP at fixed rates\n\n");
            md.append(String.format(Locale.ROOT, "A second search-service process (the packaged jar) on its own port, "
                    + "index and topic, queried over HTTP/1.1 by an open-loop generator in another JVM on the same "
                    + "machine (up to %d requests in flight, each generator thread on its own kept-alive connection, "
                    + "writing the request and reading the response itself), %.0f s per rate after a %.0f s warm-up (until the service's "
                    + "JIT compiler threads used < 5 %% of a core for 10 s).%n%n",
                    run.service.workers(), run.secondsPerRate, run.serviceWarmUpSeconds));
            ladder(md, run.service);
            FixedRate.Step at = run.service.at(TARGET_RATE);
            if (at != null) {
                md.append("\nPer kind at 200 QPS:\n\n| query | p50 ms | p99 ms | max ms |\n|---|---|---|---|\n");
                at.byKind().forEach((kind, l) -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n",
                        kind.label, fmt(l.p50()), fmt(l.p99()), fmt(l.max()))));
            }
        }
        if (!run.inProcessKinds.isEmpty()) {
            md.append("\n## (b) the same index in-process (the ceiling)\n\n");
            md.append("The index directory the service built, opened by the benchmark after the service stopped; "
                    + "the same queries through the same `LuceneSearchIndex` the REST layer calls.\n\n");
            kinds(md, run.inProcessKinds, "single thread");
            md.append(String.format(Locale.ROOT, "%nThe mix: **%.0f QPS** with %d threads (one per core, back to back: "
                    + "the ceiling), %.0f QPS single-threaded.%n", run.inProcessCeilingQps, run.ceilingThreads,
                    run.inProcessSingleQps));
        }
        if (run.pg != null || !run.pgKinds.isEmpty()) {
            md.append("\n## (c) PostgreSQL full-text search on the same postings\n\n");
            md.append("Database `").append(PostgresBaseline.DATABASE).append("` on the stack's PostgreSQL: a weighted "
                    + "`tsvector` (title A, skills B, organization C, description D; `english`) with a GIN index, "
                    + "B-tree/GIN indexes on the filter columns and coordinates. Text: `websearch_to_tsquery`, the same "
                    + "two filters, `ts_rank` order, LIMIT 20 (+1); in the same statement the total and every facet "
                    + "by GROUP BY over a materialized match set, each facet leaving out its own filter (multi-select), "
                    + "top 20 for city/skills/organization, salary counts per 10k bucket. Geo: bounding box on the "
                    + "indexed coordinates, haversine distance, nearest first, same facets. Suggestions: a table of "
                    + "titles and skills with posting counts, keyed by every word suffix (prefix match at any word, "
                    + "like the index), precomputed after the load.\n\n");
            if (!run.totals.isEmpty()) {
                md.append("Same work check, summed totals of the first 50 searches of each kind: ");
                List<String> parts = new ArrayList<>();
                run.totals.forEach((kind, t) -> parts.add(String.format(Locale.ROOT, "%s: Lucene %,d, PostgreSQL %,d",
                        kind.label, t[0], t[1])));
                md.append(String.join("; ", parts)).append(" (Lucene lets 2 of 3 words match in a three-word query and "
                        + "expands synonyms, PostgreSQL requires every word).\n\n");
            }
            kinds(md, run.pgKinds, "one connection");
            if (run.pg != null) {
                md.append(String.format(Locale.ROOT, "%nAt fixed rates, the same generator with a pool of %d JDBC "
                        + "connections:%n%n", run.pg.workers()));
                ladder(md, run.pg);
            }
        }
        if (run.freshness != null || run.freshnessSkipped != null) {
            md.append("\n## (d) freshness through the running stack\n\n");
            if (run.freshness == null) {
                md.append("Skipped: ").append(run.freshnessSkipped).append(".\n");
            } else {
                Latencies l = run.freshness.latencies();
                md.append(String.format(Locale.ROOT, "%d postings created and published one after another by the "
                        + "demo recruiter through the gateway (`POST /v1/postings/batch`, publish), each then searched "
                        + "for its unique word through the gateway every 5 ms; time from sending the publish request "
                        + "to the first response listing the posting (outbox, relay, Kafka, indexer, near-real-time "
                        + "refresh). The probes are closed afterwards.%n%n| | p50 | p99 | max | not found within 15 s |%n"
                        + "|---|---|---|---|---|%n| publish -> first hit | %.0f ms | %.0f ms | %.0f ms | %d |%n"
                        + "| of which the publish request | %.0f ms | %.0f ms | %.0f ms | |%n", run.freshness.probes(),
                        l.p50(), l.p99(), l.max(), run.freshness.missed(), run.freshness.publish().p50(),
                        run.freshness.publish().p99(), run.freshness.publish().max()));
            }
        }
        md.append("\n## Method notes\n\n");
        md.append("- Open loop: request *i* is due at *start + i / rate* and its latency counts from that due time, so "
                + "queueing in a server that falls behind shows in the percentiles (no coordinated omission).\n");
        md.append("- **Max sustainable QPS**: the highest offered rate whose achieved rate (successful responses per "
                + "second from the first due time to the last response) is >= 95 % of the offered one, with p99 <= "
                + "100 ms and <= 0.1 % errors. **Max throughput**: the same without the latency bound. Rates climb while "
                + "the target keeps up, then one bisection towards the first rate it did not keep up with and one "
                + "above the highest sustained rate (or halving below the lowest when none was sustained); a rate "
                + "whose backlog exceeds one second of requests is cut short as saturated.\n");
        md.append("- The in-process ceiling is closed-loop (one thread per core, back to back), the same queries and "
                + "index without HTTP, JSON or the load generator's share of the CPU.\n");
        md.append("- Everything shares one machine: the generator, the service, PostgreSQL, Kafka and the rest of the "
                + "local stack. PostgreSQL returns no highlights and has no synonyms, typo tolerance or did-you-mean; "
                + "the service does all of these, so the comparison favours PostgreSQL.\n");
        md.append(String.format(Locale.ROOT, "- Knobs: BENCH_POSTINGS=%d, BENCH_QUERIES=%d (per kind, single-threaded; "
                + "at most 30 s each), BENCH_SECONDS=%.0f (per rate), BENCH_RATES=%s, BENCH_WARMUP=%.0f (seconds of "
                + "closed-loop mix before each target is measured), BENCH_PARTS=%s.%n", run.postings,
                run.queriesPerKind, run.secondsPerRate, rates(), run.warmUpSeconds, String.join(",", run.parts)));
        return md.toString();
    }

    private String rates() {
        List<String> values = new ArrayList<>();
        run.rates.forEach(r -> values.add(String.format(Locale.ROOT, "%.0f", r)));
        return String.join(",", values);
    }

    private static void ladder(StringBuilder md, FixedRate.Ladder ladder) {
        md.append("| offered QPS | achieved QPS | p50 ms | p99 ms | max ms | errors | verdict |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (FixedRate.Step s : ladder.steps()) {
            md.append(String.format(Locale.ROOT, "| %.0f | %.1f | %s | %s | %s | %d | %s |%n", s.offeredQps(),
                    s.achievedQps(), fmt(s.all().p50()), fmt(s.all().p99()), fmt(s.all().max()),
                    s.errors() + s.abandoned(), s.verdict()));
        }
        md.append(String.format(Locale.ROOT, "%n**Max sustainable: %s%.0f QPS**; max throughput (kept up, latency "
                + "aside): %s%.0f QPS%s.%n", ladder.capped() ? ">= " : "", ladder.maxSustainedQps(),
                ladder.capped() ? ">= " : "", ladder.maxKeptUpQps(),
                ladder.capped() ? " (the highest rate offered; raise BENCH_RATES)" : ""));
    }

    private static void kinds(StringBuilder md, Map<BenchQuery.Kind, KindStats> kinds, String how) {
        md.append("| query (").append(how).append(") | p50 ms | p99 ms | max ms | QPS |\n|---|---|---|---|---|\n");
        kinds.values().forEach(k -> md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.0f |%n",
                k.kind().label, fmt(k.latencies().p50()), fmt(k.latencies().p99()), fmt(k.latencies().max()), k.qps())));
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%d cores (%s), %s memory, %s %s", Runtime.getRuntime().availableProcessors(),
                cpu, memory < 0 ? "?" : String.format(Locale.ROOT, "%.0f GiB", memory / (double) (1L << 30)),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    static String mb(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    static String fmt(double ms) {
        if (Double.isNaN(ms)) {
            return "-";
        }
        return ms < 10 ? String.format(Locale.ROOT, "%.2f", ms) : String.format(Locale.ROOT, "%.0f", ms);
    }
}
