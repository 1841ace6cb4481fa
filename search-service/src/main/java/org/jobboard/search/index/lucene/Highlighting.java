package org.jobboard.search.index.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.jobboard.search.domain.SearchHit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Highlights from the offsets stored in the postings (no re-analysis): the whole title when it matches, and the best
 * description passage of about 200 characters (the opening one when nothing matches there). Text is HTML-escaped
 * before {@code <em>} is added, so a posting's own markup can never reach a page through a snippet.
 *
 * <p>The query's weight is built once per page and asked for each hit's matches ({@link Weight#matches}), so a term
 * is looked up in the terms dictionary once per segment. Lucene's UnifiedHighlighter built a searcher, rewrote the
 * query and looked every term up again for each hit and field: half of the garbage and a seventh of the CPU of a
 * search went there.
 */
final class Highlighting {
    static final int SNIPPET_CHARS = 200;
    /** A passage may grow or shrink by this share of {@link #SNIPPET_CHARS} to end at a sentence boundary. */
    private static final double SLACK = 0.3;

    private Highlighting() {
    }

    /**
     * @param query  what to highlight (the title and description clauses of the text query, fuzzy terms expanded)
     * @param shown  the page's postings by doc id, already read for the hits, with their title and description text
     */
    static Map<Integer, SearchHit.Highlights> highlight(IndexSearcher searcher, Query query, ScoreDoc[] docs,
            Map<Integer, PostingFields.Shown> shown) throws IOException {
        Weight weight = searcher.rewrite(query).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Map<Integer, SearchHit.Highlights> result = new HashMap<>();
        for (ScoreDoc hit : docs) {
            PostingFields.Shown posting = shown.get(hit.doc);
            if (posting == null) {
                continue;
            }
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            Matches matches = weight.matches(leaf, hit.doc - leaf.docBase);
            String title = title(posting.title(), offsets(matches, PostingFields.TITLE));
            String description = description(posting.description(),
                    offsets(matches, PostingFields.DESCRIPTION));
            if (title != null || description != null) {
                result.put(hit.doc, new SearchHit.Highlights(title, description));
            }
        }
        return result;
    }

    /** The title with every match emphasized, or {@code null} when nothing in it matches. */
    static String title(String text, int[] offsets) {
        if (text == null || offsets.length == 0) {
            return null;
        }
        return mark(text, 0, text.length(), offsets);
    }

    /**
     * The description's best passage with its matches emphasized: the sentence holding the most distinct matched
     * words (the earliest on a tie), grown or cut to about {@value #SNIPPET_CHARS} characters; without matches the
     * opening passage. {@code null} for an empty description.
     */
    static String description(String text, int[] offsets) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<int[]> sentences = sentences(text);
        int best = bestSentence(text, sentences, offsets);
        int start = sentences.get(best)[0];
        int end = sentences.get(best)[1];
        // whole sentences while the passage stays short enough, the next one only if it brings it closer to the goal
        for (int next = best + 1; next < sentences.size(); next++) {
            int grown = sentences.get(next)[1];
            if (grown - start > SNIPPET_CHARS * (1 + SLACK)
                    || Math.abs(grown - start - SNIPPET_CHARS) >= Math.abs(end - start - SNIPPET_CHARS)) {
                break;
            }
            end = grown;
        }
        if (end - start > SNIPPET_CHARS * (1 + SLACK)) {
            int[] window = window(text, start, end, offsets);
            start = window[0];
            end = window[1];
        }
        String passage = mark(text, start, end, offsets).strip();
        return passage.isEmpty() ? null : passage;
    }

    /** Start and end offsets of every match in {@code field} (a phrase is one match), sorted and merged. */
    static int[] offsets(Matches matches, String field) throws IOException {
        MatchesIterator iterator = matches == null ? null : matches.getMatches(field);
        if (iterator == null) {
            return new int[0];
        }
        List<int[]> ranges = new ArrayList<>();
        while (iterator.next()) {
            int start = iterator.startOffset();
            int end = iterator.endOffset();
            if (start >= 0 && end > start) { // -1 where a field has no offsets indexed
                ranges.add(new int[] { start, end });
            }
        }
        ranges.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
        int[] merged = new int[ranges.size() * 2];
        int n = 0;
        for (int[] range : ranges) {
            if (n > 0 && range[0] <= merged[n - 1]) {
                merged[n - 1] = Math.max(merged[n - 1], range[1]); // overlapping synonyms: one emphasis
            } else {
                merged[n++] = range[0];
                merged[n++] = range[1];
            }
        }
        return Arrays.copyOf(merged, n);
    }

    /** Sentence spans: a sentence ends after {@code . ! ?} followed by white space, or at a line break. */
    static List<int[]> sentences(String text) {
        List<int[]> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean end = c == '\n'
                    || ((c == '.' || c == '!' || c == '?') && i + 1 < text.length()
                            && Character.isWhitespace(text.charAt(i + 1)));
            if (end) {
                sentences.add(new int[] { start, i + 1 });
                start = i + 1;
            }
        }
        if (start < text.length() || sentences.isEmpty()) {
            sentences.add(new int[] { start, text.length() });
        }
        return sentences;
    }

    /**
     * The sentence holding the most distinct matched words, the earliest on a tie (0 without matches). Sentences and
     * matches are both in text order, so one pass over each.
     */
    private static int bestSentence(String text, List<int[]> sentences, int[] offsets) {
        int best = 0;
        int bestScore = 0;
        int m = 0;
        Set<String> words = new HashSet<>();
        for (int s = 0; s < sentences.size() && m < offsets.length; s++) {
            int[] sentence = sentences.get(s);
            words.clear();
            for (; m < offsets.length && offsets[m] < sentence[1]; m += 2) {
                if (offsets[m + 1] <= sentence[1]) { // a match across a sentence end counts for neither
                    words.add(text.substring(offsets[m], offsets[m + 1]).toLowerCase(Locale.ROOT));
                }
            }
            if (words.size() > bestScore) {
                best = s;
                bestScore = words.size();
            }
        }
        return best;
    }

    /** About {@value #SNIPPET_CHARS} characters of a long sentence, from a word boundary before its first match. */
    private static int[] window(String text, int start, int end, int[] offsets) {
        int firstMatch = -1;
        for (int m = 0; m < offsets.length; m += 2) {
            if (offsets[m] >= start && offsets[m + 1] <= end) {
                firstMatch = offsets[m];
                break;
            }
        }
        int from = start;
        if (firstMatch >= 0 && firstMatch - start > SNIPPET_CHARS / 4) {
            from = wordStart(text, firstMatch - SNIPPET_CHARS / 4, start);
        }
        int to = Math.min(end, from + SNIPPET_CHARS);
        if (to < end) {
            int space = text.lastIndexOf(' ', to);
            to = space > from ? space : to;
            // never cut a match in two
            for (int m = 0; m < offsets.length; m += 2) {
                if (offsets[m] < to && offsets[m + 1] > to) {
                    to = offsets[m + 1];
                }
            }
        }
        return new int[] { from, to };
    }

    private static int wordStart(String text, int at, int floor) {
        int space = text.lastIndexOf(' ', at);
        return space < floor ? floor : space + 1;
    }

    /** {@code text[start, end)} HTML-escaped, with the matches inside it wrapped in {@code <em>}. */
    static String mark(String text, int start, int end, int[] offsets) {
        StringBuilder out = new StringBuilder(end - start + 32);
        int at = start;
        for (int m = 0; m < offsets.length; m += 2) {
            int from = Math.max(offsets[m], start);
            int to = Math.min(offsets[m + 1], end);
            if (from >= to || from < at) {
                continue;
            }
            escape(text, at, from, out);
            out.append("<em>");
            escape(text, from, to, out);
            out.append("</em>");
            at = to;
        }
        escape(text, at, end, out);
        return out.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                case '/' -> out.append("&#x2F;");
                default -> out.append(c);
            }
        }
    }
}
