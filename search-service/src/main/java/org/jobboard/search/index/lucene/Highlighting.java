package org.jobboard.search.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.jobboard.search.domain.SearchHit;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Highlights from the offsets stored in the postings (no re-analysis): the whole title when it matches, and the best
 * description passage of about 200 characters (the opening one when nothing matches there). Text is HTML-escaped
 * before {@code <em>} is added, so a posting's own markup can never reach a page through a snippet.
 */
final class Highlighting {
    private static final int SNIPPET_CHARS = 200;
    private static final String[] FIELDS = { PostingFields.TITLE, PostingFields.DESCRIPTION };
    private static final PassageScorer PASSAGE_SCORER = new FewMatchesPassageScorer();

    private Highlighting() {
    }

    /**
     * @param stored the page's documents by doc id, already loaded for the hits: their title and description are
     *               highlighted without reading (and decompressing) the stored fields a second time
     */
    static Map<Integer, SearchHit.Highlights> highlight(IndexSearcher searcher, Analyzer analyzer, Query query,
            ScoreDoc[] docs, Map<Integer, Document> stored) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true);
        UnifiedHighlighter highlighter = new PostingHighlighter(builder, stored);
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) {
            ids[i] = docs[i].doc;
        }
        Map<String, String[]> snippets = highlighter.highlightFields(FIELDS, query, ids, new int[] { 1, 1 });
        String[] titles = snippets.get(PostingFields.TITLE);
        String[] descriptions = snippets.get(PostingFields.DESCRIPTION);
        Map<Integer, SearchHit.Highlights> result = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            String title = titles == null ? null : titles[i];
            String description = descriptions == null ? null : descriptions[i];
            if (title != null || description != null) {
                result.put(ids[i], new SearchHit.Highlights(title, description == null ? null : description.strip()));
            }
        }
        return result;
    }

    private static final class PostingHighlighter extends UnifiedHighlighter {
        private final Map<Integer, Document> stored;

        PostingHighlighter(Builder builder, Map<Integer, Document> stored) {
            super(builder);
            this.stored = stored;
        }

        @Override
        protected PassageScorer getScorer(String field) {
            return PASSAGE_SCORER;
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int cacheCharsThreshold)
                throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                Document document = stored.get(doc);
                CharSequence[] texts = new CharSequence[fields.length];
                for (int i = 0; i < fields.length; i++) {
                    String text = document == null ? null : document.get(fields[i]);
                    texts[i] = text == null ? "" : text;
                }
                values.add(texts);
            }
            return values;
        }

        @Override
        protected BreakIterator getBreakIterator(String field) {
            if (PostingFields.TITLE.equals(field)) {
                return new WholeBreakIterator();
            }
            return LengthGoalBreakIterator.createClosestToLength(BreakIterator.getSentenceInstance(Locale.ROOT),
                    SNIPPET_CHARS, 0.3f);
        }

        @Override
        protected int getMaxNoHighlightPassages(String field) {
            return PostingFields.TITLE.equals(field) ? 0 : 1;
        }
    }

    /**
     * Lucene's passage ranking (BM25 over the distinct terms a passage matches, times a preference for early
     * passages), without its per-passage term hash: that allocates a 32 KB block for every candidate passage of every
     * hit, which made highlighting the largest source of garbage per search. A passage holds a handful of matches,
     * so distinct terms are found by comparing each with the ones before it.
     */
    static final class FewMatchesPassageScorer extends PassageScorer {
        @Override
        public float score(Passage passage, int contentLength) {
            int matches = passage.getNumMatches();
            BytesRef[] terms = passage.getMatchTerms();
            int[] frequenciesInDocument = passage.getMatchTermFreqsInDoc();
            float score = 0;
            for (int i = 0; i < matches; i++) {
                if (seenBefore(terms, i)) {
                    continue;
                }
                int inPassage = 1;
                for (int j = i + 1; j < matches; j++) {
                    if (terms[j].bytesEquals(terms[i])) {
                        inPassage++;
                    }
                }
                score += weight(contentLength, frequenciesInDocument[i]) * tf(inPassage, passage.getLength());
            }
            return score * norm(passage.getStartOffset());
        }

        private static boolean seenBefore(BytesRef[] terms, int index) {
            for (int j = 0; j < index; j++) {
                if (terms[j].bytesEquals(terms[index])) {
                    return true;
                }
            }
            return false;
        }
    }
}
