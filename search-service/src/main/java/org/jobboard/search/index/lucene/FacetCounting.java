package org.jobboard.search.index.lucene;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass that finds the top hits and counts every facet, multi-select included (Lucene's "drill sideways"): the
 * query it runs holds the text and the filters that are no facet; each facet's own filter is checked per matching
 * document instead. A document that passes every facet filter is a hit: it goes to the top-hits collector and is
 * counted in every facet and the salary histogram. One that fails exactly one facet's filter is counted in that facet
 * only (a facet's counts apply every filter but its own); one that fails two or more is skipped. Counting happens per
 * segment on ordinals; values are resolved once per segment, so the cost is one doc-values read per match and field.
 * The text query runs once, not once more per filtered facet.
 */
final class FacetCounting implements CollectorManager<FacetCounting.Counter, FacetCounting.Tally> {
    /** {@link Sideways#facet()} of the salary filter, whose "facet" is the salary histogram. */
    static final int SALARY = -1;

    private final List<String> fields;
    private final List<Sideways> sideways;
    private final TopFieldCollectorManager top;

    /**
     * @param fields   the doc-values fields counted, one per facet
     * @param sideways the facet filters, each with the index in {@code fields} of the facet it belongs to (or
     *                 {@link #SALARY})
     * @param top      the top-hits collector, handed the documents that pass every filter
     */
    FacetCounting(List<String> fields, List<Sideways> sideways, TopFieldCollectorManager top) {
        this.fields = List.copyOf(fields);
        this.sideways = List.copyOf(sideways);
        this.top = top;
    }

    /** A facet's filter (a weight built without scores, so the searcher's query cache can hold it). */
    record Sideways(Weight filter, int facet) {
    }

    /** The top hits, the number of hits, value counts per field, and yearly salaries per currency (unsorted). */
    record Tally(TopFieldDocs top, int total, Map<String, Map<String, Integer>> counts, Map<String, long[]> salaries) {
        Map<String, Integer> counts(String field) {
            return counts.getOrDefault(field, Map.of());
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter(top.newCollector());
    }

    @Override
    public Tally reduce(Collection<Counter> collectors) throws IOException {
        int total = 0;
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        Map<String, LongList> values = new HashMap<>();
        List<TopFieldCollector> tops = new ArrayList<>();
        for (Counter c : collectors) {
            total += c.total;
            tops.add(c.top);
            c.counts.forEach((field, byValue) -> byValue.forEach(
                    (value, n) -> counts.computeIfAbsent(field, f -> new HashMap<>()).merge(value, n, Integer::sum)));
            c.salaries.forEach((currency, list) -> values.computeIfAbsent(currency, k -> new LongList()).addAll(list));
        }
        Map<String, long[]> salaryValues = new HashMap<>();
        values.forEach((currency, list) -> salaryValues.put(currency, list.toArray()));
        return new Tally(top.reduce(tops), total, counts, salaryValues);
    }

    final class Counter implements Collector {
        private final TopFieldCollector top;
        private int total;
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();
        private final Map<String, LongList> salaries = new HashMap<>();

        Counter(TopFieldCollector top) {
            this.top = top;
        }

        @Override
        public ScoreMode scoreMode() {
            // every match is visited (to count it), so no scorer may skip documents it deems uncompetitive
            return top.scoreMode().needsScores() ? ScoreMode.COMPLETE : ScoreMode.COMPLETE_NO_SCORES;
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            LeafCollector hits = top.getLeafCollector(context);
            SortedSetDocValues[] values = new SortedSetDocValues[fields.size()];
            int[][] ordinalCounts = new int[fields.size()][];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSortedSet(context.reader(), fields.get(i));
                ordinalCounts[i] = new int[Math.toIntExact(values[i].getValueCount())];
            }
            SortedSetDocValues currency = DocValues.getSortedSet(context.reader(), PostingFields.SALARY_CURRENCY);
            SortedNumericDocValues reach = DocValues.getSortedNumeric(context.reader(), PostingFields.SALARY_REACH);
            LongList[] byCurrency = new LongList[Math.toIntExact(currency.getValueCount())];
            FilterCheck[] filters = new FilterCheck[sideways.size()];
            for (int k = 0; k < filters.length; k++) {
                filters[k] = new FilterCheck(sideways.get(k).filter().scorer(context));
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) throws IOException {
                    // the wrapper ignores a minimum competitive score: skipping would lose documents to count
                    hits.setScorer(new FilterScorable(scorer));
                }

                @Override
                public void collect(int doc) throws IOException {
                    int failed = -1;
                    for (int k = 0; k < filters.length; k++) {
                        if (!filters[k].matches(doc)) {
                            if (failed >= 0) {
                                return; // fails two facet filters: counted nowhere
                            }
                            failed = k;
                        }
                    }
                    if (failed < 0) {
                        total++;
                        hits.collect(doc);
                        for (int i = 0; i < values.length; i++) {
                            count(i, doc);
                        }
                        salary(doc);
                    } else {
                        int facet = sideways.get(failed).facet();
                        if (facet == SALARY) {
                            salary(doc);
                        } else {
                            count(facet, doc);
                        }
                    }
                }

                private void count(int field, int doc) throws IOException {
                    SortedSetDocValues dv = values[field];
                    if (dv.advanceExact(doc)) {
                        int[] perOrdinal = ordinalCounts[field];
                        for (int n = dv.docValueCount(); n > 0; n--) {
                            perOrdinal[(int) dv.nextOrd()]++;
                        }
                    }
                }

                private void salary(int doc) throws IOException {
                    if (currency.advanceExact(doc) && reach.advanceExact(doc)) {
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
                    hits.finish();
                    for (int i = 0; i < values.length; i++) {
                        Map<String, Integer> byValue = counts.computeIfAbsent(fields.get(i), f -> new HashMap<>());
                        int[] perOrdinal = ordinalCounts[i];
                        for (int ord = 0; ord < perOrdinal.length; ord++) {
                            if (perOrdinal[ord] > 0) {
                                byValue.merge(values[i].lookupOrd(ord).utf8ToString(), perOrdinal[ord], Integer::sum);
                            }
                        }
                    }
                    for (int ord = 0; ord < byCurrency.length; ord++) {
                        if (byCurrency[ord] != null) {
                            salaries.computeIfAbsent(currency.lookupOrd(ord).utf8ToString(), k -> new LongList())
                                    .addAll(byCurrency[ord]);
                        }
                    }
                }
            };
        }
    }

    /**
     * Whether a segment's documents, visited in increasing order, match one filter: its iterator is advanced to each
     * document asked about (and a two-phase filter confirmed there), never backwards.
     */
    static final class FilterCheck {
        private final DocIdSetIterator iterator;
        private final TwoPhaseIterator twoPhase;

        FilterCheck(Scorer scorer) {
            this.twoPhase = scorer == null ? null : scorer.twoPhaseIterator();
            this.iterator = scorer == null ? null : twoPhase != null ? twoPhase.approximation() : scorer.iterator();
        }

        boolean matches(int doc) throws IOException {
            if (iterator == null) {
                return false; // no document of this segment matches
            }
            int current = iterator.docID();
            if (current < doc) {
                current = iterator.advance(doc);
            }
            return current == doc && (twoPhase == null || twoPhase.matches());
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
