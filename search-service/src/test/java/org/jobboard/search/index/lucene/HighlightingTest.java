package org.jobboard.search.index.lucene;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HighlightingTest {
    /** The allocation-free passage ranking must rank exactly as Lucene's own. */
    @Test
    void passagesScoreAsWithLucenesScorer() {
        PassageScorer lucene = new PassageScorer();
        PassageScorer ours = new Highlighting.FewMatchesPassageScorer();
        Random random = new Random(11);
        String[] words = { "java", "kafka", "senior", "developer", "cloud" };
        for (int round = 0; round < 2_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(2_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 500); // matches must lie inside the passage
            int offset = start;
            int[] inDocument = new int[words.length];
            for (int w = 0; w < words.length; w++) {
                inDocument[w] = 1 + random.nextInt(12);
            }
            for (int m = random.nextInt(9); m > 0; m--) {
                int w = random.nextInt(words.length);
                offset += 1 + random.nextInt(30);
                passage.addMatch(offset, offset + words[w].length(), new BytesRef(words[w]), inDocument[w]);
                offset += words[w].length();
            }
            passage.setEndOffset(offset + random.nextInt(20));
            int contentLength = passage.getEndOffset() + random.nextInt(3_000);
            assertEquals(lucene.score(passage, contentLength), ours.score(passage, contentLength), 1e-4f,
                    passage.toString());
        }
    }
}
