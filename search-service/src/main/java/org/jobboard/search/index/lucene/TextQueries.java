package org.jobboard.search.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the user's text into a Lucene query without a query parser: the text is split into words and
 * {@code "quoted phrases"} and each piece goes through the analyzer, so no character ({@code : * ( \ ~ ^ [}) has a
 * syntax meaning and no input can make query construction fail.
 *
 * <p>Each word must match in at least one field (title counts most, then skills, organization name, description);
 * up to two words all must match, longer queries 75% of their words. Phrases must match. A proximity clause on the
 * title lifts postings whose title holds the words together.
 */
final class TextQueries {
    /** Words beyond this are ignored: they add little and would make the query expensive. */
    static final int MAX_WORDS = 32;
    static final int FUZZY_MIN_LETTERS = 5;
    private static final int MAX_FUZZY_WORDS = 8;
    /**
     * A word found in at least this many postings (in a title, the skills or a description) is taken as spelled right:
     * typo tolerance never widens it, however few hits the filters leave. Widening a correct word only adds look-alikes
     * ("welding" matching "wedding") and costs a second pass over all its matches.
     */
    static final int KNOWN_WORD_POSTINGS = 10;
    private static final List<String> TYPO_CHECKED_FIELDS = List.of(PostingFields.TITLE, PostingFields.SKILLS_TEXT,
            PostingFields.DESCRIPTION);
    private static final int FUZZY_EXPANSIONS = 20;
    private static final float FUZZY_WEIGHT = 0.5f;
    private static final float TIE_BREAKER = 0.3f;

    /** Field boosts: a word in the title says most about a posting. */
    private static final Map<String, Float> FIELDS = fields();
    /** The fields search results highlight. */
    private static final Map<String, Float> HIGHLIGHTED = Map.of(PostingFields.TITLE, FIELDS.get(PostingFields.TITLE),
            PostingFields.DESCRIPTION, FIELDS.get(PostingFields.DESCRIPTION));

    private final QueryBuilder builder;
    private final Analyzer exactTerms;
    private final Analyzer words;

    TextQueries(Analyzer queryAnalyzer, Analyzer indexAnalyzer, Analyzer words) {
        this.builder = new QueryBuilder(queryAnalyzer);
        this.builder.setAutoGenerateMultiTermSynonymsPhraseQuery(true);
        this.exactTerms = indexAnalyzer;
        this.words = words;
    }

    private static Map<String, Float> fields() {
        Map<String, Float> fields = new LinkedHashMap<>();
        fields.put(PostingFields.TITLE, 4.0f);
        fields.put(PostingFields.SKILLS_TEXT, 2.5f);
        fields.put(PostingFields.ORGANIZATION_TEXT, 1.5f);
        fields.put(PostingFields.DESCRIPTION, 1.0f);
        return fields;
    }

    /** The user's text as words and phrases (a quote left open makes the rest plain words). */
    record Parsed(List<String> words, List<String> phrases) {
    }

    static Parsed parse(String text) {
        Set<String> words = new LinkedHashSet<>();
        List<String> phrases = new ArrayList<>();
        int closed = text.lastIndexOf('"');
        int quotes = (int) text.chars().filter(c -> c == '"').count();
        // an odd number of quotes: the last one opens nothing
        int limit = quotes % 2 == 0 ? text.length() : closed;
        StringBuilder current = new StringBuilder();
        boolean inPhrase = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && i != limit) {
                if (inPhrase) {
                    if (!current.toString().isBlank()) {
                        phrases.add(current.toString().strip());
                    }
                } else {
                    addWords(current, words);
                }
                current.setLength(0);
                inPhrase = !inPhrase;
            } else {
                current.append(c == '"' ? ' ' : c);
            }
        }
        addWords(current, words);
        List<String> kept = new ArrayList<>(words).subList(0, Math.min(words.size(), MAX_WORDS));
        return new Parsed(List.copyOf(kept), List.copyOf(phrases.subList(0, Math.min(phrases.size(), 8))));
    }

    private static void addWords(CharSequence text, Set<String> words) {
        for (String word : text.toString().strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word.toLowerCase(Locale.ROOT));
            }
        }
    }

    static int letters(String word) {
        return (int) word.codePoints().filter(Character::isLetter).count();
    }

    /**
     * The words typo tolerance may widen: those of five or more letters that are rare in the index (fewer than
     * {@link #KNOWN_WORD_POSTINGS} postings hold them), so likely misspelled; at most eight.
     */
    Set<String> typoCandidates(IndexReader reader, Parsed parsed) throws IOException {
        Set<String> candidates = new LinkedHashSet<>();
        for (String word : parsed.words()) {
            if (candidates.size() < MAX_FUZZY_WORDS && letters(word) >= FUZZY_MIN_LETTERS && !known(reader, word)) {
                candidates.add(word);
            }
        }
        return candidates;
    }

    private boolean known(IndexReader reader, String word) throws IOException {
        for (String term : terms(exactTerms, PostingFields.TITLE, word)) {
            for (String field : TYPO_CHECKED_FIELDS) {
                if (reader.docFreq(new Term(field, term)) >= KNOWN_WORD_POSTINGS) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text query; the words in {@code tolerant} also match close misspellings (weighted down). */
    Query query(Parsed parsed, Set<String> tolerant) {
        BooleanQuery.Builder core = new BooleanQuery.Builder();
        int wordClauses = 0;
        for (String word : parsed.words()) {
            Query clause = wordQuery(word, tolerant.contains(word));
            if (clause != null) {
                core.add(clause, Occur.SHOULD);
                wordClauses++;
            }
        }
        int phraseClauses = 0;
        for (String phrase : parsed.phrases()) {
            Query clause = phraseQuery(phrase);
            if (clause != null) {
                core.add(clause, Occur.MUST);
                phraseClauses++;
            }
        }
        if (wordClauses + phraseClauses == 0) {
            return new MatchNoDocsQuery("no searchable words");
        }
        core.setMinimumNumberShouldMatch(wordClauses <= 2 ? wordClauses : wordClauses * 3 / 4);
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(core.build(), Occur.MUST);
        if (parsed.words().size() >= 2) {
            Query together = builder.createPhraseQuery(PostingFields.TITLE, String.join(" ", parsed.words()), 3);
            if (together != null) {
                query.add(new BoostQuery(together, 2.0f), Occur.SHOULD);
            }
        }
        return query.build();
    }

    /**
     * What {@link #query} matches in the highlighted fields (title, description) alone, without the scoring structure:
     * the highlighter computes matches per hit and clause, so every clause it need not see is work saved on each page.
     */
    Query highlightQuery(Parsed parsed, Set<String> tolerant) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : parsed.words()) {
            Query clause = wordQuery(word, tolerant.contains(word), HIGHLIGHTED);
            if (clause != null) {
                any.add(clause, Occur.SHOULD);
            }
        }
        for (String phrase : parsed.phrases()) {
            for (String field : HIGHLIGHTED.keySet()) {
                Query q = builder.createPhraseQuery(field, phrase, 0);
                if (q != null) {
                    any.add(q, Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    private Query wordQuery(String word, boolean fuzzy) {
        return wordQuery(word, fuzzy, FIELDS);
    }

    private Query wordQuery(String word, boolean fuzzy, Map<String, Float> fields) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : fields.entrySet()) {
            Query q = builder.createBooleanQuery(field.getKey(), word, Occur.MUST);
            if (q != null) {
                perField.add(new BoostQuery(q, field.getValue()));
            }
        }
        if (perField.isEmpty()) {
            return null; // a stop word or only punctuation
        }
        if (fuzzy) {
            int maxEdits = letters(word) >= 8 ? 2 : 1;
            for (String term : terms(exactTerms, PostingFields.TITLE, word)) {
                if (term.length() < FUZZY_MIN_LETTERS - 1) {
                    continue;
                }
                for (Map.Entry<String, Float> field : fields.entrySet()) {
                    if (!field.getKey().equals(PostingFields.ORGANIZATION_TEXT)) {
                        FuzzyQuery fq = new FuzzyQuery(new Term(field.getKey(), term), maxEdits, 1, FUZZY_EXPANSIONS,
                                true);
                        perField.add(new BoostQuery(fq, field.getValue() * FUZZY_WEIGHT));
                    }
                }
            }
        }
        return new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    private Query phraseQuery(String phrase) {
        List<Query> perField = new ArrayList<>();
        for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
            Query q = builder.createPhraseQuery(field.getKey(), phrase, 0);
            if (q != null) {
                perField.add(new BoostQuery(q, field.getValue()));
            }
        }
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /**
     * A corrected query when a word is unknown to the index (titles, skills and organization names), or {@code null}.
     */
    String didYouMean(IndexReader reader, Parsed parsed) throws IOException {
        List<String> all = new ArrayList<>(parsed.phrases());
        all.addAll(parsed.words());
        DirectSpellChecker checker = new DirectSpellChecker();
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String piece : all) {
            for (String token : terms(words, PostingFields.SPELL, piece)) {
                Term term = new Term(PostingFields.SPELL, token);
                if (token.length() >= 3 && token.chars().allMatch(Character::isLetter) && reader.docFreq(term) == 0) {
                    SuggestWord[] suggestions = checker.suggestSimilar(term, 1, reader,
                            SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                    if (suggestions.length > 0) {
                        corrected.add(suggestions[0].string);
                        changed = true;
                        continue;
                    }
                }
                corrected.add(token);
            }
        }
        return changed ? String.join(" ", corrected) : null;
    }

    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analyzing a String does no I/O
        }
        return terms;
    }
}
