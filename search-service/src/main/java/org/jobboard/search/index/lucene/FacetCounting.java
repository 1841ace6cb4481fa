package org.jobboard.search.index.lucene;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, over every matching document, the values of some keyword fields (from their doc values) and collects the
 * yearly salary per currency for the histogram. Counting happens per segment on ordinals; values are resolved once
 * per segment, so the cost is one doc-values read per match and field.
 */
final class FacetCounting implements CollectorManager<FacetCounting.Counter, FacetCounting.Tally> {
    private final List<String> fields;
    private final boolean salaries;

    FacetCounting(List<String> fields, boolean salaries) {
        this.fields = List.copyOf(fields);
        this.salaries = salaries;
    }

    /** Matches, value counts per field, and yearly salaries per currency (unsorted). */
    record Tally(int total, Map<String, Map<String, Integer>> counts, Map<String, long[]> salaries) {
        Map<String, Integer> counts(String field) {
            return counts.getOrDefault(field, Map.of());
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Tally reduce(Collection<Counter> collectors) {
        int total = 0;
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, LongList> values = new HashMap<>();
        for (Counter c : collectors) {
            total += c.total;
            c.counts.forEach((field, byValue) -> byValue.forEach(
                    (value, n) -> counts.computeIfAbsent(field, f -> new HashMap<>()).merge(value, n, Integer::sum)));
            c.salaries.forEach((currency, list) -> values.computeIfAbsent(currency, k -> new LongList()).addAll(list));
        }
        Map<String, long[]> salaryValues = new HashMap<>();
        values.forEach((currency, list) -> salaryValues.put(currency, list.toArray()));
        return new Tally(total, counts, salaryValues);
    }

    final class Counter implements Collector {
        private int total;
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();
        private final Map<String, LongList> salaries = new HashMap<>();

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
            int[][] ordinalCounts = new int[fields.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
                ordinalCounts[i] = new int[Math.toIntExact(values[i].getValueCount())];
            }
            SortedSetDocValues currency = FacetCounting.this.salaries
                    ? DocValues.getSortedSet(context.reader(), PostingFields.SALARY_CURRENCY) : null;
            SortedNumericDocValues reach = FacetCounting.this.salaries
                    ? DocValues.getSortedNumeric(context.reader(), PostingFields.SALARY_REACH) : null;
            LongList[] byCurrency = currency == null ? null : new LongList[Math.toIntExact(currency.getValueCount())];
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {
                }

                @Override
                public void collect(int doc) throws IOException {
                    total++;
                    for (int i = 0; i < values.length; i++) {
                        SortedSetDocValues dv = values[i];
                        if (dv.advanceExact(doc)) {
                            for (int n = dv.docValueCount(); n > 0; n--) {
                                ordinalCounts[i][(int) dv.nextOrd()]++;
                            }
                        }
                    }
                    if (currency != null && currency.advanceExact(doc) && reach.advanceExact(doc)) {
                        int ord = (int) currency.nextOrd();
                        LongList list = byCurrency[ord];
                        if (list == null) {
                            list = byCurrency[ord] = new LongList();
                        }
                        list.add(reach.nextValue());
                    }
                }

                @Override
                public void finish() throws IOException {
                    for (int i = 0; i < values.length; i++) {
                        Map<String, Integer> byValue = counts.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                        int[] perOrdinal = ordinalCounts[i];
                        for (int ord = 0; ord < perOrdinal.length; ord++) {
                            if (perOrdinal[ord] > 0) {
                                byValue.merge(values[i].lookupOrd(ord).utf8ToString(), perOrdinal[ord], Integer::sum);
                            }
                        }
                    }
                    if (byCurrency != null) {
                        for (int ord = 0; ord < byCurrency.length; ord++) {
                            if (byCurrency[ord] != null) {
                                salaries.computeIfAbsent(currency.lookupOrd(ord).utf8ToString(), k -> new LongList())
                                        .addAll(byCurrency[ord]);
                            }
                        }
                    }
                }
            };
        }
    }

    /** A growable list of primitive longs (salaries of up to every matching posting). */
    static final class LongList {
        private long[] values = new long[16];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addAll(LongList other) {
            if (size + other.size > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + other.size));
            }
            System.arraycopy(other.values, 0, values, size, other.size);
            size += other.size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
