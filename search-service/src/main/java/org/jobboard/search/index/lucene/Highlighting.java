package org.jobboard.search.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.jobboard.search.domain.SearchHit;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.HashMap;
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

    private Highlighting() {
    }

    static Map<Integer, SearchHit.Highlights> highlight(IndexSearcher searcher, Analyzer analyzer, Query query,
            ScoreDoc[] docs) throws IOException {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", " … ", true))
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(true);
        UnifiedHighlighter highlighter = new PostingHighlighter(builder);
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
        PostingHighlighter(Builder builder) {
            super(builder);
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
}
