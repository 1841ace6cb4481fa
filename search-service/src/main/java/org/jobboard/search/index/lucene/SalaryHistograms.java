package org.jobboard.search.index.lucene;

import org.jobboard.search.domain.Facets;

import java.util.List;
import java.util.Map;

/**
 * The salary facet: for one currency (the requested one, else the most common among the matches), how many postings
 * reach each of about ten round yearly amounts. Cumulative on purpose: a bucket's count is exactly what
 * {@code salaryMin=<min>&currency=<currency>} returns.
 */
final class SalaryHistograms {
    private static final int TARGET_BUCKETS = 10;

    private SalaryHistograms() {
    }

    static Facets.SalaryHistogram of(Map<String, long[]> byCurrency, String requestedCurrency) {
        String currency = requestedCurrency;
        if (currency == null) {
            currency = byCurrency.entrySet().stream()
                    .max(Map.Entry.<String, long[]>comparingByValue((a, b) -> Integer.compare(a.length, b.length))
                            .thenComparing(Map.Entry.comparingByKey((a, b) -> b.compareTo(a))))
                    .map(Map.Entry::getKey).orElse(null);
        }
        long[] values = currency == null ? null : byCurrency.get(currency);
        if (values == null || values.length == 0) {
            return currency == null ? null : new Facets.SalaryHistogram(currency, "YEAR", List.of());
        }
        // one pass for the largest value and one to count per bucket: no sort of every matching salary
        long max = 0;
        for (long value : values) {
            max = Math.max(max, value);
        }
        long step = niceStep(max / (double) TARGET_BUCKETS);
        int bucketCount = (int) (max / step) + 1;
        long[] inBucket = new long[bucketCount];
        for (long value : values) {
            if (value >= 0) {
                inBucket[(int) (value / step)]++;
            }
        }
        Facets.SalaryBucket[] buckets = new Facets.SalaryBucket[bucketCount];
        long atLeast = 0;
        for (int k = bucketCount - 1; k >= 0; k--) {
            atLeast += inBucket[k];
            buckets[k] = new Facets.SalaryBucket(k * step, atLeast);
        }
        return new Facets.SalaryHistogram(currency, "YEAR", List.of(buckets));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static long niceStep(double raw) {
        if (raw <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / power;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return (long) (nice * power);
    }
}
