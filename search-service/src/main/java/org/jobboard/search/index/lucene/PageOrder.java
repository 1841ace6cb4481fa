package org.jobboard.search.index.lucene;

import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.util.BytesRef;
import org.jobboard.search.domain.GeoPoint;
import org.jobboard.search.domain.PostingQuery;
import org.jobboard.search.domain.SortOrder;
import org.jobboard.search.index.SearchIndex.InvalidCursorException;

import java.util.List;

/**
 * Sorting and cursor paging: every sort ends with the posting id, so the sort values of a page's last hit (its cursor)
 * say exactly where the next page starts, and whether the previous page used typo tolerance.
 */
final class PageOrder {
    private static final String FUZZY = "f";
    private static final String EXACT = "e";

    private PageOrder() {
    }

    /** Relevance without text means nothing: newest first then. */
    static SortOrder effectiveSort(PostingQuery query) {
        return query.sort() == SortOrder.RELEVANCE && !query.hasText() ? SortOrder.DATE : query.sort();
    }

    static Sort sort(SortOrder order, GeoPoint near) {
        SortField id = new SortField(PostingFields.ID_SORT, SortField.Type.STRING_VAL);
        SortField primary = switch (order) {
            case RELEVANCE -> SortField.FIELD_SCORE;
            case DATE -> descendingLong(PostingFields.POSTED);
            case SALARY -> descendingLong(PostingFields.SALARY_REACH);
            case DISTANCE -> LatLonDocValuesField.newDistanceSort(PostingFields.GEO, near.latitude(), near.longitude());
        };
        return new Sort(primary, id);
    }

    private static SortField descendingLong(String field) {
        SortField sort = LongField.newSortField(field, true, SortedNumericSelector.Type.MAX);
        sort.setMissingValue(Long.MIN_VALUE); // postings without a value come last
        return sort;
    }

    /** The sort values a hit's cursor carries: text mode, primary sort value, id. */
    static List<String> sortValues(FieldDoc doc, boolean fuzzy) {
        return List.of(fuzzy ? FUZZY : EXACT, String.valueOf(doc.fields[0]), ((BytesRef) doc.fields[1]).utf8ToString());
    }

    /** The position after the previous page: the text mode it used, its last sort value and id. */
    record After(boolean fuzzy, Object primary, String id) {
        static After parse(List<String> values, SortOrder sort) {
            if (values.size() != 3 || !(EXACT.equals(values.get(0)) || FUZZY.equals(values.get(0)))) {
                throw new InvalidCursorException("unexpected cursor values");
            }
            try {
                Object primary = switch (sort) {
                    case RELEVANCE -> Float.parseFloat(values.get(1));
                    case DATE, SALARY -> Long.parseLong(values.get(1));
                    case DISTANCE -> Double.parseDouble(values.get(1));
                };
                return new After(FUZZY.equals(values.get(0)), primary, values.get(2));
            } catch (NumberFormatException e) {
                throw new InvalidCursorException("unexpected cursor value");
            }
        }

        FieldDoc fieldDoc() {
            // the id is unique, so the doc number never decides; MAX_VALUE excludes the previous page's last hit
            return new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] { primary, new BytesRef(id) });
        }
    }
}
