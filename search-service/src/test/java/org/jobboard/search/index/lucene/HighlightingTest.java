package org.jobboard.search.index.lucene;

import org.jobboard.search.domain.IndexedPosting;
import org.jobboard.search.domain.PostingSummary;
import org.jobboard.search.domain.SearchHit;
import org.jobboard.search.domain.SearchResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Highlights computed from a real index's stored offsets, as the search returns them. */
class HighlightingTest extends TemporaryIndexFixture {
    private static final String FILLER = "The team meets on Mondays. Lunch is provided on Fridays. "
            + "Our office is close to the river. ";

    @Test
    void titleWordsFoundThroughSynonymsAndStemmingAreEmphasized() throws Exception {
        add("Senior Java Developer", "Build payment services.");
        SearchHit.Highlights highlights = only("sr java developers");
        assertEquals("<em>Senior</em> <em>Java</em> <em>Developer</em>", highlights.title());
        assertEquals("Build payment services.", highlights.description(), "no match there: the opening passage");
    }

    @Test
    void theDescriptionPassageIsTheSentenceWithTheMostDistinctMatches() throws Exception {
        add("Platform Engineer", FILLER + "You know Kafka. " + FILLER
                + "You run Kafka and Kubernetes in production every day. " + FILLER);
        SearchHit.Highlights highlights = only("kafka kubernetes");
        assertNull(highlights.title(), "nothing in the title matches");
        String snippet = highlights.description();
        assertTrue(snippet.startsWith("You run <em>Kafka</em> and <em>Kubernetes</em> in production"), snippet);
        assertTrue(plain(snippet).length() <= Highlighting.SNIPPET_CHARS * 1.3, snippet);
    }

    @Test
    void withoutAMatchTheOpeningPassageOfAboutTwoHundredCharactersIsShown() throws Exception {
        add("Welder", FILLER.repeat(10));
        String snippet = only("welder").description();
        assertTrue(snippet.startsWith("The team meets on Mondays."), snippet);
        assertFalse(snippet.contains("<em>"), snippet);
        int length = plain(snippet).length();
        assertTrue(length >= 100 && length <= Highlighting.SNIPPET_CHARS * 1.3, snippet);
    }

    @Test
    void aLongSentenceIsCutAroundItsFirstMatchAtWordBoundaries() throws Exception {
        String words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda ".repeat(12);
        add("Analyst", words + "forklift " + words + ".");
        String snippet = only("forklift").description();
        assertTrue(snippet.contains("<em>forklift</em>"), snippet);
        int length = plain(snippet).length();
        assertTrue(length <= Highlighting.SNIPPET_CHARS + 20, snippet);
        for (String word : plain(snippet).split(" ")) {
            assertTrue(words.contains(word + " ") || word.equals("forklift"), "a cut word: " + word);
        }
    }

    @Test
    void aQuotedPhraseIsEmphasizedOnlyWhereItsWordsStandTogether() throws Exception {
        add("Engineer", "A java developer builds our services. Java is fun. Every developer codes.");
        String snippet = only("\"java developer\"").description();
        assertTrue(snippet.startsWith("A <em>java developer</em> builds"), snippet);
        assertTrue(snippet.contains("Java is fun") && snippet.contains("Every developer codes"), snippet);
    }

    @Test
    void typoTolerantMatchesAreEmphasizedToo() throws Exception {
        add("Zanzibarian Welder", "Welding in the harbour.");
        SearchResult result = search("zanzibarain");
        assertTrue(result.fuzzy());
        assertEquals("<em>Zanzibarian</em> Welder", result.hits().get(0).highlights().title());
    }

    @Test
    void thePostingsOwnTextIsEscapedBeforeEmphasisIsAdded() throws Exception {
        add("Tester", "Use <b>Java</b> & \"quotes\" / 'apostrophes'.");
        assertEquals("Use &lt;b&gt;<em>Java</em>&lt;&#x2F;b&gt; &amp; &quot;quotes&quot; &#x2F; &#x27;apostrophes&#x27;.",
                only("java").description());
    }

    private void add(String title, String description) throws Exception {
        String id = UUID.randomUUID().toString();
        index.upsert(new IndexedPosting(new PostingSummary(id, title,
                new PostingSummary.Organization(UUID.randomUUID().toString(), "Acme", null), List.of("FULL_TIME"),
                "REMOTE", "MID", List.of(), null, List.of(), "Engineering", Instant.now(), null, 1), description));
        index.refresh();
    }

    private SearchHit.Highlights only(String text) {
        SearchResult result = search(text);
        assertEquals(1, result.hits().size(), text);
        return result.hits().get(0).highlights();
    }

    private static String plain(String snippet) {
        return snippet.replace("<em>", "").replace("</em>", "");
    }
}
