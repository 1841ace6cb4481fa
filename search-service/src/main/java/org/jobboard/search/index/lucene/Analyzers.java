package org.jobboard.search.index.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.util.Map;

/**
 * Text analysis. Documents are indexed with English analysis (lower case, accents folded, stop words removed, Porter
 * stemming); queries go through the same chain plus the synonym list, so synonyms need no reindex when the list
 * changes. Synonyms apply at query time only, where SynonymGraphFilter handles multi-word entries correctly.
 */
public final class Analyzers {
    private Analyzers() {
    }

    /** For indexing: English everywhere except the spelling field, which keeps words unstemmed for "did you mean". */
    public static Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(new English(null), Map.of(PostingFields.SPELL, words()));
    }

    /** For queries: English with synonyms. */
    public static Analyzer query(SynonymMap synonyms) {
        return new English(synonyms);
    }

    /** Plain lower-cased, accent-folded words (no stemming, no stop words). */
    public static Analyzer words() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new ASCIIFoldingFilter(new LowerCaseFilter(source)));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new ASCIIFoldingFilter(new LowerCaseFilter(in));
            }
        };
    }

    /**
     * Reads a synonym list in the Solr format ({@code k8s, kubernetes} for equivalents, {@code a => b} for one-way),
     * normalized like the text it applies to.
     */
    public static SynonymMap synonyms(Reader source) {
        try (Analyzer analyzer = words()) {
            SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
            parser.parse(source);
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synonym list", e);
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid synonym list at line " + e.getErrorOffset(), e);
        }
    }

    private static final class English extends Analyzer {
        private final SynonymMap synonyms;

        English(SynonymMap synonyms) {
            this.synonyms = synonyms;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new ASCIIFoldingFilter(stream);
            // stop words before synonyms: a filter that drops tokens after a synonym graph would break the graph
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            if (synonyms != null && synonyms.fst != null) {
                stream = new SynonymGraphFilter(stream, synonyms, true);
            }
            return new TokenStreamComponents(source, new PorterStemFilter(stream));
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }
}
