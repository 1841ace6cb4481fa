package org.jobboard.search.index.lucene;

import org.jobboard.search.domain.Facets;

import java.util.ArrayList;
import java.util.Arrays;
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
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        long max = sorted[sorted.length - 1];
        long step = niceStep(max / (double) TARGET_BUCKETS);
        List<Facets.SalaryBucket> buckets = new ArrayList<>();
        for (long min = 0; min <= max; min += step) {
            buckets.add(new Facets.SalaryBucket(min, sorted.length - lowerBound(sorted, min)));
        }
        return new Facets.SalaryHistogram(currency, "YEAR", buckets);
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

    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
