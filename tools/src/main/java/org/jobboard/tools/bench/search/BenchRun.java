package org.jobboard.tools.bench.search;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Everything measured in one run (read by {@link BenchReport}). */
final class BenchRun {
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
