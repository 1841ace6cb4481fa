package org.jobboard.tools.bench.search;

import java.util.Locale;

/** One query kind run single-threaded: its latencies and the rate one caller reaches. */
record KindStats(BenchQuery.Kind kind, Latencies latencies, double qps) {
    String line() {
        return String.format(Locale.ROOT, "%-38s %9.3f %9.3f %9.3f %9.0f", kind.label, latencies.p50(),
                latencies.p99(), latencies.max(), qps);
    }
}
