package org.jobboard.search.index.lucene;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextQueriesTest {
    @Test
    void quotesMakePhrasesAndAnOpenQuoteIsText() {
        TextQueries.Parsed parsed = TextQueries.parse("senior \"java developer\" remote");
        assertEquals(List.of("senior", "remote"), parsed.words());
        assertEquals(List.of("java developer"), parsed.phrases());

        TextQueries.Parsed open = TextQueries.parse("\"java developer\" \"unclosed phrase");
        assertEquals(List.of("java developer"), open.phrases());
        assertEquals(List.of("unclosed", "phrase"), open.words());
    }

    @Test
    void wordsAreDeduplicatedAndCapped() {
        assertEquals(List.of("java"), TextQueries.parse("Java java JAVA").words());
        assertEquals(TextQueries.MAX_WORDS, TextQueries.parse("w".repeat(1) + " x".repeat(0)
                + String.join(" ", java.util.stream.IntStream.range(0, 100).mapToObj(i -> "w" + i).toList()))
                .words().size());
    }

    @Test
    void lettersCountOnlyLetters() {
        assertEquals(5, TextQueries.letters("we1ld3r"));
        assertEquals(1, TextQueries.letters("c++ 42"));
    }
}
