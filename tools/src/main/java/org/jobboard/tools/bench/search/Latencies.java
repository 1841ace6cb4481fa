package org.jobboard.tools.bench.search;

import java.util.Arrays;

/** Sorted latency samples (nanoseconds) with nearest-rank percentiles in milliseconds. */
record Latencies(long[] sortedNanos) {
    static Latencies of(long[] nanos, int count) {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    int count() {
        return sortedNanos.length;
    }

    /** Nearest-rank percentile (p in 0..100), NaN without samples. */
    double ms(double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100 * sortedNanos.length);
        return sortedNanos[Math.min(sortedNanos.length - 1, Math.max(0, rank - 1))] / 1e6;
    }

    double p50() {
        return ms(50);
    }

    double p99() {
        return ms(99);
    }

    double max() {
        return ms(100);
    }
}
